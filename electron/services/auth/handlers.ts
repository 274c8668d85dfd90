import { asc, count, eq } from 'drizzle-orm';
import { departments, users } from '../../../db/schema';
import type { PublicUser } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext } from '../context';
import { AppError, notFound } from '../errors';
import type { HandlerGroup } from '../registry';
import { hashPassword, verifyPassword } from './password';

type UserRow = typeof users.$inferSelect;

function toPublic(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    departmentKey: row.departmentKey,
    role: row.role,
    isActive: row.isActive,
    createdAt: row.createdAt,
  };
}

function userCount(ctx: CallContext): number {
  return ctx.deps.db.select({ n: count() }).from(users).get()?.n ?? 0;
}

function requireDepartment(ctx: CallContext, key: string): void {
  const found = ctx.deps.db.select({ key: departments.key }).from(departments).where(eq(departments.key, key)).get();
  if (!found) throw new AppError('VALIDATION', `部门“${key}”不存在，请从列表中选择`);
}

function findByUsername(ctx: CallContext, username: string): UserRow | undefined {
  return ctx.deps.db.select().from(users).where(eq(users.username, username)).get();
}

function insertUser(
  ctx: CallContext,
  input: { username: string; password: string; displayName: string; departmentKey: string; role: UserRow['role'] },
): UserRow {
  requireDepartment(ctx, input.departmentKey);
  if (findByUsername(ctx, input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`);
  const now = ctx.now();
  const row: UserRow = {
    id: ctx.deps.newId(),
    username: input.username,
    displayName: input.displayName,
    departmentKey: input.departmentKey,
    role: input.role,
    passwordHash: hashPassword(input.password),
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  ctx.deps.db.insert(users).values(row).run();
  return row;
}

function signIn(ctx: CallContext, row: UserRow): void {
  ctx.session.user = {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentKey: row.departmentKey,
  };
}

/** Handlers for first-start setup, sign-in/out and account management. */
export function createAuthHandlers(): HandlerGroup {
  return {
    'auth:status': (_input, ctx) => {
      const current = ctx.session.user;
      const row = current ? ctx.deps.db.select().from(users).where(eq(users.id, current.id)).get() : undefined;
      return { needsSetup: userCount(ctx) === 0, user: row ? toPublic(row) : null };
    },

    'auth:setup-admin': (input, ctx) => {
      // Hash outside the transaction: it is slow and needs no lock.
      const row = inTransaction(ctx.deps, () => {
        if (userCount(ctx) > 0) throw new AppError('CONFLICT', '管理员已创建，请直接登录');
        const created = insertUser(ctx, { ...input, role: 'admin' });
        const actor = { id: created.id, name: created.displayName };
        recordChange(ctx, { entity: 'user', entityId: created.id, action: 'create', after: toPublic(created) }, actor);
        return created;
      });
      signIn(ctx, row);
      return toPublic(row);
    },

    'auth:sign-in': (input, ctx) => {
      const row = findByUsername(ctx, input.username);
      // Verify even for unknown users so timing does not reveal which usernames exist.
      const ok = verifyPassword(input.password, row?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA');
      if (!row || !ok) throw new AppError('UNAUTHENTICATED', '用户名或密码不正确');
      if (!row.isActive) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员');
      inTransaction(ctx.deps, () => {
        recordChange(
          ctx,
          { entity: 'user', entityId: row.id, action: 'sign-in' },
          { id: row.id, name: row.displayName },
        );
      });
      signIn(ctx, row);
      return toPublic(row);
    },

    'auth:sign-out': (_input, ctx) => {
      const user = ctx.session.user;
      if (!user) return { signedOut: false };
      inTransaction(ctx.deps, () => recordChange(ctx, { entity: 'user', entityId: user.id, action: 'sign-out' }));
      ctx.session.user = null;
      return { signedOut: true };
    },

    'auth:change-password': (input, ctx) => {
      const actor = ctx.actor();
      const row = ctx.deps.db.select().from(users).where(eq(users.id, actor.id ?? '')).get();
      if (!row) throw notFound('账号');
      if (!verifyPassword(input.currentPassword, row.passwordHash)) {
        throw new AppError('VALIDATION', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
      }
      const hash = hashPassword(input.newPassword);
      inTransaction(ctx.deps, () => {
        ctx.deps.db.update(users).set({ passwordHash: hash, updatedAt: ctx.now() }).where(eq(users.id, row.id)).run();
        recordChange(ctx, { entity: 'user', entityId: row.id, action: 'change-password' });
      });
      return { changed: true };
    },

    'users:list': (_input, ctx) =>
      ctx.deps.db.select().from(users).orderBy(asc(users.createdAt)).all().map(toPublic),

    'users:create': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const row = insertUser(ctx, input);
        recordChange(ctx, { entity: 'user', entityId: row.id, action: 'create', after: toPublic(row) });
        return toPublic(row);
      }),

    'users:update': (input, ctx) => {
      const hash = input.newPassword ? hashPassword(input.newPassword) : undefined;
      return inTransaction(ctx.deps, () => {
        const before = ctx.deps.db.select().from(users).where(eq(users.id, input.id)).get();
        if (!before) throw notFound('账号');
        if (input.departmentKey) requireDepartment(ctx, input.departmentKey);
        const demotesOrDisablesAdmin =
          before.role === 'admin' && ((input.role && input.role !== 'admin') || input.isActive === false);
        if (demotesOrDisablesAdmin) {
          const activeAdmins = ctx.deps.db
            .select()
            .from(users)
            .all()
            .filter((u) => u.role === 'admin' && u.isActive).length;
          if (activeAdmins <= 1) throw new AppError('CONFLICT', '至少需要保留一名启用的管理员');
        }
        const patch = {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.departmentKey !== undefined ? { departmentKey: input.departmentKey } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
          ...(hash ? { passwordHash: hash } : {}),
          updatedAt: ctx.now(),
        };
        ctx.deps.db.update(users).set(patch).where(eq(users.id, input.id)).run();
        const after = ctx.deps.db.select().from(users).where(eq(users.id, input.id)).get();
        if (!after) throw notFound('账号');
        recordChange(ctx, {
          entity: 'user',
          entityId: input.id,
          action: hash ? 'update-and-reset-password' : 'update',
          before: toPublic(before),
          after: toPublic(after),
        });
        if (ctx.session.user?.id === after.id) signIn(ctx, after);
        return toPublic(after);
      });
    },
  };
}
