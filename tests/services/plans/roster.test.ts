import { afterEach, describe, expect, it } from 'vitest';
import { runDraw } from '../../../electron/services/plans/draw';
import { loadInspectorCandidates } from '../../../electron/services/plans/roster';
import { ADMIN, createSignedInApp, type TestApp } from '../../support/services';
import { institution, params } from './draw-fixtures';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

const ZHANG = { name: '张明', departmentKey: 'civil-affairs', certificateNo: '沪民执-2026-001', phone: '13812341234' };
const LI = { name: '李华', departmentKey: 'fire', certificateNo: '沪消执-0042', phone: '021-58881234' };

function count(t: TestApp, sql: string): number {
  return (t.database.sqlite.prepare(sql).get() as { n: number }).n;
}

function firstTown(t: TestApp): { id: string; name: string } {
  return t.database.sqlite.prepare('SELECT id, name FROM towns ORDER BY sort_order LIMIT 1').get() as {
    id: string;
    name: string;
  };
}

/** Puts one institution into the registry table (the institutions module owns its screens; here it is data). */
function addInstitution(t: TestApp, id: string, name: string, townId: string): void {
  t.database.sqlite
    .prepare(
      "INSERT INTO institutions (id, name, uscc, address, town_id, type, created_at, updated_at) VALUES (?, ?, ?, '测试路 1 号', ?, '民办', '2026-01-01', '2026-01-01')",
    )
    .run(id, name, `91310115MA1K${id.padStart(6, '0')}`, townId);
}

async function signInAs(t: TestApp, role: 'viewer' | 'inspector'): Promise<void> {
  await t.call('users:create', {
    username: role,
    password: 'Passw0rd!',
    displayName: `${role}用户`,
    departmentKey: 'market',
    role,
  });
  await t.call('auth:sign-out', {});
  await t.call('auth:sign-in', { username: role, password: 'Passw0rd!' });
}

describe('inspector roster', () => {
  it('adds inspectors with an audit record each, listed in department order', async () => {
    app = await createSignedInApp();
    const li = await app.call('inspectors:create', LI);
    const zhang = await app.call('inspectors:create', ZHANG);
    expect(zhang).toMatchObject({ ...ZHANG, isActive: true, phoneMasked: false, recusals: [], userId: null });
    const list = await app.call('inspectors:list', {});
    expect(list.map((i) => i.name)).toEqual(['张明', '李华']);
    const log = await app.call('audit:list', { entity: 'inspector' });
    expect(log.map((r) => [r.entityId, r.action, r.actorName])).toEqual([
      [zhang.id, 'create', ADMIN.displayName],
      [li.id, 'create', ADMIN.displayName],
    ]);
    expect(log[0]?.after).toMatchObject({ name: '张明', certificateNo: '沪民执-2026-001', phone: '13812341234' });
  });

  it('refuses a duplicate 执法证号 in Chinese and changes nothing; blank numbers may repeat', async () => {
    app = await createSignedInApp();
    const zhang = await app.call('inspectors:create', ZHANG);
    const li = await app.call('inspectors:create', LI);
    const auditBefore = count(app, 'SELECT count(*) n FROM audit_log');
    expect(
      await app.raw('inspectors:create', { ...LI, name: '王五', certificateNo: ' 沪民执-2026-001 ' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '执法证号“沪民执-2026-001”已登记给检查人员“张明”，不能重复' },
    });
    expect(await app.raw('inspectors:update', { id: li.id, certificateNo: '沪民执-2026-001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '执法证号“沪民执-2026-001”已登记给检查人员“张明”，不能重复' },
    });
    expect(count(app, 'SELECT count(*) n FROM audit_log')).toBe(auditBefore);
    expect(count(app, 'SELECT count(*) n FROM inspectors')).toBe(2);
    expect((await app.call('inspectors:list', {})).find((i) => i.id === li.id)?.certificateNo).toBe('沪消执-0042');

    // Keeping one's own number is not a clash; blank numbers are "not given" and never clash.
    await app.call('inspectors:update', { id: zhang.id, certificateNo: '沪民执-2026-001', name: '张明明' });
    await app.call('inspectors:create', { name: '赵一', departmentKey: 'market', certificateNo: '' });
    const two = await app.call('inspectors:create', { name: '钱二', departmentKey: 'market', certificateNo: '   ' });
    expect(two.certificateNo).toBeNull();
  });

  it('refuses bad input with a Chinese message', async () => {
    app = await createSignedInApp();
    expect(await app.raw('inspectors:create', { ...ZHANG, phone: '12345' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '输入有误：phone：联系电话应为 11 位手机号或带区号的座机号（如 021-58881234）',
      },
    });
    expect(await app.raw('inspectors:create', { ...ZHANG, name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '输入有误：name：请填写姓名' },
    });
    expect(await app.raw('inspectors:create', { ...ZHANG, departmentKey: 'space' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '部门“space”不存在，请从列表中选择' },
    });
    expect(count(app, 'SELECT count(*) n FROM inspectors')).toBe(0);
  });

  it('shows phone numbers to administrators only; others see them masked and cannot change the roster', async () => {
    app = await createSignedInApp();
    await app.call('inspectors:create', ZHANG);
    await app.call('inspectors:create', LI);
    await app.call('inspectors:create', { name: '孙七', departmentKey: 'health' });
    await signInAs(app, 'viewer');
    const seen = await app.call('inspectors:list', {});
    expect(seen.map((i) => [i.name, i.phone, i.phoneMasked])).toEqual([
      ['张明', '138****1234', true],
      ['李华', '021****1234', true],
      ['孙七', null, false],
    ]);
    expect(JSON.stringify(seen)).not.toContain('13812341234');
    expect(await app.raw('inspectors:create', { name: '周八', departmentKey: 'fire' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '当前账号无权执行此操作' },
    });
  });

  it('masks phone numbers for inspectors too', async () => {
    app = await createSignedInApp();
    await app.call('inspectors:create', ZHANG);
    await signInAs(app, 'inspector');
    expect((await app.call('inspectors:list', {}))[0]).toMatchObject({ phone: '138****1234', phoneMasked: true });
  });

  it('deactivates an inspector (hidden unless asked for); a change that changes nothing writes nothing', async () => {
    app = await createSignedInApp();
    const zhang = await app.call('inspectors:create', ZHANG);
    const auditBefore = count(app, 'SELECT count(*) n FROM audit_log');
    await app.call('inspectors:update', { id: zhang.id, name: '张明', phone: '13812341234' });
    expect(count(app, 'SELECT count(*) n FROM audit_log')).toBe(auditBefore);
    const off = await app.call('inspectors:update', { id: zhang.id, isActive: false });
    expect(off.isActive).toBe(false);
    expect(await app.call('inspectors:list', {})).toEqual([]);
    expect((await app.call('inspectors:list', { includeInactive: true })).map((i) => i.id)).toEqual([zhang.id]);
    const log = await app.call('audit:list', { entity: 'inspector', entityId: zhang.id });
    expect(log[0]).toMatchObject({ action: 'update', before: { isActive: true }, after: { isActive: false } });
    expect(await app.raw('inspectors:update', { id: 'missing', name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '检查人员不存在或已被删除' },
    });
  });

  it('links an inspector to at most one sign-in account', async () => {
    app = await createSignedInApp();
    const admin = await app.call('auth:status', {});
    const userId = admin.user?.id ?? '';
    const zhang = await app.call('inspectors:create', { ...ZHANG, userId });
    expect(zhang.userId).toBe(userId);
    expect(await app.raw('inspectors:create', { ...LI, userId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该登录账号已关联检查人员“张明”，一个账号只能关联一名检查人员' },
    });
  });
});

describe('recusals', () => {
  it('adds and removes institution and town recusals, each audited with its reason', async () => {
    app = await createSignedInApp();
    const town = firstTown(app);
    addInstitution(app, 'inst-1', '康乐养老院', town.id);
    const zhang = await app.call('inspectors:create', ZHANG);
    await app.call('inspectors:add-recusal', {
      inspectorId: zhang.id,
      scope: 'town',
      townId: town.id,
      reason: '本人居住在该街道',
    });
    const after = await app.call('inspectors:add-recusal', {
      inspectorId: zhang.id,
      scope: 'institution',
      institutionId: 'inst-1',
      reason: '配偶在该机构任职',
    });
    expect(after.recusals.map((r) => [r.scope, r.townName ?? r.institutionName, r.reason, r.createdByName])).toEqual([
      ['town', town.name, '本人居住在该街道', ADMIN.displayName],
      ['institution', '康乐养老院', '配偶在该机构任职', ADMIN.displayName],
    ]);
    expect((await app.call('inspectors:list', {}))[0]?.recusals).toHaveLength(2);

    const townRecusal = after.recusals[0];
    const removed = await app.call('inspectors:remove-recusal', { id: townRecusal?.id ?? '' });
    expect(removed.recusals.map((r) => r.institutionName)).toEqual(['康乐养老院']);

    const log = await app.call('audit:list', { entity: 'inspector', entityId: zhang.id });
    expect(log.map((r) => r.action)).toEqual(['remove-recusal', 'add-recusal', 'add-recusal', 'create']);
    expect(log[0]).toMatchObject({ before: { scope: 'town', target: town.name, reason: '本人居住在该街道' } });
    expect(log[1]).toMatchObject({ reason: '配偶在该机构任职', after: { scope: 'institution', target: '康乐养老院' } });
  });

  it('refuses a recusal without a reason, for an unknown target, or twice — changing nothing', async () => {
    app = await createSignedInApp();
    const town = firstTown(app);
    const zhang = await app.call('inspectors:create', ZHANG);
    await app.call('inspectors:add-recusal', {
      inspectorId: zhang.id,
      scope: 'town',
      townId: town.id,
      reason: '本人居住在该街道',
    });
    const auditBefore = count(app, 'SELECT count(*) n FROM audit_log');
    expect(
      await app.raw('inspectors:add-recusal', { inspectorId: zhang.id, scope: 'town', townId: town.id, reason: ' ' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '输入有误：reason：请填写回避原因（至少 2 个字）' },
    });
    expect(
      await app.raw('inspectors:add-recusal', {
        inspectorId: zhang.id,
        scope: 'institution',
        institutionId: 'nope',
        reason: '亲属任职',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '要回避的机构不存在或已被删除' } });
    expect(
      await app.raw('inspectors:add-recusal', {
        inspectorId: zhang.id,
        scope: 'town',
        townId: town.id,
        reason: '再次登记',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `张明已登记回避街镇“${town.name}”` },
    });
    expect(await app.raw('inspectors:remove-recusal', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '回避记录不存在或已被删除' },
    });
    expect(count(app, 'SELECT count(*) n FROM audit_log')).toBe(auditBefore);
    expect(count(app, 'SELECT count(*) n FROM inspector_recusals')).toBe(1);
  });

  it('feeds the stored roster to the draw engine, which respects the recusals', async () => {
    app = await createSignedInApp();
    const town = firstTown(app);
    addInstitution(app, 'inst-1', '康乐养老院', town.id);
    const a = await app.call('inspectors:create', { name: '甲', departmentKey: 'civil-affairs' });
    const b = await app.call('inspectors:create', { name: '乙', departmentKey: 'civil-affairs' });
    const c = await app.call('inspectors:create', { name: '丙', departmentKey: 'civil-affairs' });
    const off = await app.call('inspectors:create', { name: '丁', departmentKey: 'civil-affairs' });
    await app.call('inspectors:update', { id: off.id, isActive: false });
    await app.call('inspectors:add-recusal', {
      inspectorId: a.id,
      scope: 'institution',
      institutionId: 'inst-1',
      reason: '曾在该机构任职',
    });
    const inspectors = loadInspectorCandidates(app.registry.deps);
    expect(inspectors.map((i) => i.name).sort()).toEqual(['丙', '乙', '甲']);
    const candidates = { institutions: [institution('inst-1', { name: '康乐养老院', townId: town.id })], inspectors };
    for (let i = 0; i < 20; i += 1) {
      const record = runDraw({ seed: `db-${i}`, drawnAt: app.clock().toISOString(), params: params(), candidates });
      expect([...(record.result.teams[0]?.inspectorIds ?? [])].sort()).toEqual([b.id, c.id].sort());
    }
  });
});
