import type { Page } from '@playwright/test';
import type { StatisticsDashboard } from '../../electron/api';
import { generateDistrictData } from '../../scripts/demo/district';
import { expect, test } from './support/fixtures';

// The services' clock reads 2026-03-02 09:30 in Shanghai; the browser is set to the same moment, so the
// screen's default period ("this year") is 2026.
const NOW = new Date('2026-03-02T01:30:00.000Z');

/** How antd's Statistic prints an integer (thousands grouped with commas). */
function shown(n: number): string {
  return n.toLocaleString('en-US');
}

async function expectKpis(page: Page, d: StatisticsDashboard): Promise<void> {
  const value = (id: string) => page.getByTestId(id).locator('.ant-statistic-content-value');
  await expect(value('kpi-found')).toHaveText(shown(d.totals.found));
  await expect(value('kpi-open')).toHaveText(shown(d.totals.open));
  await expect(value('kpi-overdue')).toHaveText(shown(d.totals.overdue));
  await expect(value('kpi-major-open')).toHaveText(shown(d.totals.majorOpen));
  await expect(value('kpi-inspections')).toHaveText(shown(d.totals.inspections));
  await expect(value('kpi-institutions')).toHaveText(shown(d.totals.institutions));
  const rate = d.totals.rectificationRate;
  await expect(value('kpi-rate')).toHaveText(rate === null ? '—' : (rate * 100).toFixed(1));
}

test('统计: the meeting figures on generated district data match statistics:dashboard', async ({
  signedInPage: page,
  app,
}) => {
  const summary = generateDistrictData(app.registry.deps.sqlite, {
    seed: 5,
    institutions: 40,
    years: 3,
    endDate: '2026-03-02',
  });
  expect(summary.hazards).toBeGreaterThan(0);
  await page.clock.setFixedTime(NOW);
  await page.reload();

  await page.getByRole('menu').getByText('统计', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '统计' })).toBeVisible();

  // This year (the default period).
  const thisYear = await app.call('statistics:dashboard', { from: '2026-01-01', to: '2026-12-31' });
  expect(thisYear.totals.open).toBeGreaterThan(0);
  await expectKpis(page, thisYear);
  await expect(page.getByText('未闭环、逾期数为截至 2026-03-02 的情况')).toBeVisible();
  await expect(page.getByRole('img', { name: '月度趋势：发现与闭环' }).locator('svg')).toBeVisible();
  await expect(page.getByRole('img', { name: '按责任部门' }).locator('svg')).toBeVisible();
  await expect(page.getByRole('img', { name: '按街镇' }).locator('svg')).toBeVisible();
  await expect(page.getByRole('tab', { name: `逾期隐患（${thisYear.overdue.total}）` })).toBeVisible();
  await page.screenshot({ path: 'test-results/statistics.png', fullPage: true });

  // Last year, from the period picker's presets: a year-end snapshot.
  await page.getByLabel('统计期间').first().click();
  await page.getByText('去年', { exact: true }).click();
  const lastYear = await app.call('statistics:dashboard', { from: '2025-01-01', to: '2025-12-31' });
  await expectKpis(page, lastYear);
  await expect(page.getByText('未闭环、逾期数为截至 2025-12-31 的情况')).toBeVisible();

  // One department.
  await page.getByRole('combobox', { name: '全部责任部门' }).click();
  await page.locator('.ant-select-item-option:visible', { hasText: '消防救援' }).first().click();
  const fire = await app.call('statistics:dashboard', { from: '2025-01-01', to: '2025-12-31', departmentKey: 'fire' });
  await expectKpis(page, fire);

  // A listed overdue hazard leads to its institution's hazards.
  const first = fire.overdue.items[0];
  expect(first).toBeDefined();
  if (first) {
    await page.getByRole('tab', { name: /^逾期隐患/ }).click();
    await page.getByRole('row').filter({ hasText: first.code }).click();
    await expect(page).toHaveURL(new RegExp(`#/hazards/institution/${first.institutionId}$`));
  }
});

test('统计 in English', async ({ signedInPage: page, app }) => {
  generateDistrictData(app.registry.deps.sqlite, { seed: 6, institutions: 40, years: 2, endDate: '2026-03-02' });
  await page.clock.setFixedTime(NOW);
  await page.reload();
  await page.getByLabel('界面语言 / Language').getByText('English').click();
  await page.getByRole('menu').getByText('Statistics', { exact: true }).click();
  const d = await app.call('statistics:dashboard', { from: '2026-01-01', to: '2026-12-31' });
  await expectKpis(page, d);
  await expect(page.getByText('Open and overdue counts as of 2026-03-02')).toBeVisible();
  await expect(page.getByRole('tab', { name: `Overdue hazards (${d.overdue.total})` })).toBeVisible();
  await page.screenshot({ path: 'test-results/statistics-en.png', fullPage: true });
});
