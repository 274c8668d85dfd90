import { and, asc, eq, ne } from 'drizzle-orm';
import { departments, inspectorRecusals, inspectors, institutions, towns, users } from '../../../db/schema';
import type { ChannelParsedInput, Inspector, InspectorCandidate, Recusal } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';

type InspectorRow = typeof inspectors.$inferSelect;

/**
 * Masks a phone number for people who may not see it: 13812341234 → 138****1234, 021-58881234 → 021****1234.
 * Done in the service, so a viewer's screen never receives the full number at all.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 8 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** What the audit log keeps of an inspector (administrators only read it, so the phone stays whole). */
function auditView(row: InspectorRow) {
  return {
    name: row.name,
    departmentKey: row.departmentKey,
    certificateNo: row.certificateNo,
    phone: row.phone,
    isActive: row.isActive,
    userId: row.userId,
  };
}

function recusalsByInspector(ctx: CallContext, inspectorId?: string): Map<string, Recusal[]> {
  const rows = ctx.deps.db
    .select({
      id: inspectorRecusals.id,
      inspectorId: inspectorRecusals.inspectorId,
      scope: inspectorRecusals.scope,
      institutionId: inspectorRecusals.institutionId,
      institutionName: institutions.name,
      townId: inspectorRecusals.townId,
      townName: towns.name,
      reason: inspectorRecusals.reason,
      createdAt: inspectorRecusals.createdAt,
      createdByName: users.displayName,
    })
    .from(inspectorRecusals)
    .leftJoin(institutions, eq(institutions.id, inspectorRecusals.institutionId))
    .leftJoin(towns, eq(towns.id, inspectorRecusals.townId))
    .innerJoin(users, eq(users.id, inspectorRecusals.createdBy))
    .where(inspectorId === undefined ? undefined : eq(inspectorRecusals.inspectorId, inspectorId))
    .orderBy(asc(inspectorRecusals.createdAt), asc(inspectorRecusals.id))
    .all();
  const map = new Map<string, Recusal[]>();
  for (const { inspectorId: owner, ...recusal } of rows) {
    const list = map.get(owner) ?? [];
    list.push(recusal);
    map.set(owner, list);
  }
  return map;
}

function toInspector(ctx: CallContext, row: InspectorRow, recusals: Recusal[]): Inspector {
  const seesPhone = ctx.actor().role === 'admin';
  return {
    id: row.id,
    name: row.name,
    departmentKey: row.departmentKey,
    certificateNo: row.certificateNo,
    phone: row.phone === null || seesPhone ? row.phone : maskPhone(row.phone),
    phoneMasked: row.phone !== null && !seesPhone,
    isActive: row.isActive,
    userId: row.userId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    recusals,
  };
}

function findInspector(ctx: CallContext, id: string): InspectorRow {
  const row = ctx.deps.db.select().from(inspectors).where(eq(inspectors.id, id)).get();
  if (!row) throw notFound('检查人员');
  return row;
}

function inspectorView(ctx: CallContext, id: string): Inspector {
  return toInspector(ctx, findInspector(ctx, id), recusalsByInspector(ctx, id).get(id) ?? []);
}

/** The roster in department order, then by name; inactive inspectors only when asked for. */
export function listInspectors(ctx: CallContext, includeInactive: boolean): Inspector[] {
  const rows = ctx.deps.db
    .select({ inspector: inspectors })
    .from(inspectors)
    .innerJoin(departments, eq(departments.key, inspectors.departmentKey))
    .where(includeInactive ? undefined : eq(inspectors.isActive, true))
    .orderBy(asc(departments.sortOrder), asc(inspectors.name), asc(inspectors.id))
    .all();
  const recusals = recusalsByInspector(ctx);
  return rows.map(({ inspector }) => toInspector(ctx, inspector, recusals.get(inspector.id) ?? []));
}

function requireDepartment(ctx: CallContext, key: string): void {
  const found = ctx.deps.db.select({ key: departments.key }).from(departments).where(eq(departments.key, key)).get();
  if (!found) throw new AppError('VALIDATION', `部门“${key}”不存在，请从列表中选择`);
}

function requireUniqueCertificate(ctx: CallContext, certificateNo: string | null, selfId: string | null): void {
  if (certificateNo === null) return;
  const clash = ctx.deps.db
    .select({ name: inspectors.name })
    .from(inspectors)
    .where(
      selfId === null
        ? eq(inspectors.certificateNo, certificateNo)
        : and(eq(inspectors.certificateNo, certificateNo), ne(inspectors.id, selfId)),
    )
    .get();
  if (clash) throw new AppError('CONFLICT', `执法证号“${certificateNo}”已登记给检查人员“${clash.name}”，不能重复`);
}

function requireLinkableUser(ctx: CallContext, userId: string | null, selfId: string | null): void {
  if (userId === null) return;
  const user = ctx.deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError('VALIDATION', '要关联的登录账号不存在');
  const linked = ctx.deps.db
    .select({ id: inspectors.id, name: inspectors.name })
    .from(inspectors)
    .where(eq(inspectors.userId, userId))
    .get();
  if (linked && linked.id !== selfId) {
    throw new AppError('CONFLICT', `该登录账号已关联检查人员“${linked.name}”，一个账号只能关联一名检查人员`);
  }
}

/** Adds an inspector to the roster (active), with its audit record. */
export function createInspector(ctx: CallContext, input: ChannelParsedInput<'inspectors:create'>): Inspector {
  return inTransaction(ctx.deps, () => {
    const certificateNo = input.certificateNo ?? null;
    const userId = input.userId ?? null;
    requireDepartment(ctx, input.departmentKey);
    requireUniqueCertificate(ctx, certificateNo, null);
    requireLinkableUser(ctx, userId, null);
    const now = ctx.now();
    const row: InspectorRow = {
      id: ctx.deps.newId(),
      name: input.name,
      departmentKey: input.departmentKey,
      certificateNo,
      phone: input.phone ?? null,
      isActive: true,
      userId,
      createdAt: now,
      updatedAt: now,
    };
    ctx.deps.db.insert(inspectors).values(row).run();
    recordChange(ctx, { entity: 'inspector', entityId: row.id, action: 'create', after: auditView(row) });
    return toInspector(ctx, row, []);
  });
}

/** Changes an inspector's fields; a call that changes nothing writes nothing (not even an audit row). */
export function updateInspector(ctx: CallContext, input: ChannelParsedInput<'inspectors:update'>): Inspector {
  return inTransaction(ctx.deps, () => {
    const before = findInspector(ctx, input.id);
    if (input.departmentKey !== undefined) requireDepartment(ctx, input.departmentKey);
    if (input.certificateNo !== undefined) requireUniqueCertificate(ctx, input.certificateNo, before.id);
    if (input.userId !== undefined) requireLinkableUser(ctx, input.userId, before.id);
    const after: InspectorRow = {
      ...before,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.departmentKey !== undefined ? { departmentKey: input.departmentKey } : {}),
      ...(input.certificateNo !== undefined ? { certificateNo: input.certificateNo } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    };
    if (JSON.stringify(auditView(after)) === JSON.stringify(auditView(before))) return inspectorView(ctx, before.id);
    after.updatedAt = ctx.now();
    ctx.deps.db.update(inspectors).set(after).where(eq(inspectors.id, before.id)).run();
    recordChange(ctx, {
      entity: 'inspector',
      entityId: before.id,
      action: 'update',
      before: auditView(before),
      after: auditView(after),
    });
    return inspectorView(ctx, before.id);
  });
}

/** Records that an inspector must avoid an institution or a town; refuses an exact duplicate. */
export function addRecusal(ctx: CallContext, input: ChannelParsedInput<'inspectors:add-recusal'>): Inspector {
  return inTransaction(ctx.deps, () => {
    const inspector = findInspector(ctx, input.inspectorId);
    const existing = recusalsByInspector(ctx, inspector.id).get(inspector.id) ?? [];
    let target: { institutionId: string | null; townId: string | null; label: string };
    if (input.scope === 'institution') {
      const institution = ctx.deps.db
        .select({ name: institutions.name })
        .from(institutions)
        .where(eq(institutions.id, input.institutionId))
        .get();
      if (!institution) throw notFound('要回避的机构');
      if (existing.some((r) => r.institutionId === input.institutionId)) {
        throw new AppError('CONFLICT', `${inspector.name}已登记回避机构“${institution.name}”`);
      }
      target = { institutionId: input.institutionId, townId: null, label: institution.name };
    } else {
      const town = ctx.deps.db.select({ name: towns.name }).from(towns).where(eq(towns.id, input.townId)).get();
      if (!town) throw notFound('要回避的街镇');
      if (existing.some((r) => r.townId === input.townId)) {
        throw new AppError('CONFLICT', `${inspector.name}已登记回避街镇“${town.name}”`);
      }
      target = { institutionId: null, townId: input.townId, label: town.name };
    }
    const actor = ctx.actor();
    const row: typeof inspectorRecusals.$inferInsert = {
      id: ctx.deps.newId(),
      inspectorId: inspector.id,
      scope: input.scope,
      institutionId: target.institutionId,
      townId: target.townId,
      reason: input.reason,
      createdAt: ctx.now(),
      createdBy: actor.id ?? '',
    };
    ctx.deps.db.insert(inspectorRecusals).values(row).run();
    recordChange(ctx, {
      entity: 'inspector',
      entityId: inspector.id,
      action: 'add-recusal',
      after: {
        recusalId: row.id,
        scope: row.scope,
        target: target.label,
        institutionId: row.institutionId,
        townId: row.townId,
      },
      reason: input.reason,
    });
    return inspectorView(ctx, inspector.id);
  });
}

/** Removes one recusal; the audit record keeps what it said and why it had been made. */
export function removeRecusal(ctx: CallContext, id: string): Inspector {
  return inTransaction(ctx.deps, () => {
    const row = ctx.deps.db.select().from(inspectorRecusals).where(eq(inspectorRecusals.id, id)).get();
    if (!row) throw notFound('回避记录');
    const shown = (recusalsByInspector(ctx, row.inspectorId).get(row.inspectorId) ?? []).find((r) => r.id === id);
    ctx.deps.db.delete(inspectorRecusals).where(eq(inspectorRecusals.id, id)).run();
    recordChange(ctx, {
      entity: 'inspector',
      entityId: row.inspectorId,
      action: 'remove-recusal',
      before: {
        recusalId: row.id,
        scope: row.scope,
        target: shown?.institutionName ?? shown?.townName ?? null,
        institutionId: row.institutionId,
        townId: row.townId,
        reason: row.reason,
      },
    });
    return inspectorView(ctx, row.inspectorId);
  });
}

/**
 * The active roster as draw candidates (phase 2 feeds this to the draw engine). Reads with the service deps
 * only, so it can run inside the plan's draw transaction.
 */
export function loadInspectorCandidates(deps: ServiceDeps): InspectorCandidate[] {
  const rows = deps.db
    .select({ id: inspectors.id, name: inspectors.name, departmentKey: inspectors.departmentKey })
    .from(inspectors)
    .where(eq(inspectors.isActive, true))
    .all();
  const recusals = deps.db.select().from(inspectorRecusals).all();
  return rows.map((r) => ({
    ...r,
    recusedInstitutionIds: recusals.flatMap((x) =>
      x.inspectorId === r.id && x.institutionId ? [x.institutionId] : [],
    ),
    recusedTownIds: recusals.flatMap((x) => (x.inspectorId === r.id && x.townId ? [x.townId] : [])),
  }));
}
