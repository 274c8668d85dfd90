import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statisticsDashboard } from '../../../electron/services/statistics/queries';
import { createSignedInApp, type TestApp } from '../../support/services';
import { buildDataset, type Dataset } from './dataset';

// The test app's clock reads 2026-03-02T01:30Z = 09:30 on 2 March in Shanghai: "today" is 2026-03-02.
let app: TestApp;
let data: Dataset;

beforeEach(async () => {
  app = await createSignedInApp();
  const sqlite = app.registry.deps.sqlite;
  const admin = sqlite.prepare('SELECT id FROM users LIMIT 1').get() as { id: string };
  data = buildDataset(sqlite, admin.id);
});

afterEach(() => app.dispose());

const THIS_YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('statistics:dashboard on the hand-built dataset (this year, as of today)', () => {
  it('counts the headline figures', async () => {
    const d = await app.call('statistics:dashboard', THIS_YEAR);
    expect(d.asOf).toBe('2026-03-02');
    expect(d.totals).toEqual({
      institutions: 4, // A, B, C, E (D is archived)
      inspectedInstitutions: 4, // A (I1), B (I2), C (I4, in progress), D (I5); I3 was last year
      inspections: 4,
      found: 6, // H2, H3, H4, H5, H8, H9
      majorFound: 3, // H2, H3, H8
      closed: 3, // H2, H5, H9
      rectificationRate: 0.5,
      closedInPeriod: 4, // H2 27 d, H5 14 d, H6 70 d, H9 0 d
      medianDaysToClose: 20.5, // (14 + 27) / 2
      meanDaysToClose: 27.8, // 111 / 4 = 27.75
      open: 4, // H1 (backlog), H3, H4, H8
      overdue: 3, // H1, H3, H8; H4 is due today
      majorOpen: 2, // H3, H8
    });
  });

  it('splits by town, listing every active town', async () => {
    const d = await app.call('statistics:dashboard', THIS_YEAR);
    expect(d.byTown).toHaveLength(2 + data.otherTowns);
    expect(d.byTown[0]).toMatchObject({ townId: data.town1, found: 4, closed: 2, open: 3, overdue: 2, majorOpen: 1 });
    expect(d.byTown[1]).toMatchObject({ townId: data.town2, found: 2, closed: 1, open: 1, overdue: 1, majorOpen: 1 });
    for (const row of d.byTown.slice(2)) expect(row).toMatchObject({ found: 0, open: 0, overdue: 0, majorOpen: 0 });
  });

  it('splits by department, counting a shared hazard for each of its departments', async () => {
    const d = await app.call('statistics:dashboard', THIS_YEAR);
    const by = Object.fromEntries(d.byDepartment.map((r) => [r.departmentKey, r]));
    expect(by.fire).toMatchObject({ found: 4, closed: 2, rectificationRate: 0.5, open: 3, overdue: 3, majorOpen: 2 });
    expect(by.construction).toMatchObject({ found: 1, closed: 1, rectificationRate: 1, open: 0 });
    expect(by.market).toMatchObject({ found: 2, closed: 1, open: 1, overdue: 0, majorOpen: 0 });
    expect(by['civil-affairs']).toMatchObject({ found: 1, closed: 1, open: 0 });
    expect(by.health).toMatchObject({ found: 0, closed: 0, rectificationRate: null, open: 0 });
    expect(by.fire?.shortZh).toBe('消防救援');
  });

  it('draws the monthly trend in Shanghai months (found vs closed)', async () => {
    const d = await app.call('statistics:dashboard', THIS_YEAR);
    expect(d.byMonth.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    // H3 was recorded at 00:30 on 1 Feb in Shanghai and H2 closed at 07:00 on 1 Feb: both February there.
    expect(d.byMonth.slice(0, 3)).toEqual([
      { month: '2026-01', found: 2, closed: 1 }, // found H2, H8; closed H6
      { month: '2026-02', found: 3, closed: 1 }, // found H3, H4, H5; closed H2
      { month: '2026-03', found: 1, closed: 2 }, // found H9; closed H5, H9
    ]);
    expect(d.byMonth.slice(3).every((m) => m.found === 0 && m.closed === 0)).toBe(true);
  });

  it('ranks institutions by open plus overdue and lists the major and overdue hazards', async () => {
    const d = await app.call('statistics:dashboard', THIS_YEAR);
    expect(d.topInstitutions.map((r) => [r.institutionName, r.open, r.overdue, r.majorOpen])).toEqual([
      ['甲养老院', 2, 2, 1], // H1, H3
      ['丁照护之家', 1, 1, 1], // H8
      ['乙敬老院', 1, 0, 0], // H4
    ]);
    expect(d.majorOpen.total).toBe(2);
    expect(d.majorOpen.items.map((h) => [h.code, h.daysOverdue])).toEqual([
      ['YH-2026-0005', 29], // H8: due 1 Feb
      ['YH-2026-0002', 1], // H3: due 1 Mar
    ]);
    expect(d.overdue.total).toBe(3);
    expect(d.overdue.items.map((h) => [h.code, h.daysOverdue])).toEqual([
      ['YH-2025-0001', 51], // H1: due 10 Jan
      ['YH-2026-0005', 29],
      ['YH-2026-0002', 1],
    ]);
    expect(d.overdue.items[0]).toMatchObject({
      institutionName: '甲养老院',
      departments: ['fire'],
      recordedDate: '2025-12-20',
    });
  });

  it('narrows to a town or a department', async () => {
    const town = await app.call('statistics:dashboard', { ...THIS_YEAR, townId: data.town2 });
    expect(town.totals).toMatchObject({
      institutions: 2,
      inspections: 2,
      found: 2,
      closed: 1,
      open: 1,
      overdue: 1,
      majorOpen: 1,
    });
    expect(town.byTown.map((t) => t.townId)).toEqual([data.town2]);

    const market = await app.call('statistics:dashboard', { ...THIS_YEAR, departmentKey: 'market' });
    // Inspections have no department: they stay whole; the hazard figures are market's (H4, H5).
    expect(market.totals).toMatchObject({ inspections: 4, found: 2, closed: 1, open: 1, overdue: 0, majorOpen: 0 });
    expect(market.byDepartment.map((r) => r.departmentKey)).toEqual(['market']);
  });

  it('shows a past year as its year-end snapshot', async () => {
    const d = await app.call('statistics:dashboard', { from: '2025-01-01', to: '2025-12-31' });
    expect(d.asOf).toBe('2025-12-31');
    expect(d.totals).toMatchObject({
      found: 3, // H1, H6, H7
      closed: 1, // H7 (H6 closed only in January)
      closedInPeriod: 1,
      medianDaysToClose: 30, // H7: 1 June → 1 July
      open: 2, // H1, H6 at the end of 31 Dec
      overdue: 1, // H6 (due 1 Dec); H1 was due 10 Jan
      majorOpen: 0,
    });
    expect(d.totals.rectificationRate).toBeCloseTo(1 / 3, 10);
  });

  it('is the same figures as the plain query function the documents module calls', async () => {
    const viaChannel = await app.call('statistics:dashboard', THIS_YEAR);
    const direct = statisticsDashboard(app.registry.deps.sqlite, { ...THIS_YEAR, today: '2026-03-02' });
    expect(direct).toEqual(viaChannel);
  });
});

describe('overdue around midnight in Shanghai', () => {
  it('turns H3 (due 1 March) overdue at 00:00 on 2 March Shanghai time, while UTC still says 1 March', async () => {
    // 15:59:59 UTC on 1 March is 23:59:59 in Shanghai: still the deadline day.
    app.clock.set(new Date('2026-03-01T15:59:59.000Z'));
    const before = await app.call('statistics:dashboard', THIS_YEAR);
    expect(before.asOf).toBe('2026-03-01');
    expect(before.overdue.items.map((h) => h.code)).not.toContain('YH-2026-0002');

    app.clock.set(new Date('2026-03-01T16:00:00.000Z'));
    const after = await app.call('statistics:dashboard', THIS_YEAR);
    expect(after.asOf).toBe('2026-03-02');
    expect(after.overdue.items.find((h) => h.code === 'YH-2026-0002')?.daysOverdue).toBe(1);
    expect(after.totals.overdue - before.totals.overdue).toBe(1);
  });
});

describe('statistics:dashboard input and access', () => {
  it('refuses a reversed period, an impossible date and an unknown town', async () => {
    const reversed = await app.raw('statistics:dashboard', { from: '2026-12-31', to: '2026-01-01' });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const impossible = await app.raw('statistics:dashboard', { from: '2026-02-30', to: '2026-03-01' });
    expect(impossible).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const town = await app.raw('statistics:dashboard', { ...THIS_YEAR, townId: 'no-such-town' });
    expect(town).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '所选街镇不存在，请重新选择' } });
  });

  it('needs a signed-in user', async () => {
    await app.call('auth:sign-out', {});
    const r = await app.raw('statistics:dashboard', THIS_YEAR);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
