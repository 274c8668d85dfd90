import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrictData } from '../../../scripts/demo/district';
import { createSignedInApp, type TestApp } from '../../support/services';

let app: TestApp;

beforeEach(async () => {
  app = await createSignedInApp();
});

afterEach(() => app.dispose());

const END = '2026-03-02';

interface Row {
  id: string;
  institution_id: string;
  town_id: string;
  severity: string;
  state: string;
  departments_json: string;
  deadline_date: string;
  recorded_at: string;
  closed_at: string | null;
}

/** Shanghai calendar date of an instant, computed here independently of the app's helpers. */
function localDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

describe('district demo data (small scale)', () => {
  it('writes consistent rows: foreign keys, states matching histories, closing times', () => {
    const sqlite = app.registry.deps.sqlite;
    const summary = generateDistrictData(sqlite, { seed: 7, institutions: 12, years: 2, endDate: END });
    expect(summary.institutions).toBe(12);
    expect(summary.inspections).toBeGreaterThan(12 * 2 * 2 - 1);
    expect(summary.hazards).toBeGreaterThan(0);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM hazards').get()).toEqual({ n: summary.hazards });
    // The last event of every hazard lands in the hazard's state, and only closed hazards have a closing time.
    const mismatched = sqlite
      .prepare(
        `SELECT count(*) AS n FROM hazards h JOIN hazard_events e ON e.hazard_id = h.id
         AND e.seq = (SELECT max(seq) FROM hazard_events WHERE hazard_id = h.id)
         WHERE e.to_state <> h.state OR (h.state = 'closed') <> (h.closed_at IS NOT NULL)
            OR (h.closed_at IS NOT NULL AND h.closed_at < h.recorded_at)`,
      )
      .get() as { n: number };
    expect(mismatched.n).toBe(0);
    // Nothing happens after the end date, and every finding has its 不符合 answer.
    const endInstant = new Date(`${END}T23:59:59.999+08:00`).toISOString();
    expect(sqlite.prepare('SELECT count(*) AS n FROM hazard_events WHERE at > ?').get(endInstant)).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM inspection_answers WHERE result = '不符合'").get()).toEqual({
      n: summary.answers,
    });
    expect(summary.answers).toBe(summary.hazards);
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'demo-data'").get()).toEqual({ n: 3 });
  });

  it('is deterministic for a seed', async () => {
    const other = await createSignedInApp({ seed: 99 });
    try {
      const a = generateDistrictData(app.registry.deps.sqlite, { seed: 3, institutions: 8, years: 1, endDate: END });
      const b = generateDistrictData(other.registry.deps.sqlite, { seed: 3, institutions: 8, years: 1, endDate: END });
      expect(b).toEqual(a);
      const codes = (s: TestApp) =>
        s.registry.deps.sqlite.prepare('SELECT code, severity, state, deadline_date FROM hazards ORDER BY code').all();
      expect(codes(other)).toEqual(codes(app));
    } finally {
      other.dispose();
    }
  });

  it('gives dashboard figures that a naive recount of every hazard agrees with', async () => {
    const sqlite = app.registry.deps.sqlite;
    generateDistrictData(sqlite, { seed: 11, institutions: 20, years: 3, endDate: END });
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const d = await app.call('statistics:dashboard', period);
    const rows = sqlite
      .prepare(
        `SELECT h.id, h.institution_id, i.town_id, h.severity, h.state, h.departments_json, h.deadline_date,
           h.recorded_at, h.closed_at FROM hazards h JOIN institutions i ON i.id = h.institution_id`,
      )
      .all() as Row[];
    // Recount from the definitions, by calendar dates (not instants): as of 31 Dec 2025.
    const asOf = '2025-12-31';
    const found = rows.filter((r) => localDate(r.recorded_at) >= period.from && localDate(r.recorded_at) <= period.to);
    const closedBy = (r: Row) => r.closed_at !== null && localDate(r.closed_at) <= asOf;
    const open = rows.filter((r) => localDate(r.recorded_at) <= asOf && !closedBy(r));
    const overdue = open.filter((r) => r.deadline_date < asOf);
    expect(d.totals.found).toBe(found.length);
    expect(d.totals.closed).toBe(found.filter(closedBy).length);
    expect(d.totals.open).toBe(open.length);
    expect(d.totals.overdue).toBe(overdue.length);
    expect(d.totals.majorOpen).toBe(open.filter((r) => r.severity === 'major').length);
    expect(d.byTown.reduce((s, t) => s + t.found, 0)).toBe(found.length);
    expect(d.byMonth.reduce((s, m) => s + m.found, 0)).toBe(found.length);
    const fire = d.byDepartment.find((r) => r.departmentKey === 'fire');
    expect(fire?.open).toBe(open.filter((r) => (JSON.parse(r.departments_json) as string[]).includes('fire')).length);
    // The generated year has real work in it: findings, closures and a backlog.
    expect(found.length).toBeGreaterThan(20);
    expect(d.totals.closed).toBeGreaterThan(0);
  });
});
