import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { drawCandidatesSchema, drawRecordSchema } from '../../../electron/api';
import { runDraw } from '../../../electron/services/plans/draw';
import { createSignedInApp, createTestApp, type TestApp } from '../../support/services';
import { createPlanWorld, institutionInput, planInput, type PlanWorld } from './plan-fixtures';

let app: TestApp | undefined;
let reopened: TestApp | undefined;
afterEach(() => {
  reopened?.close();
  reopened = undefined;
  app?.dispose();
  app = undefined;
});

function count(t: TestApp, table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
}

function rowCounts(t: TestApp) {
  return {
    plans: count(t, 'plans'),
    draws: count(t, 'plan_draws'),
    assignments: count(t, 'plan_assignments'),
    audit: count(t, 'audit_log'),
  };
}

async function setup(institutionCount = 6): Promise<{ t: TestApp; world: PlanWorld }> {
  app = await createSignedInApp();
  const world = await createPlanWorld(app, institutionCount);
  return { t: app, world };
}

const DRAW = { selection: { mode: 'count' as const, count: 4 }, riskWeighted: false, excludeInspectedWithinDays: null };

async function signInAs(t: TestApp, username: string, role: 'viewer' | 'inspector'): Promise<string> {
  const user = await t.call('users:create', {
    username,
    password: 'Passw0rd!',
    displayName: `${username}用户`,
    departmentKey: 'civil-affairs',
    role,
  });
  await t.call('auth:sign-out', {});
  await t.call('auth:sign-in', { username, password: 'Passw0rd!' });
  return user.id;
}

describe('plans', () => {
  it('creates a plan as 草稿 with its audit record; 飞行检查 are always unannounced', async () => {
    const { t, world } = await setup(2);
    const created = await t.call('plans:create', planInput(world));
    expect(created.plan).toMatchObject({
      name: '2026年第一季度双随机抽查',
      status: '草稿',
      isFlying: false,
      departmentKeys: ['civil-affairs', 'fire'],
      templateVersionIds: [world.templateVersionId],
      currentDrawId: null,
      progress: { total: 0, notStarted: 0, inProgress: 0, done: 0, scheduled: 0 },
    });
    const flying = await t.call(
      'plans:create',
      planInput(world, { name: '春节前飞行检查', type: '飞行检查', departmentKeys: [] }),
    );
    expect(flying.plan).toMatchObject({ isFlying: true, departmentKeys: ['civil-affairs'] });
    const list = await t.call('plans:list', {});
    expect(list.map((p) => p.name).sort()).toEqual(['2026年第一季度双随机抽查', '春节前飞行检查']);
    const log = await t.call('audit:list', { entity: 'plan' });
    expect(log.map((r) => [r.entityId, r.action])).toEqual([
      [flying.plan.id, 'create'],
      [created.plan.id, 'create'],
    ]);
  });

  it('refuses bad plans in Chinese and saves nothing', async () => {
    const { t, world } = await setup(1);
    const draft = await t.call('checklists:create-template', { name: '草稿检查表', kind: '复查' });
    const draftVersion = draft.versions[0]?.id ?? '';
    const before = rowCounts(t);
    const reversed = await t.raw(
      'plans:create',
      planInput(world, { periodStart: '2026-03-13', periodEnd: '2026-03-02' }),
    );
    expect(reversed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(reversed.ok ? '' : reversed.error.message).toContain('计划结束日期不能早于开始日期');
    expect(await t.raw('plans:create', planInput(world, { templateVersionIds: [draftVersion] }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '检查表“草稿检查表”第 1 版尚未发布，计划只能使用已发布的版本' },
    });
    expect(await t.raw('plans:create', planInput(world, { departmentKeys: ['police'] }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '参与部门不存在：police，请从列表中选择' },
    });
    expect(rowCounts(t)).toEqual(before);
  });

  it('persists the draw with its candidate snapshot; after a restart the same record gives the same draw', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call('plans:create', planInput(world));
    const drawn = await t.call('plans:draw', { planId: plan.id, ...DRAW });
    expect(drawn.plan).toMatchObject({ status: '已抽取', progress: { total: 4, notStarted: 4 } });
    expect(drawn.draws).toHaveLength(1);
    const draw = drawn.draws[0];
    if (!draw) throw new Error('no draw');
    expect(draw).toMatchObject({ seq: 1, reason: null, supersededById: null, algorithmVersion: 'careinspect-draw/1' });
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(draw.institutions).toHaveLength(4);
    // Every team has a 民政 member and, in this joint roster, two people; the assignments follow the draw order.
    for (const team of draw.teams) {
      expect(team.members.length).toBeGreaterThanOrEqual(2);
      expect(team.members.some((m) => m.departmentKey === 'civil-affairs')).toBe(true);
    }
    expect(drawn.assignments.map((a) => a.institutionId)).toEqual(draw.institutions.map((i) => i.id));
    expect(drawn.assignments.map((a) => a.team.map((m) => m.id))).toEqual(
      draw.teams.map((tm) => tm.members.map((m) => m.id)),
    );

    // The stored record re-runs to itself from the stored snapshot, independently of the service.
    const row = t.database.sqlite
      .prepare('SELECT record_json, candidates_json FROM plan_draws WHERE id = ?')
      .get(draw.id) as {
      record_json: string;
      candidates_json: string;
    };
    const record = drawRecordSchema.parse(JSON.parse(row.record_json));
    const snapshot = drawCandidatesSchema.parse(JSON.parse(row.candidates_json));
    expect(snapshot.institutions.map((i) => i.name).sort()).toEqual(world.institutions.map((i) => i.name).sort());
    expect(JSON.stringify(snapshot)).not.toContain('13812341234');
    expect(
      runDraw({ seed: record.seed, drawnAt: record.drawnAt, params: record.params, candidates: snapshot }).result,
    ).toEqual(record.result);

    // Reopen the same data folder: a new process verifies the stored draw as identical.
    t.close();
    reopened = createTestApp({ dataDir: t.dataDir });
    await reopened.call('auth:sign-in', { username: 'admin', password: 'Admin#2026' });
    const verified = await reopened.call('plans:verify-draw', { drawId: draw.id });
    expect(verified).toMatchObject({
      identical: true,
      candidateHashMatches: true,
      differences: [],
      todayMatches: true,
      seq: 1,
    });

    // Today's data changes (a new institution): the stored draw still verifies, today's lists no longer match.
    await reopened.call('institutions:create', institutionInput('新开养老院', world.townIds[0] ?? '', '87654321'));
    const later = await reopened.call('plans:verify-draw', { drawId: draw.id });
    expect(later).toMatchObject({ identical: true, todayMatches: false });
    expect(later.todayHash).not.toBe(later.recordedHash);
  });

  it('verification names exactly what differs when a stored draw was altered', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call('plans:create', planInput(world));
    const drawn = await t.call('plans:draw', { planId: plan.id, ...DRAW });
    const draw = drawn.draws[0];
    if (!draw) throw new Error('no draw');
    const firstName = draw.institutions[0]?.name ?? '';
    const notDrawn = world.institutions.find((i) => !draw.institutions.some((d) => d.id === i.id));
    if (!notDrawn) throw new Error('all drawn');
    // Someone edits the stored result: the first drawn institution swapped for one that was not drawn.
    const row = t.database.sqlite.prepare('SELECT record_json FROM plan_draws WHERE id = ?').get(draw.id) as {
      record_json: string;
    };
    const record = drawRecordSchema.parse(JSON.parse(row.record_json));
    const firstId = record.result.institutionIds[0] ?? '';
    const forged = JSON.parse(JSON.stringify(record).split(firstId).join(notDrawn.id)) as unknown;
    t.database.sqlite
      .prepare('UPDATE plan_draws SET record_json = ? WHERE id = ?')
      .run(JSON.stringify(forged), draw.id);
    const verified = await t.call('plans:verify-draw', { drawId: draw.id });
    expect(verified.identical).toBe(false);
    expect(verified.differences).toContain(`第 1 家抽中机构不同：记录为“${notDrawn.name}”，重算为“${firstName}”`);
  });

  it('a redraw needs a reason, keeps both draws on record and replaces the assignments', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call('plans:create', planInput(world));
    const first = await t.call('plans:draw', { planId: plan.id, ...DRAW });
    await t.call('plans:schedule-evenly', { planId: plan.id });
    const before = rowCounts(t);
    expect(await t.raw('plans:draw', { planId: plan.id, ...DRAW })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该计划已经抽取过；如需重新抽取，请使用“重新抽取”并填写原因' },
    });
    const noReason = await t.raw('plans:redraw', { planId: plan.id, ...DRAW, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(noReason.ok ? '' : noReason.error.message).toContain('请填写重新抽取的原因（至少 4 个字）');
    expect(rowCounts(t)).toEqual(before);

    const reason = '抽中机构康乐养老院已于上周停业整顿，需重新抽取';
    const second = await t.call('plans:redraw', { planId: plan.id, ...DRAW, reason });
    expect(second.draws.map((d) => [d.seq, d.reason, d.supersededById])).toEqual([
      [1, null, second.draws[1]?.id],
      [2, reason, null],
    ]);
    expect(second.plan.currentDrawId).toBe(second.draws[1]?.id);
    expect(second.assignments.every((a) => a.drawId === second.draws[1]?.id && a.scheduledDate === null)).toBe(true);
    expect(count(t, 'plan_assignments')).toBe(4);
    // Both draws still verify from their own records.
    for (const d of second.draws) {
      expect(await t.call('plans:verify-draw', { drawId: d.id })).toMatchObject({ identical: true, differences: [] });
    }
    expect(first.draws[0]?.seed).not.toBe(second.draws[1]?.seed);
    const log = await t.call('audit:list', { entity: 'plan' });
    expect(log[0]).toMatchObject({ action: 'redraw', reason });
    expect(log[0]?.before).toMatchObject({ drawId: first.draws[0]?.id, seq: 1 });
  });

  it('impossible requests give precise Chinese messages and save nothing', async () => {
    const { t, world } = await setup(3);
    const { plan } = await t.call('plans:create', planInput(world));
    const before = rowCounts(t);
    expect(
      await t.raw('plans:draw', { ...DRAW, planId: plan.id, selection: { mode: 'count', count: 5 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '符合条件的机构只有 3 家，少于要抽取的 5 家' },
    });
    expect(
      await t.raw('plans:draw', { ...DRAW, planId: plan.id, selection: { mode: 'count', count: 3 }, teamSize: 6 }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '参与部门的在岗检查人员只有 5 名，每组需要 6 名，请补充名册或减少每组人数',
      },
    });
    // Every 民政 inspector must avoid the first town: its institutions cannot get a team.
    const civil = world.inspectors.filter((i) => i.departmentKey === 'civil-affairs');
    for (const person of civil) {
      await t.call('inspectors:add-recusal', {
        inspectorId: person.id,
        scope: 'town',
        townId: world.townIds[0] ?? '',
        reason: '居住在该街道',
      });
    }
    const afterRecusals = rowCounts(t);
    const refused = await t.raw('plans:draw', { ...DRAW, planId: plan.id, selection: { mode: 'ratio', percent: 100 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/^有 2 家抽中机构无法组成检查组：/);
    for (const inst of world.institutions.filter((i) => i.townId === world.townIds[0])) {
      expect(message).toContain(`机构“${inst.name}”：民政检查人员均须回避`);
    }
    expect(rowCounts(t)).toEqual(afterRecusals);
    expect(afterRecusals).toEqual({ ...before, audit: before.audit + civil.length });
    expect((await t.call('plans:get', { id: plan.id })).plan).toMatchObject({ status: '草稿', currentDrawId: null });
  });

  it('schedules evenly over working days, refuses dates outside the period, and shows progress from inspections', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call('plans:create', planInput(world));
    await t.call('plans:draw', { planId: plan.id, ...DRAW });
    const scheduled = await t.call('plans:schedule-evenly', { planId: plan.id });
    // 2–13 March 2026 has ten working days; four inspections land on days 0, 2, 5 and 7 of them.
    expect(scheduled.assignments.map((a) => a.scheduledDate)).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-09',
      '2026-03-11',
    ]);
    expect(scheduled.plan.progress.scheduled).toBe(4);
    const first = scheduled.assignments[0];
    if (!first) throw new Error('no assignment');
    const before = rowCounts(t);
    expect(await t.raw('plans:set-assignment-date', { assignmentId: first.id, date: '2026-04-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '检查日期应在计划期内（2026年3月2日至2026年3月13日），2026年4月1日不在其中',
      },
    });
    expect(rowCounts(t)).toEqual(before);
    const moved = await t.call('plans:set-assignment-date', { assignmentId: first.id, date: '2026-03-06' });
    expect(moved.assignments[0]?.scheduledDate).toBe('2026-03-06');

    // The inspection module starts an inspection from the assignment: the plan is then 进行中.
    const assignment = await t.call('plans:get-assignment', { id: first.id });
    expect(assignment).toMatchObject({
      templateVersionIds: [world.templateVersionId],
      institutionId: first.institutionId,
    });
    const inspection = await t.call('inspections:start', {
      institutionId: assignment.institutionId,
      templateVersionId: assignment.templateVersionIds[0] ?? '',
      planAssignmentId: assignment.id,
      inspectorIds: assignment.team.map((m) => m.id),
      representativeName: '钱主任',
      representativeTitle: null,
      representativePhone: null,
    });
    const progress = await t.call('plans:get', { id: plan.id });
    expect(progress.plan).toMatchObject({
      status: '进行中',
      progress: { total: 4, notStarted: 3, inProgress: 1, done: 0 },
    });
    expect(progress.assignments[0]).toMatchObject({ status: '进行中', inspectionId: inspection.summary.id });
    // Started assignments are fixed: no new date, no redraw.
    expect(await t.raw('plans:set-assignment-date', { assignmentId: first.id, date: '2026-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该机构的检查已经开始，不能再改日期' },
    });
    expect(await t.raw('plans:redraw', { planId: plan.id, ...DRAW, reason: '测试重新抽取' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '已有 1 家抽中机构开始检查，不能重新抽取（重新抽取只适用于尚未开始检查的计划）',
      },
    });
  });

  it('我的检查安排 lists the signed-in inspector’s assignments by date; viewers cannot draw', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call('plans:create', planInput(world));
    const drawn = await t.call('plans:draw', { planId: plan.id, ...DRAW });
    await t.call('plans:schedule-evenly', { planId: plan.id });
    const zhang = world.inspectors[0];
    if (!zhang) throw new Error('no inspector');
    const userId = await signInAs(t, 'zhangming', 'inspector');
    await t.call('auth:sign-out', {});
    await t.call('auth:sign-in', { username: 'admin', password: 'Admin#2026' });
    await t.call('inspectors:update', { id: zhang.id, userId });
    await t.call('auth:sign-out', {});
    await t.call('auth:sign-in', { username: 'zhangming', password: 'Passw0rd!' });
    const mine = await t.call('plans:list-my-assignments', {});
    const expected = drawn.assignments.filter((a) => a.team.some((m) => m.id === zhang.id));
    expect(mine.inspector).toEqual({ id: zhang.id, name: '张明' });
    expect(mine.assignments.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const dates = mine.assignments.map((a) => a.scheduledDate ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(await t.raw('plans:draw', { planId: plan.id, ...DRAW })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await t.call('auth:sign-out', {});
    await t.call('auth:sign-in', { username: 'admin', password: 'Admin#2026' });
    await signInAs(t, 'guest', 'viewer');
    expect((await t.call('plans:get', { id: plan.id })).assignments).toHaveLength(4);
    expect(await t.raw('plans:list-my-assignments', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

async function readSheet(file: string): Promise<{ result: string[][]; draws: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows = (name: string) => {
    const sheet = wb.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const out: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
      out.push(values);
    });
    return out;
  };
  return { result: rows('抽取结果'), draws: rows('抽取记录') };
}

describe('draw log export', () => {
  it('publishes the draw with redraw reasons, as PDF and Excel, never with phone numbers or scope', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call('plans:create', planInput(world));
    await t.call('plans:draw', { planId: plan.id, ...DRAW });
    const reason = '原抽中机构已停业，重新抽取';
    const detail = await t.call('plans:redraw', { planId: plan.id, ...DRAW, reason });
    await t.call('plans:schedule-evenly', { planId: plan.id });
    const current = detail.draws[1];
    if (!current) throw new Error('no redraw');

    const pdf = await t.call('plans:export-draw-log', { planId: plan.id, format: 'pdf' });
    expect(pdf.fileName).toBe('2026年第一季度双随机抽查_抽取结果公示.pdf');
    if (!pdf.saved) throw new Error('not saved');
    expect(pdf.saved.path.startsWith(`${t.dataDir}/exports/`)).toBe(true);
    const text = pdfText(pdf.saved.path);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2026年第一季度双随机抽查抽取结果公示');
    expect(flat).toContain('2026年3月2日至2026年3月13日');
    expect(flat).toContain('参与部门：民政、消防救援');
    for (const inst of current.institutions) expect(flat).toContain(inst.name);
    expect(flat).toContain(current.seed);
    expect(flat).toContain(detail.draws[0]?.seed ?? 'x');
    expect(flat).toContain(current.candidateHash);
    expect(flat).toContain(reason);
    expect(flat).toContain('已被第2次抽取取代');
    expect(flat).toContain('2026年3月2日'); // the first inspection date
    for (const phone of ['13812341234', '13912345678', '13700001111', '58881234', '13600002222', '58880000']) {
      expect(flat).not.toContain(phone);
    }
    expect(flat).not.toContain('运营'); // the scope's status filter is internal

    const xlsx = await t.call('plans:export-draw-log', { planId: plan.id, format: 'xlsx' });
    if (!xlsx.saved) throw new Error('not saved');
    expect(xlsx.fileName).toBe('2026年第一季度双随机抽查_抽取结果公示.xlsx');
    const sheet = await readSheet(xlsx.saved.path);
    const header = sheet.result.findIndex((r) => r[0] === '序号');
    const table = sheet.result.slice(header + 1, header + 1 + current.institutions.length);
    expect(table.map((r) => r[1])).toEqual(current.institutions.map((i) => i.name));
    expect(table.map((r) => r[2])).toEqual(current.institutions.map((i) => i.townName));
    expect(table.map((r) => r[3])).toEqual(['2026年3月2日', '2026年3月4日', '2026年3月9日', '2026年3月11日']);
    expect(sheet.result.find((r) => r[0] === '随机种子')?.[1]).toBe(current.seed);
    expect(sheet.result.find((r) => r[0] === '候选名单哈希')?.[1]).toBe(current.candidateHash);
    expect(sheet.draws.slice(1).map((r) => [r[0], r[3], r[6], r[7]])).toEqual([
      ['1', detail.draws[0]?.seed, '已被第2次抽取取代', ''],
      ['2', current.seed, '有效', reason],
    ]);
    expect(JSON.stringify(sheet)).not.toMatch(/13812341234|58881234|58880000/);
  });

  it('keeps a flying plan’s period, dates and teams out of the log until they have passed', async () => {
    const { t, world } = await setup();
    const { plan } = await t.call(
      'plans:create',
      planInput(world, {
        name: '养老机构消防飞行检查',
        type: '飞行检查',
        periodStart: '2026-03-09',
        periodEnd: '2026-03-20',
      }),
    );
    await t.call('plans:draw', { planId: plan.id, ...DRAW });
    const scheduled = await t.call('plans:schedule-evenly', { planId: plan.id });
    const dates = scheduled.assignments.map((a) => a.scheduledDate);
    expect(dates).toEqual(['2026-03-09', '2026-03-11', '2026-03-16', '2026-03-18']);
    const teamNames = scheduled.assignments.map((a) => a.team.map((m) => m.name).join('、'));

    const before = await t.call('plans:export-draw-log', { planId: plan.id, format: 'xlsx' });
    let sheet = await readSheet(before.saved?.path ?? '');
    let header = sheet.result.findIndex((r) => r[0] === '序号');
    expect(sheet.result.find((r) => r[0] === '检查时间')?.[1]).toBe('按计划');
    expect(sheet.result.slice(header + 1, header + 5).map((r) => [r[3], r[4]])).toEqual(
      Array.from({ length: 4 }, () => ['按计划', '检查后公布']),
    );
    const beforePdf = await t.call('plans:export-draw-log', { planId: plan.id, format: 'pdf' });
    const beforeText = pdfText(beforePdf.saved?.path ?? '').replace(/\s+/g, '');
    expect(beforeText).not.toMatch(/2026年3月(9|11|16|18|20)日/);
    for (const names of teamNames) expect(beforeText).not.toContain(names);
    expect(beforeText).toContain('本计划为飞行检查，检查日期和检查组成员在检查日期过后公布。');

    // 12 March: the first two inspections have passed, the others have not, the period has not ended.
    t.clock.set(new Date('2026-03-12T02:00:00Z'));
    const middle = await t.call('plans:export-draw-log', { planId: plan.id, format: 'xlsx' });
    sheet = await readSheet(middle.saved?.path ?? '');
    header = sheet.result.findIndex((r) => r[0] === '序号');
    expect(sheet.result.find((r) => r[0] === '检查时间')?.[1]).toBe('按计划');
    expect(sheet.result.slice(header + 1, header + 5).map((r) => [r[3], r[4]])).toEqual([
      ['2026年3月9日', expect.stringContaining(scheduled.assignments[0]?.team[0]?.name ?? 'x')],
      ['2026年3月11日', expect.stringContaining(scheduled.assignments[1]?.team[0]?.name ?? 'x')],
      ['按计划', '检查后公布'],
      ['按计划', '检查后公布'],
    ]);

    // After the period everything is public.
    t.clock.set(new Date('2026-03-21T02:00:00Z'));
    const after = await t.call('plans:export-draw-log', { planId: plan.id, format: 'pdf' });
    const afterText = pdfText(after.saved?.path ?? '').replace(/\s+/g, '');
    expect(afterText).toContain('2026年3月9日至2026年3月20日');
    for (const d of ['2026年3月16日', '2026年3月18日']) expect(afterText).toContain(d);
    expect(after.fileName).toBe('养老机构消防飞行检查_抽取结果公示.pdf');
  });
});
