import { afterEach, describe, expect, it } from 'vitest';
import type { InstitutionFields } from '../../../electron/api';
import { buildUscc } from '../../../electron/services/institutions/uscc';
import { createDemoInstitutions, demoInstitutionFields } from '../../../scripts/demo/institutions';
import { createSignedInApp, type TestApp } from '../../support/services';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

async function start(): Promise<{ app: TestApp; sample: (i?: number) => InstitutionFields }> {
  app = await createSignedInApp();
  const towns = await app.call('towns:list', {});
  const pool = demoInstitutionFields(towns, 20, 11);
  return { app, sample: (i = 0) => ({ ...(pool[i] as InstitutionFields) }) };
}

describe('机构档案: create, read, update', () => {
  it('creates an institution with a normalised code and audits it', async () => {
    const { app, sample } = await start();
    const f = sample();
    const created = await app.call('institutions:create', { ...f, uscc: ` ${f.uscc.toLowerCase()} ` });
    expect(created.uscc).toBe(f.uscc);
    expect(created.townName).toMatch(/街道|镇$/);
    const got = await app.call('institutions:get', { id: created.id });
    expect(got.institution).toEqual(created);
    expect(got.references).toEqual([]);
    expect(got.risk.level).toBe('未评估');
    const log = await app.call('audit:list', { entity: 'institution', entityId: created.id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'create', actorName: '王管理', after: { name: f.name, uscc: f.uscc } });
  });

  it('rejects a wrong check character with the expected one, and writes nothing', async () => {
    const { app, sample } = await start();
    const f = sample();
    const last = f.uscc.at(-1);
    const wrong = f.uscc.slice(0, 17) + (last === '0' ? '1' : '0');
    const r = await app.raw('institutions:create', { ...f, uscc: wrong });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.message).toContain(`第 18 位校验码应为“${last}”`);
    expect(!r.ok && r.error.issues?.[0]?.path).toBe('uscc');
    expect((await app.call('institutions:list', {})).total).toBe(0);
    expect(await app.call('audit:list', { entity: 'institution' })).toEqual([]);
  });

  it('refuses a duplicate code or name, an unknown town and impossible counts', async () => {
    const { app, sample } = await start();
    const first = await app.call('institutions:create', sample(0));
    const dupCode = await app.raw('institutions:create', { ...sample(1), uscc: first.uscc });
    expect(!dupCode.ok && dupCode.error.message).toContain(`已被“${first.name}”使用`);
    const dupName = await app.raw('institutions:create', { ...sample(1), name: first.name });
    expect(!dupName.ok && dupName.error.message).toContain('机构名称不能重复');
    const badTown = await app.raw('institutions:create', { ...sample(1), townId: 'no-such-town' });
    expect(!badTown.ok && badTown.error.issues?.[0]).toMatchObject({ path: 'townId' });
    const tooMany = await app.raw('institutions:create', { ...sample(1), bedCount: 1, residentsSelfCare: 5 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!tooMany.ok && tooMany.error.message).toContain('超过床位数');
    const dateWithoutDevice = await app.raw('institutions:create', {
      ...sample(1),
      arcFaultDetection: false,
      arcFaultDetectionDate: '2025-01-01',
    });
    expect(!dateWithoutDevice.ok && dateWithoutDevice.error.message).toContain('未安装电弧故障探测时不应填写安装日期');
    expect((await app.call('institutions:list', {})).total).toBe(1);
  });

  it('updates with before/after in the audit, and an unchanged save writes nothing', async () => {
    const { app, sample } = await start();
    const created = await app.call('institutions:create', sample());
    const { id, townName: _t, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = created;
    const updated = await app.call('institutions:update', {
      id,
      fields: {
        ...fields,
        bedCount: fields.bedCount + 10,
        electricalFireMonitoring: true,
        electricalFireMonitoringDate: '2025-06-01',
      },
    });
    expect(updated.bedCount).toBe(created.bedCount + 10);
    expect(updated.electricalFireMonitoringDate).toBe('2025-06-01');
    await app.call('institutions:update', {
      id,
      fields: {
        ...fields,
        bedCount: fields.bedCount + 10,
        electricalFireMonitoring: true,
        electricalFireMonitoringDate: '2025-06-01',
      },
    });
    const log = await app.call('audit:list', { entity: 'institution', entityId: id });
    expect(log.map((l) => l.action)).toEqual(['update', 'create']);
    expect(log[0]).toMatchObject({
      before: { bedCount: created.bedCount },
      after: { bedCount: created.bedCount + 10 },
    });
  });

  it('lets a viewer read but not write', async () => {
    const { app, sample } = await start();
    await app.call('users:create', {
      username: 'viewer1',
      password: 'Viewer#2026',
      displayName: '李查看',
      departmentKey: 'civil-affairs',
      role: 'viewer',
    });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'viewer1', password: 'Viewer#2026' });
    expect(await app.raw('institutions:create', sample())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('institutions:list', {})).toEqual({ items: [], total: 0 });
  });
});

describe('机构档案: delete and archive', () => {
  it('deletes an institution nothing refers to, keeping the before-image in the audit', async () => {
    const { app, sample } = await start();
    const created = await app.call('institutions:create', sample());
    expect(await app.call('institutions:delete', { id: created.id, reason: '录入错误' })).toEqual({ deleted: true });
    expect(await app.raw('institutions:get', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const log = await app.call('audit:list', { entity: 'institution', entityId: created.id });
    expect(log[0]).toMatchObject({ action: 'delete', reason: '录入错误', before: { name: created.name }, after: null });
  });

  it('refuses to delete an institution another table refers to, and archives it instead', async () => {
    const { app, sample } = await start();
    const created = await app.call('institutions:create', sample());
    // A table added by another module, declared the way theirs are: a real foreign key to institutions.id.
    // The check reads the schema, so it needs no change when such a table appears.
    const sqlite = app.database.sqlite;
    sqlite.exec(
      'CREATE TABLE probe_visits (id text PRIMARY KEY, institution_id text NOT NULL REFERENCES institutions(id))',
    );
    sqlite
      .prepare('INSERT INTO probe_visits (id, institution_id) VALUES (?, ?), (?, ?)')
      .run('v1', created.id, 'v2', created.id);
    const refused = await app.raw('institutions:delete', { id: created.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toContain('probe_visits 2 条，不能删除，只能归档');
    expect((await app.call('institutions:get', { id: created.id })).references).toEqual([
      { table: 'probe_visits', label: 'probe_visits', count: 2 },
    ]);

    const archived = await app.call('institutions:archive', { id: created.id, archived: true, reason: '已停办' });
    expect(archived.archivedAt).not.toBeNull();
    expect((await app.call('institutions:list', {})).total).toBe(0);
    expect((await app.call('institutions:list', { includeArchived: true })).total).toBe(1);
    const { id, townName: _t, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = archived;
    expect(await app.raw('institutions:update', { id, fields })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const restored = await app.call('institutions:archive', { id: created.id, archived: false });
    expect(restored.archivedAt).toBeNull();
    const log = await app.call('audit:list', { entity: 'institution', entityId: created.id });
    expect(log.map((l) => l.action)).toEqual(['restore', 'archive', 'create']);
  });
});

describe('机构档案: search, filters, sort, paging', () => {
  it('finds Chinese substrings of 1–4 characters in name, address and code', async () => {
    app = await createSignedInApp();
    const fields = await createDemoInstitutions(app.registry.deps, 300, 5);
    const expectMatches = async (query: string, predicate: (f: InstitutionFields) => boolean) => {
      const expected = fields
        .filter(predicate)
        .map((f) => f.name)
        .sort();
      const page = await app!.call('institutions:list', { query, pageSize: 200 });
      expect(page.total).toBe(expected.length);
      if (expected.length <= 200) expect(page.items.map((i) => i.name).sort()).toEqual(expected);
    };
    const hay = (f: InstitutionFields) => [f.name, f.address, f.uscc];
    for (const q of ['川', '敬老', '护理院', '川沙新镇', '长者照护之家', '浦东大道']) {
      await expectMatches(q, (f) => hay(f).some((s) => s.includes(q)));
    }
    const someCode = fields[17]?.uscc.slice(5, 12) ?? '';
    await expectMatches(someCode.toLowerCase(), (f) => f.uscc.includes(someCode));
    // Several words narrow the search; LIKE wildcards are searched literally.
    await expectMatches(
      '花木 养老院',
      (f) => hay(f).some((s) => s.includes('花木')) && hay(f).some((s) => s.includes('养老院')),
    );
    expect((await app.call('institutions:list', { query: '%' })).total).toBe(0);
    expect((await app.call('institutions:list', { query: '_' })).total).toBe(0);
  });

  it('filters by town, type, status and risk, sorts and pages on the server', async () => {
    app = await createSignedInApp();
    const towns = await app.call('towns:list', {});
    const fields = await createDemoInstitutions(app.registry.deps, 200, 9);
    const town = towns[3];
    if (!town) throw new Error('no towns');
    const inTown = await app.call('institutions:list', { townIds: [town.id], pageSize: 200 });
    expect(inTown.total).toBe(fields.filter((f) => f.townId === town.id).length);
    const privateOpen = await app.call('institutions:list', { types: ['民办'], statuses: ['运营'], pageSize: 200 });
    expect(privateOpen.total).toBe(fields.filter((f) => f.type === '民办' && f.status === '运营').length);
    // Nothing has been inspected yet: every institution is '未评估', none is low risk.
    expect((await app.call('institutions:list', { riskLevels: ['未评估'] })).total).toBe(200);
    expect((await app.call('institutions:list', { riskLevels: ['低', '中', '高'] })).total).toBe(0);

    const byBeds = await app.call('institutions:list', { sortField: 'bedCount', sortOrder: 'desc', pageSize: 10 });
    expect(byBeds.items[0]?.bedCount).toBe(Math.max(...fields.map((f) => f.bedCount)));
    const page1 = await app.call('institutions:list', { page: 1, pageSize: 50 });
    const page4 = await app.call('institutions:list', { page: 4, pageSize: 50 });
    expect(page1.total).toBe(200);
    expect(page4.items).toHaveLength(50);
    expect(new Set([...page1.items, ...page4.items].map((i) => i.id)).size).toBe(100);
  });

  it('answers the inline code check: valid, malformed, or used by another institution', async () => {
    const { app, sample } = await start();
    const created = await app.call('institutions:create', sample());
    expect(await app.call('institutions:check-code', { code: created.uscc })).toMatchObject({
      valid: true,
      usedBy: { id: created.id },
    });
    expect(await app.call('institutions:check-code', { code: created.uscc, excludeId: created.id })).toMatchObject({
      valid: true,
      message: null,
      usedBy: null,
    });
    const fresh = buildUscc({ authority: '5', type: '2', area: '310115', orgBody: 'MJ123456' });
    expect(await app.call('institutions:check-code', { code: fresh })).toMatchObject({ valid: true, usedBy: null });
    const bad = await app.call('institutions:check-code', { code: 'ABC' });
    expect(bad).toMatchObject({ valid: false, message: '统一社会信用代码应为 18 位，当前为 3 位' });
  });
});
