import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../support/services';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

function auditRows(t: TestApp): Array<{ entity: string; action: string; actor_name: string; before_json: string | null; after_json: string | null }> {
  return t.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY at, id').all() as never;
}

describe('first start and accounts', () => {
  it('asks for an administrator on first start, then only once', async () => {
    app = createTestApp();
    expect(await app.call('auth:status', {})).toEqual({ needsSetup: true, user: null });
    const admin = await app.call('auth:setup-admin', ADMIN);
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', displayName: '王管理', isActive: true });
    expect(await app.call('auth:status', {})).toMatchObject({ needsSetup: false, user: { id: admin.id } });
    const again = await app.raw('auth:setup-admin', { ...ADMIN, username: 'other' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '管理员已创建，请直接登录' } });
  });

  it('stores only a scrypt hash and never puts it in the audit log', async () => {
    app = createTestApp();
    await app.call('auth:setup-admin', ADMIN);
    const row = app.database.sqlite.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
    const audit = JSON.stringify(auditRows(app));
    expect(audit).not.toContain('scrypt$');
    expect(audit).not.toContain(ADMIN.password);
  });

  it('signs in and out, with a Chinese error for a wrong password or a disabled account', async () => {
    app = createTestApp();
    await app.call('auth:setup-admin', ADMIN);
    const inspector = await app.call('users:create', {
      username: 'zhang', password: 'Inspect#2026', displayName: '张检查', departmentKey: 'fire', role: 'inspector',
    });
    await app.call('auth:sign-out', {});
    expect(await app.call('auth:status', {})).toEqual({ needsSetup: false, user: null });
    expect(await app.raw('auth:sign-in', { username: 'zhang', password: 'wrong-password' })).toMatchObject({
      ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码不正确' },
    });
    expect(await app.raw('auth:sign-in', { username: 'nobody', password: 'whatever1' })).toMatchObject({
      ok: false, error: { message: '用户名或密码不正确' },
    });
    const me = await app.call('auth:sign-in', { username: 'zhang', password: 'Inspect#2026' });
    expect(me.id).toBe(inspector.id);
    expect(await app.raw('users:create', { username: 'x1', password: 'Passw0rd!', displayName: 'x', departmentKey: 'fire', role: 'admin' }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'admin', password: ADMIN.password });
    await app.call('users:update', { id: inspector.id, isActive: false });
    await app.call('auth:sign-out', {});
    expect(await app.raw('auth:sign-in', { username: 'zhang', password: 'Inspect#2026' })).toMatchObject({
      ok: false, error: { code: 'FORBIDDEN', message: '该账号已停用，请联系管理员' },
    });
  });

  it('keeps at least one active administrator', async () => {
    app = createTestApp();
    const admin = await app.call('auth:setup-admin', ADMIN);
    expect(await app.raw('users:update', { id: admin.id, role: 'inspector' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', message: '至少需要保留一名启用的管理员' },
    });
    expect(await app.raw('users:update', { id: admin.id, isActive: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('rejects a duplicate username and an unknown department, changing nothing', async () => {
    app = createTestApp();
    await app.call('auth:setup-admin', ADMIN);
    const before = auditRows(app).length;
    expect(await app.raw('users:create', { ...ADMIN, role: 'viewer' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '用户名“admin”已被使用' } });
    expect(await app.raw('users:create', { username: 'li', password: 'Passw0rd!', displayName: '李', departmentKey: 'space', role: 'viewer' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '部门“space”不存在，请从列表中选择' } });
    expect(auditRows(app)).toHaveLength(before);
    expect((app.database.sqlite.prepare('SELECT count(*) n FROM users').get() as { n: number }).n).toBe(1);
  });

  it('changes a password only with the current one', async () => {
    app = createTestApp();
    await app.call('auth:setup-admin', ADMIN);
    expect(await app.raw('auth:change-password', { currentPassword: 'nope', newPassword: 'NewPass#2026' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', message: '当前密码不正确' },
    });
    await app.call('auth:change-password', { currentPassword: ADMIN.password, newPassword: 'NewPass#2026' });
    await app.call('auth:sign-out', {});
    expect(await app.raw('auth:sign-in', { username: 'admin', password: ADMIN.password })).toMatchObject({ ok: false });
    expect(await app.raw('auth:sign-in', { username: 'admin', password: 'NewPass#2026' })).toMatchObject({ ok: true });
  });
});

describe('audit', () => {
  it('writes one record per change, with the signed-in user as actor and before/after', async () => {
    app = createTestApp();
    const admin = await app.call('auth:setup-admin', ADMIN);
    const u = await app.call('users:create', { username: 'li', password: 'Passw0rd!', displayName: '李明', departmentKey: 'market', role: 'viewer' });
    await app.call('users:update', { id: u.id, role: 'inspector' });
    const log = await app.call('audit:list', { entity: 'user', entityId: u.id });
    expect(log.map((r) => r.action)).toEqual(['update', 'create']);
    expect(log[0]).toMatchObject({ actorId: admin.id, actorName: '王管理', before: { role: 'viewer' }, after: { role: 'inspector' } });
  });

  it('rolls the change back when its audit record cannot be written', async () => {
    app = createTestApp();
    await app.call('auth:setup-admin', ADMIN);
    app.database.sqlite.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit disk full'); END;");
    const original = console.error;
    console.error = () => undefined;
    try {
      const result = await app.raw('users:create', { username: 'li', password: 'Passw0rd!', displayName: '李明', departmentKey: 'market', role: 'viewer' });
      expect(result.ok).toBe(false);
    } finally {
      console.error = original;
    }
    expect((app.database.sqlite.prepare("SELECT count(*) n FROM users WHERE username = 'li'").get() as { n: number }).n).toBe(0);
  });
});
