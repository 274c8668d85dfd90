import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hazards } from '../../../db/schema';
import { inTransaction } from '../../../electron/services/audit';
import { createHazardsFromFindings, type InspectionFinding } from '../../../electron/services/hazards/from-inspection';
import type { TestApp } from '../../support/services';
import {
  adHocHazard,
  contextOf,
  createHazardApp,
  createInstitution,
  insertInspection,
  signInAs,
  trailCounts,
  type HazardWorld,
} from './support';

let app: TestApp;
let world: HazardWorld;

beforeEach(async () => {
  ({ app, world } = await createHazardApp());
});
afterEach(() => app.dispose());

const finding = (overrides: Partial<InspectionFinding> = {}): InspectionFinding => ({
  itemKey: 'sec-1/item-1',
  ruleItemCode: 'F07',
  itemText: '灭火器配置不足或失效',
  legalBasis: '消防法 第十六条 [V]',
  location: '三楼护理区',
  description: '3 具灭火器压力表指针在红区',
  photoIds: [],
  measurement: { value: 0.6, unit: 'MPa' },
  fixedOnSpot: false,
  afterPhotoIds: [],
  departments: ['fire'],
  majorFlag: 'no',
  majorClause: null,
  deadlineClass: 'short',
  ...overrides,
});

async function errorOf(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await app.raw(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

describe('recording hazards', () => {
  it('records an ad hoc hazard as 待整改 with the default deadline, one event and one audit record', async () => {
    await signInAs(app, 'li');
    const before = trailCounts(app.registry.deps);
    const detail = await app.call('hazards:create', adHocHazard(world));
    expect(detail.hazard).toMatchObject({
      code: 'YH-2026-0001',
      state: 'to-rectify',
      severity: 'general',
      deadlineClass: 'normal',
      // Recorded 2026-03-02 (Shanghai); 一般 = 15 days by the shipped [S] default.
      deadlineDate: '2026-03-17',
      recordedByName: '李检查',
      institutionName: '浦东新区康乐养老院',
      overdue: false,
    });
    expect(detail.events.map((e) => [e.kind, e.fromState, e.toState, e.actorName])).toEqual([
      ['create', null, 'to-rectify', '李检查'],
    ]);
    expect(trailCounts(app.registry.deps)).toEqual({ events: before.events + 1, audit: before.audit + 1 });
    const second = await app.call('hazards:create', adHocHazard(world, { location: '厨房' }));
    expect(second.hazard.code).toBe('YH-2026-0002');
  });

  it('refuses a major hazard without interim safety measures, and unknown departments, writing nothing', async () => {
    const before = trailCounts(app.registry.deps);
    expect(
      await errorOf('hazards:create', adHocHazard(world, { severity: 'major', severityReason: '彩钢板搭建居室' })),
    ).toEqual({
      code: 'VALIDATION',
      message: '登记重大事故隐患须填写整改期间的临时安全措施',
    });
    expect(await errorOf('hazards:create', adHocHazard(world, { departments: ['police'] }))).toEqual({
      code: 'VALIDATION',
      message: '部门“police”不存在，请从列表中选择',
    });
    expect(await errorOf('hazards:create', adHocHazard(world, { deadlineDate: '2026-03-01' }))).toEqual({
      code: 'VALIDATION',
      message: '整改期限不能早于登记日期 2026-03-02',
    });
    expect(trailCounts(app.registry.deps)).toEqual(before);
    expect((await app.call('hazards:list', { state: 'all' })).items).toEqual([]);
  });

  it('uses the deadline days configured in settings; changing them is admin-only and audited', async () => {
    const settings = await app.call('hazards:get-settings', {});
    expect(settings).toMatchObject({
      deadlineDays: { immediate: 0, short: 7, normal: 15 },
      requireDifferentVerifier: true,
      defaultsMark: 'S',
    });
    await app.call('hazards:update-settings', {
      deadlineDays: { immediate: 0, short: 5, normal: 30 },
      reason: '区局会议决定',
    });
    const major = await app.call(
      'hazards:create',
      adHocHazard(world, { severity: 'major', severityReason: '符合判定情形', interimMeasures: '该区域停止使用' }),
    );
    expect(major.hazard).toMatchObject({ deadlineClass: 'immediate', deadlineDate: '2026-03-02' });
    const general = await app.call('hazards:create', adHocHazard(world));
    expect(general.hazard.deadlineDate).toBe('2026-04-01');
    const log = await app.call('audit:list', { entity: 'setting', entityId: 'hazards.deadlineDays' });
    expect(log[0]).toMatchObject({
      actorName: '王管理',
      before: { normal: 15 },
      after: { normal: 30 },
      reason: '区局会议决定',
    });
    await signInAs(app, 'li');
    expect((await errorOf('hazards:update-settings', { requireDifferentVerifier: false })).code).toBe('FORBIDDEN');
  });
});

describe('the closed loop', () => {
  it('待整改 → 整改中 → 待复查 → 复查不通过 → 待复查 → 已闭环 by a second user, one event and audit each', async () => {
    await signInAs(app, 'li');
    const { hazard } = await app.call('hazards:create', adHocHazard(world));
    const step = async (input: Parameters<typeof app.call<'hazards:transition'>>[1]) => {
      const before = trailCounts(app.registry.deps);
      const detail = await app.call('hazards:transition', input);
      expect(trailCounts(app.registry.deps)).toEqual({ events: before.events + 1, audit: before.audit + 1 });
      return detail;
    };
    expect((await step({ hazardId: hazard.id, action: 'start' })).hazard.state).toBe('rectifying');
    expect((await step({ hazardId: hazard.id, action: 'report', text: '已清理走道堆放物' })).hazard.state).toBe(
      'to-verify',
    );
    // The finder may not close it…
    expect(
      await errorOf('hazards:transition', { hazardId: hazard.id, action: 'verify-pass', method: '现场复查' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    // …but may send it back, with a reason.
    expect(
      await errorOf('hazards:transition', { hazardId: hazard.id, action: 'verify-fail', method: '现场复查' }),
    ).toEqual({
      code: 'VALIDATION',
      message: '“复查不通过”须填写原因',
    });
    const failed = await step({
      hazardId: hazard.id,
      action: 'verify-fail',
      method: '现场复查',
      reason: '走道仍有床垫',
    });
    expect(failed.hazard.state).toBe('rectifying');
    await step({ hazardId: hazard.id, action: 'report', text: '床垫已移至库房' });
    await signInAs(app, 'zhou');
    const closed = await step({ hazardId: hazard.id, action: 'verify-pass', method: '资料审核', text: '核对库房照片' });
    expect(closed.hazard).toMatchObject({ state: 'closed', closedAt: expect.any(String) as string });
    expect(closed.events.map((e) => `${e.kind}:${e.fromState ?? '-'}>${e.toState}:${e.actorName}`)).toEqual([
      'create:->to-rectify:李检查',
      'start:to-rectify>rectifying:李检查',
      'report:rectifying>to-verify:李检查',
      'verify-fail:to-verify>rectifying:李检查',
      'report:rectifying>to-verify:李检查',
      'verify-pass:to-verify>closed:周复核',
    ]);
    expect(closed.events[3]?.reason).toBe('走道仍有床垫');
    await signInAs(app, 'admin');
    const audit = await app.call('audit:list', { entity: 'hazard', entityId: hazard.id });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'create',
      'transition:start',
      'transition:report',
      'transition:verify-fail',
      'transition:report',
      'transition:verify-pass',
    ]);
    expect(audit[0]).toMatchObject({
      actorName: '周复核',
      before: { state: 'to-verify' },
      after: { state: 'closed', method: '资料审核' },
    });
    expect(audit[2]).toMatchObject({ actorName: '李检查', reason: '走道仍有床垫' });
    // A closed hazard refuses everything, naming its state.
    expect(await errorOf('hazards:transition', { hazardId: hazard.id, action: 'start' })).toEqual({
      code: 'CONFLICT',
      message: '隐患当前状态为“已闭环”，不能执行“开始整改”（仅“待整改”状态可执行）',
    });
  });

  it('lets the finder verify only after an administrator switched separation of duties off (audited)', async () => {
    await signInAs(app, 'li');
    const { hazard } = await app.call('hazards:create', adHocHazard(world));
    await app.call('hazards:transition', { hazardId: hazard.id, action: 'report', text: '已整改' });
    const detail = await app.call('hazards:get', { id: hazard.id });
    expect(detail.actions.find((a) => a.action === 'verify-pass')).toMatchObject({ allowed: false });
    await signInAs(app, 'admin');
    await app.call('hazards:update-settings', { requireDifferentVerifier: false, reason: '本所仅一名检查员' });
    const log = await app.call('audit:list', { entity: 'setting', entityId: 'hazards.requireDifferentVerifier' });
    expect(log[0]).toMatchObject({
      before: { requireDifferentVerifier: true },
      after: { requireDifferentVerifier: false },
      reason: '本所仅一名检查员',
    });
    await signInAs(app, 'li');
    expect(
      (await app.call('hazards:transition', { hazardId: hazard.id, action: 'verify-pass', method: '现场复查' })).hazard
        .state,
    ).toBe('closed');
  });

  it('requires interim measures before a major hazard from an inspection enters rectification', async () => {
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
    const ctx = contextOf(app);
    const [id] = inTransaction(app.registry.deps, () =>
      createHazardsFromFindings(ctx, {
        institutionId: world.institutionId,
        inspectionId,
        recordedByUserId: world.userIds.li,
        findings: [
          finding({ majorFlag: 'yes', majorClause: '第四条(三)', ruleItemCode: 'F05', deadlineClass: 'immediate' }),
        ],
      }),
    );
    if (!id) throw new Error('no hazard');
    expect(await errorOf('hazards:transition', { hazardId: id, action: 'start' })).toEqual({
      code: 'VALIDATION',
      message: '重大事故隐患须先填写整改期间的临时安全措施，才能“开始整改”',
    });
    await app.call('hazards:update', {
      id,
      interimMeasures: '彩钢板房停止住人，老人转移至主楼',
      reason: '补录临时措施',
    });
    expect((await app.call('hazards:transition', { hazardId: id, action: 'start' })).hazard.state).toBe('rectifying');
  });
});

describe('hazards from an inspection', () => {
  it('derives severity and rationale from the finding flag, citing rule set, clause and mark', async () => {
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
    const ctx = contextOf(app);
    const before = trailCounts(app.registry.deps);
    const ids = inTransaction(app.registry.deps, () =>
      createHazardsFromFindings(ctx, {
        institutionId: world.institutionId,
        inspectionId,
        recordedByUserId: world.userIds.li,
        findings: [
          finding({
            majorFlag: 'yes',
            majorClause: '第四条(三)',
            ruleItemCode: 'F05',
            departments: ['fire', 'construction'],
            deadlineClass: 'immediate',
          }),
          finding({
            majorFlag: 'possible',
            majorClause: '第四条(二)',
            ruleItemCode: 'F01',
            departments: ['construction', 'fire'],
            deadlineClass: 'normal',
          }),
          finding({ majorFlag: 'unknown', majorClause: null, ruleItemCode: 'N01', deadlineClass: null }),
          finding({ majorFlag: 'no', departments: [] }),
        ],
      }),
    );
    expect(ids).toHaveLength(4);
    expect(trailCounts(app.registry.deps)).toEqual({ events: before.events + 4, audit: before.audit + 4 });
    const got = await Promise.all(ids.map((id) => app.call('hazards:get', { id })));
    const [major, possible, unknown, no] = got.map((d) => d.hazard);
    expect(major).toMatchObject({
      severity: 'major',
      severityBasis: 'criterion',
      majorCriterionCode: 'MH-3',
      deadlineClass: 'immediate',
      deadlineDate: '2026-03-02',
      sourceInspectionId: inspectionId,
      recordedByName: '李检查',
      measurement: { value: 0.6, unit: 'MPa' },
    });
    expect(major?.severityRationale).toMatch(/第四条\(三\)（规则集 mca-2023，编号 .+，标记 \[P\]）/);
    expect(possible).toMatchObject({
      severity: 'general',
      pendingJudgment: true,
      severityBasis: 'pending-judgment',
      majorCriterionCode: 'MH-2',
    });
    expect(possible?.severityRationale).toContain('待部门或专家认定（消防救援、住建）');
    expect(unknown).toMatchObject({
      severity: 'general',
      severityBasis: 'criteria-not-retrieved',
      deadlineClass: 'normal',
      deadlineDate: '2026-03-17',
    });
    expect(unknown?.severityRationale).toContain('相关条款原文未检索到');
    // No department on the finding: 民政 stays responsible rather than nobody.
    expect(no).toMatchObject({ severityBasis: 'none', departments: ['civil-affairs'], deadlineDate: '2026-03-09' });
  });

  it('creates an on-the-spot fix already closed with method 当场整改, and adds nothing outside the caller transaction on failure', async () => {
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
    const ctx = contextOf(app);
    const [id] = inTransaction(app.registry.deps, () =>
      createHazardsFromFindings(ctx, {
        institutionId: world.institutionId,
        inspectionId,
        recordedByUserId: world.userIds.li,
        findings: [finding({ fixedOnSpot: true, itemText: '疏散通道被占用', ruleItemCode: 'F08' })],
      }),
    );
    if (!id) throw new Error('no hazard');
    const detail = await app.call('hazards:get', { id });
    expect(detail.hazard).toMatchObject({ state: 'closed', fixedOnSpot: true, overdue: false });
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ kind: 'create', toState: 'closed', method: '当场整改' });
    expect(
      (await app.call('hazards:list-open-for-institution', { institutionId: world.institutionId })).map((h) => h.id),
    ).not.toContain(id);

    const before = trailCounts(app.registry.deps);
    const count = app.registry.deps.db.select().from(hazards).all().length;
    expect(() =>
      inTransaction(app.registry.deps, () =>
        createHazardsFromFindings(ctx, {
          institutionId: world.institutionId,
          inspectionId,
          recordedByUserId: world.userIds.li,
          findings: [finding(), finding({ departments: ['nope'] })],
        }),
      ),
    ).toThrow('部门“nope”不存在');
    expect(trailCounts(app.registry.deps)).toEqual(before);
    expect(app.registry.deps.db.select().from(hazards).all()).toHaveLength(count);
  });
});

describe('rechecks from a 复查 inspection', () => {
  async function twoOpenHazards() {
    await signInAs(app, 'li');
    const a = (await app.call('hazards:create', adHocHazard(world, { location: '一楼' }))).hazard;
    const b = (await app.call('hazards:create', adHocHazard(world, { location: '二楼' }))).hazard;
    return { a, b };
  }

  it('lists open hazards for the runner; rectified by another user closes, by the finder waits for verification', async () => {
    const { a, b } = await twoOpenHazards();
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
    const open = await app.call('hazards:list-open-for-institution', { institutionId: world.institutionId });
    expect(open.map((h) => h.location).sort()).toEqual(['一楼', '二楼']);

    const own = await app.call('hazards:record-recheck', {
      hazardId: a.id,
      inspectionId,
      result: 'rectified',
      note: '已清理',
    });
    expect(own).toMatchObject({ outcome: 'to-verify', hazard: { state: 'to-verify' } });
    // Rechecking it again as the finder changes nothing but is kept as evidence.
    const again = await app.call('hazards:record-recheck', {
      hazardId: a.id,
      inspectionId,
      result: 'rectified',
      note: '',
    });
    expect(again).toMatchObject({ outcome: 'to-verify', hazard: { state: 'to-verify' } });
    expect((await app.call('hazards:get', { id: a.id })).events.at(-1)).toMatchObject({
      kind: 'recheck-note',
      text: '复查检查：已整改，待登记人以外的人员确认',
    });

    await signInAs(app, 'zhou');
    const other = await app.call('hazards:record-recheck', {
      hazardId: b.id,
      inspectionId,
      result: 'rectified',
      note: '现场已清理',
    });
    expect(other).toMatchObject({ outcome: 'closed', hazard: { state: 'closed' } });
    const history = await app.call('hazards:get', { id: b.id });
    expect(history.events.map((e) => [e.kind, e.method, e.inspectionId])).toEqual([
      ['create', null, null],
      ['recheck', null, inspectionId],
      ['verify-pass', '现场复查', inspectionId],
    ]);
    // The finder's own recheck is verified by the second user's recheck as well.
    expect(
      await app.call('hazards:record-recheck', { hazardId: a.id, inspectionId, result: 'rectified', note: '' }),
    ).toMatchObject({
      outcome: 'closed',
    });
  });

  it('still-present keeps the state, reports overdue days, and sends a 待复查 hazard back to 整改中', async () => {
    const { a, b } = await twoOpenHazards();
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
    app.clock.advance(20 * 24 * 3600 * 1000);
    const kept = await app.call('hazards:record-recheck', {
      hazardId: a.id,
      inspectionId,
      result: 'still-present',
      note: '仍堆放',
    });
    expect(kept).toMatchObject({
      outcome: 'kept',
      hazard: { state: 'to-rectify', overdue: true, daysOverdue: 5 },
      message: '隐患仍存在，已逾期 5 天',
    });
    await app.call('hazards:transition', { hazardId: b.id, action: 'report', text: '机构称已整改' });
    const reopened = await app.call('hazards:record-recheck', {
      hazardId: b.id,
      inspectionId,
      result: 'still-present',
      note: '',
    });
    expect(reopened).toMatchObject({ outcome: 'reopened', hazard: { state: 'rectifying' } });
    const events = (await app.call('hazards:get', { id: b.id })).events;
    expect(events.at(-1)).toMatchObject({ kind: 'verify-fail', reason: '复查检查发现隐患仍存在', method: '现场复查' });
  });
});

describe('overdue, reminders and referrals', () => {
  it('derives overdue at Shanghai midnight, suggests 催办 then 移送, and records both', async () => {
    app.clock.set(new Date('2026-03-02T15:00:00.000Z')); // 23:00 in Shanghai
    const { hazard } = await app.call(
      'hazards:create',
      adHocHazard(world, {
        severity: 'major',
        severityReason: '符合判定情形',
        interimMeasures: '停止使用',
        departments: ['fire', 'market'],
      }),
    );
    expect(hazard).toMatchObject({ deadlineDate: '2026-03-02', overdue: false, nextStep: null });
    app.clock.set(new Date('2026-03-02T15:59:59.000Z'));
    expect((await app.call('hazards:get', { id: hazard.id })).hazard.overdue).toBe(false);
    app.clock.set(new Date('2026-03-02T16:00:00.000Z')); // 00:00 on 3 March in Shanghai
    const overdue = (await app.call('hazards:get', { id: hazard.id })).hazard;
    expect(overdue).toMatchObject({ overdue: true, daysOverdue: 1, nextStep: 'remind' });
    // Nothing about overdue is stored.
    expect(app.registry.deps.db.select().from(hazards).where(eq(hazards.id, hazard.id)).get()?.state).toBe(
      'to-rectify',
    );

    const reminded = await app.call('hazards:remind', { hazardId: hazard.id, note: '电话催办，要求三日内整改' });
    expect(reminded.hazard).toMatchObject({ nextStep: 'refer', state: 'to-rectify' });
    expect(reminded.events.at(-1)).toMatchObject({ kind: 'reminder', fromState: 'to-rectify', toState: 'to-rectify' });

    const { referralIds } = await app.call('hazards:refer', {
      hazardIds: [hazard.id],
      departmentKey: 'fire',
      kind: 'transfer',
      referredOn: '2026-03-03',
      letterNo: '浦民移〔2026〕3号',
    });
    const referred = await app.call('hazards:get', { id: hazard.id });
    expect(referred.hazard).toMatchObject({ nextStep: null, referralCount: 1 });
    expect(referred.referrals[0]).toMatchObject({
      departmentKey: 'fire',
      accepted: 'pending',
      letterNo: '浦民移〔2026〕3号',
    });
    const [referralId] = referralIds;
    if (!referralId) throw new Error('no referral');
    expect(await errorOf('hazards:update-referral', { referralId, accepted: 'yes' })).toEqual({
      code: 'VALIDATION',
      message: '请填写部门答复日期',
    });
    expect(
      await app.call('hazards:update-referral', { referralId, accepted: 'yes', acceptedOn: '2026-03-05' }),
    ).toMatchObject({ accepted: 'yes' });
  });

  it('bulk-refers several hazards in one transaction, refusing all if one is closed', async () => {
    await signInAs(app, 'li');
    const a = (await app.call('hazards:create', adHocHazard(world))).hazard;
    const b = (await app.call('hazards:create', adHocHazard(world))).hazard;
    const c = (await app.call('hazards:create', adHocHazard(world))).hazard;
    await app.call('hazards:transition', { hazardId: c.id, action: 'report', text: '已整改' });
    await signInAs(app, 'zhou');
    await app.call('hazards:transition', { hazardId: c.id, action: 'verify-pass', method: '现场复查' });
    const before = trailCounts(app.registry.deps);
    const refused = await errorOf('hazards:refer', {
      hazardIds: [a.id, c.id],
      departmentKey: 'market',
      kind: 'notify',
      referredOn: '2026-03-02',
    });
    expect(refused).toEqual({ code: 'CONFLICT', message: `隐患 ${c.code} 已闭环，不能移送或抄告；请取消选择后重试` });
    expect(trailCounts(app.registry.deps)).toEqual(before);
    const ok = await app.call('hazards:refer', {
      hazardIds: [a.id, b.id],
      departmentKey: 'market',
      kind: 'notify',
      referredOn: '2026-03-02',
    });
    expect(ok.referralIds).toHaveLength(2);
    expect(trailCounts(app.registry.deps)).toEqual({ events: before.events + 2, audit: before.audit + 2 });
  });
});

describe('the board', () => {
  it('puts overdue and major first, filters by department, town, state and overdue, and counts per department and town', async () => {
    const second = await createInstitution(app, '浦东新区福寿养老院', '87654321', 3);
    const general = (
      await app.call('hazards:create', adHocHazard(world, { description: '一般', departments: ['civil-affairs'] }))
    ).hazard;
    const major = (
      await app.call(
        'hazards:create',
        adHocHazard(
          { ...world, institutionId: second.id },
          {
            description: '重大',
            severity: 'major',
            severityReason: '判定',
            interimMeasures: '停用',
            departments: ['fire'],
            deadlineDate: '2026-03-20',
          },
        ),
      )
    ).hazard;
    const late = (
      await app.call(
        'hazards:create',
        adHocHazard(world, { description: '将逾期', departments: ['fire'], deadlineDate: '2026-03-03' }),
      )
    ).hazard;
    app.clock.set(new Date('2026-03-05T02:00:00.000Z'));
    const board = await app.call('hazards:list', {});
    expect(board.items.map((h) => h.id)).toEqual([late.id, major.id, general.id]);
    expect(board.countsByDepartment).toEqual([
      { key: 'civil-affairs', name: '民政', open: 1, overdue: 0, major: 0 },
      { key: 'fire', name: '消防救援', open: 2, overdue: 1, major: 1 },
    ]);
    expect(board.countsByTown.map((t) => [t.key, t.open])).toEqual(
      second.townId === world.townId
        ? [[world.townId, 3]]
        : [
            [world.townId, 2],
            [second.townId, 1],
          ],
    );
    expect((await app.call('hazards:list', { departmentKey: 'fire' })).items.map((h) => h.id)).toEqual([
      late.id,
      major.id,
    ]);
    expect((await app.call('hazards:list', { overdue: true })).items.map((h) => h.id)).toEqual([late.id]);
    expect((await app.call('hazards:list', { severity: 'major' })).items.map((h) => h.id)).toEqual([major.id]);
    expect((await app.call('hazards:list', { institutionId: second.id })).items.map((h) => h.id)).toEqual([major.id]);
    expect((await app.call('hazards:list', { townId: second.townId })).items.map((h) => h.id)).toContain(major.id);
    expect((await app.call('hazards:list', { state: 'closed' })).items).toEqual([]);
    expect(board.institutions.map((i) => i.name).sort()).toEqual(['浦东新区康乐养老院', '浦东新区福寿养老院'].sort());
    expect(board.today).toBe('2026-03-05');
  });

  it('is readable by viewers but not writable by them', async () => {
    await app.call('users:create', {
      username: 'guest',
      password: 'Viewer#2026',
      displayName: '访客',
      departmentKey: 'civil-affairs',
      role: 'viewer',
    });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'guest', password: 'Viewer#2026' });
    expect((await app.call('hazards:list', {})).items).toEqual([]);
    expect((await errorOf('hazards:create', adHocHazard(world))).code).toBe('FORBIDDEN');
  });
});
