import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createPlanWorld } from '../services/plans/plan-fixtures';
import { ShellPage } from './pages/shell-page';
import { PlansPage } from './pages/plans-page';
import { expect, test } from './support/fixtures';

test('检查人员: the administrator builds the roster, records a recusal, and a viewer sees phones masked', async ({
  signedInPage: page,
  app,
}) => {
  const plans = new PlansPage(page);
  await plans.openInspectors();
  await expect(page.getByText('名册中还没有检查人员')).toBeVisible();

  await plans.addInspector({ name: '张明', certificateNo: '沪民执-2026-001', phone: '13812341234' });
  await expect(plans.row('张明')).toContainText('民政');
  await expect(plans.row('张明')).toContainText('13812341234');
  await plans.addInspector({
    name: '李华',
    department: '消防救援机构',
    certificateNo: '沪消执-0042',
    phone: '021-58881234',
  });
  await expect(plans.row('李华')).toContainText('消防救援');
  await expect(page.getByText('共 2 条')).toBeVisible();

  // A duplicate 执法证号 is refused with the service's Chinese message, and nothing is added.
  await plans.addInspector({ name: '王五', certificateNo: '沪民执-2026-001' });
  await expect(plans.dialog().getByText('执法证号“沪民执-2026-001”已登记给检查人员“张明”，不能重复')).toBeVisible();
  await plans.closeDialog();
  await expect(page.getByText('共 2 条')).toBeVisible();

  await plans.toggleRecusals('张明');
  await expect(plans.recusals('张明')).toContainText('无回避');
  await plans.addTownRecusal('潍坊新村街道', '本人居住在该街道');
  await expect(plans.recusals('张明').getByRole('cell', { name: '潍坊新村街道' })).toBeVisible();
  await expect(plans.recusals('张明')).toContainText('本人居住在该街道');
  await expect(plans.recusals('张明')).toContainText('王管理 登记于 2026年3月2日');
  await expect(plans.row('张明')).toContainText('1 项');
  await page.screenshot({ path: 'test-results/plans-roster.png', fullPage: true });

  // What the screen shows is what is stored, with an audit record for each change.
  const roster = await app.call('inspectors:list', {});
  expect(roster.map((i) => [i.name, i.recusals.map((r) => [r.townName, r.reason])])).toEqual([
    ['张明', [['潍坊新村街道', '本人居住在该街道']]],
    ['李华', []],
  ]);
  const log = await app.call('audit:list', { entity: 'inspector' });
  expect(log.map((r) => r.action)).toEqual(['add-recusal', 'create', 'create']);

  // A viewer reads the roster with masked phone numbers and cannot change it.
  await app.call('users:create', {
    username: 'guest',
    password: 'Guest#2026',
    displayName: '赵查看',
    departmentKey: 'market',
    role: 'viewer',
  });
  await page.getByRole('button', { name: '退出登录' }).click();
  await new ShellPage(page).signIn('guest', 'Guest#2026');
  await plans.openInspectors();
  await expect(plans.row('张明')).toContainText('138****1234');
  await expect(plans.row('李华')).toContainText('021****1234');
  await expect(plans.roster()).not.toContainText('13812341234');
  await expect(page.getByRole('button', { name: '新增检查人员' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/plans-roster-viewer.png', fullPage: true });
});

test('检查计划: the administrator creates a plan, draws, verifies, redraws with a reason, schedules and exports the log', async ({
  signedInPage: page,
  app,
}) => {
  const world = await createPlanWorld(app);
  const plans = new PlansPage(page);
  await plans.openPlans();
  await expect(page.getByText('还没有检查计划')).toBeVisible();
  await plans.createPlan({
    name: '2026年第一季度双随机抽查',
    start: '2026-03-02',
    end: '2026-03-13',
    template: '双随机检查表（第 1 版）',
    departments: ['消防救援机构'],
  });
  await expect(page.getByText('尚未抽取')).toBeVisible();

  // An impossible request: the service's message, nothing drawn.
  await plans.draw(9);
  await expect(page.getByText('符合条件的机构只有 6 家，少于要抽取的 9 家')).toBeVisible();
  await expect(plans.assignments()).toHaveCount(0);

  await plans.draw(4);
  await expect(page.getByText('已抽取 4 家机构')).toBeVisible();
  await expect(plans.assignments().locator('tbody tr')).toHaveCount(4);
  await expect(await plans.verify(1)).toContainText('与记录一致');

  await plans.redraw('原抽中机构已停业整顿，重新抽取');
  await expect(plans.draws().locator('tbody tr')).toHaveCount(2);
  await expect(plans.draws()).toContainText('已被取代');
  await expect(plans.draws()).toContainText('原抽中机构已停业整顿，重新抽取');
  await expect(await plans.verify(1)).toContainText('与记录一致');

  await page.getByRole('button', { name: '按工作日平均排期' }).click();
  await expect(page.getByText('已排期 4 家')).toBeVisible();
  await expect(plans.assignments()).toContainText('未开始');
  await page.screenshot({ path: 'test-results/plans-detail.png', fullPage: true });

  // What the screen shows is what is stored.
  const stored = (await app.call('plans:list', {}))[0];
  expect(stored).toMatchObject({
    name: '2026年第一季度双随机抽查',
    status: '已抽取',
    progress: { total: 4, scheduled: 4 },
  });
  const detail = await app.call('plans:get', { id: stored?.id ?? '' });
  for (const a of detail.assignments) await expect(plans.assignments()).toContainText(a.institutionName);

  await page.getByRole('button', { name: '导出公示（PDF）' }).click();
  await expect(page.getByText(/已保存：.*_抽取结果公示\.pdf/)).toBeVisible();
  const file = path.join(app.dataDir, 'exports', '2026年第一季度双随机抽查_抽取结果公示.pdf');
  expect(fs.existsSync(file)).toBe(true);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const current = detail.draws[1];
  expect(text).toContain(current?.seed ?? 'no seed');
  for (const i of current?.institutions ?? []) expect(text).toContain(i.name);
  expect(text).toContain('原抽中机构已停业整顿，重新抽取');
  expect(text).not.toContain('13812341234');
  expect(world.institutions).toHaveLength(6);

  // A team member starts the inspection from 我的检查安排: institution, checklist and team come from the draw.
  const me = (await app.call('auth:status', {})).user;
  const member = detail.assignments[0]?.team[0];
  if (!me || !member) throw new Error('no signed-in user or drawn team');
  await app.call('inspectors:update', { id: member.id, userId: me.id });
  await page.getByRole('tab', { name: '我的检查安排' }).click();
  await page.getByRole('table', { name: '我的检查安排' }).getByRole('button', { name: '开始检查' }).first().click();
  await page.getByLabel('机构陪同人员').fill('刘院长');
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/#\/inspections\/[0-9a-f-]{36}$/);
  const [started] = await app.call('inspections:list', { status: 'in_progress' });
  const inspection = await app.call('inspections:get', { inspectionId: started?.id ?? '' });
  const assignment = await app.call('plans:get-assignment', { id: inspection.planAssignmentId ?? '' });
  expect(inspection.institution.id).toBe(assignment.institutionId);
  expect(assignment.templateVersionIds).toContain(inspection.templateVersionId);
  expect(inspection.inspectors.map((i) => i.id).sort()).toEqual(assignment.team.map((m) => m.id).sort());
  expect(assignment.team.map((m) => m.id)).toContain(member.id);
});
