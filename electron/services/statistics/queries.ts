/**
 * The statistics of the joint-supervision meeting (综合监管"一件事"), as plain functions `(sqlite, query)` so
 * the 统计 screen and the 会商材料 document compute the very same numbers.
 *
 * Definitions (all days are Asia/Shanghai calendar days):
 * - found: hazards recorded in the period; closed: of those, closed by `asOf`; rate = closed / found.
 * - open / overdue / major open: a snapshot at the end of `asOf` = min(period end, today), over every hazard
 *   recorded up to then, so a past year shows its year-end backlog and the current year shows today's.
 *   Overdue is derived here from the deadline (never stored): open and deadline before `asOf`.
 * - time to close: recording day → closing day, over hazards closed in the period (whenever found).
 *
 * One indexed range read fetches every hazard that can matter (recorded before the period end and not closed
 * before it started) and one pass in JS counts all the figures; at district scale that read is a few
 * thousand narrow rows, which is cheaper than one GROUP BY query per figure.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/queries/statement-cache';
import type {
  DepartmentStatistics,
  InstitutionRanking,
  MonthStatistics,
  StatisticsDashboard,
  StatisticsFilter,
  StatisticsHazard,
  StatisticsTotals,
  TownStatistics,
} from '../../api';
import { daysBetween, shanghaiDate } from '../hazards/dates';

/** A statistics filter plus the Shanghai date that counts as today (from the caller's injected clock). */
export type StatisticsQuery = StatisticsFilter & { today: string };

/** How many hazards the major and overdue lists carry by default (the totals always count them all). */
export const DEFAULT_LIST_LIMIT = 100;

/** How many institutions the ranking shows by default. */
export const DEFAULT_RANKING_LIMIT = 10;

/** The instant a Shanghai calendar day starts, as a stored-style ISO string (UTC, milliseconds, Z). */
export function shanghaiDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/** The instant after a Shanghai calendar day ends (the next day's start). */
function shanghaiDayEnd(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
}

/** The period as instants for comparisons against stored ISO timestamps (no per-row date functions). */
export interface PeriodBounds {
  fromStart: string;
  toEnd: string;
  asOf: string;
  asOfEnd: string;
}

/** Bounds of a query's period; `asOf` is the period end, or today while the period is still running. */
export function periodBounds(q: StatisticsQuery): PeriodBounds {
  const asOf = q.to < q.today ? q.to : q.today;
  return { fromStart: shanghaiDayStart(q.from), toEnd: shanghaiDayEnd(q.to), asOf, asOfEnd: shanghaiDayEnd(asOf) };
}

/** A hazard that can matter for the period, with its figures already decided. */
export interface ScopedHazard {
  id: string;
  code: string;
  institutionId: string;
  townId: string;
  severity: 'major' | 'general';
  departments: string[];
  deadlineDate: string;
  recordedAt: string;
  closedAt: string | null;
  /** Shanghai calendar day of recording, as a day number (days since 1970-01-01). */
  recordedDay: number;
  /** Shanghai calendar day of closing, as a day number; null while open. */
  closedDay: number | null;
  found: boolean;
  closedOfFound: boolean;
  closedInPeriod: boolean;
  open: boolean;
  overdue: boolean;
  majorOpen: boolean;
  daysOverdue: number;
}

/** The hazards of one query, read once and shared by every figure of the dashboard. */
export interface HazardScope {
  query: StatisticsQuery;
  bounds: PeriodBounds;
  hazards: ScopedHazard[];
}

/** A scope row in raw (array) mode: id, code, institution, severity, departments, deadline, recorded, closed. */
type ScopeRow = [string, string, string, 'major' | 'general', string, string, string, string | null];

function parseDepartments(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The Shanghai calendar day of a stored instant as a day number. A whole-decade query handles tens of
 * thousands of timestamps; one Date.parse and a division each is far cheaper than building date strings.
 */
function shanghaiDayNumber(instant: string): number {
  return Math.floor((Date.parse(instant) + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The YYYY-MM month of a day number. */
function monthOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 7);
}

/**
 * The department filter as a JSON-quoted needle: department keys are plain codes written by
 * JSON.stringify, so `"fire"` occurs in the array text exactly when "fire" is an element, and instr() is
 * far cheaper than json_each() on every row.
 */
function departmentNeedle(key: string | undefined): string | null {
  return key ? JSON.stringify(key) : null;
}

/** Reads the hazards of a query (see the module comment for what "can matter" means). */
export function loadHazardScope(sqlite: Database.Database, q: StatisticsQuery): HazardScope {
  const bounds = periodBounds(q);
  // A hazard closed before the earlier of period start and as-of day counts for nothing in this period.
  const closedAfter = bounds.fromStart < bounds.asOfEnd ? bounds.fromStart : bounds.asOfEnd;
  const clauses = ['h.recorded_at < ?', '(h.closed_at IS NULL OR h.closed_at >= ?)'];
  const params: unknown[] = [bounds.toEnd, closedAfter];
  if (q.townId) {
    clauses.push('h.institution_id IN (SELECT id FROM institutions WHERE town_id = ?)');
    params.push(q.townId);
  }
  const needle = departmentNeedle(q.departmentKey);
  if (needle) {
    clauses.push('instr(h.departments_json, ?) > 0');
    params.push(needle);
  }
  const statement = cachedStatement(
    sqlite,
    `SELECT h.id, h.code, h.institution_id, h.severity, h.departments_json, h.deadline_date, h.recorded_at, h.closed_at
     FROM hazards h WHERE ${clauses.join(' AND ')}`,
  );
  // Arrays instead of objects and no per-row join: a decade is ~17k rows and building them is the main cost.
  const rows = statement.raw(true).all(...params) as ScopeRow[];
  const townOf = new Map(
    (
      cachedStatement(sqlite, 'SELECT id, town_id AS townId FROM institutions').all() as Array<{
        id: string;
        townId: string;
      }>
    ).map((r) => [r.id, r.townId]),
  );
  // Only a handful of distinct department lists exist; parse each once.
  const departmentLists = new Map<string, string[]>();
  const hazards = rows.map((row): ScopedHazard => {
    const [id, code, institutionId, severity, departmentsJson, deadlineDate, recordedAt, closedAt] = row;
    const r = { recordedAt, closedAt, deadlineDate };
    let departments = departmentLists.get(departmentsJson);
    if (!departments) {
      departments = parseDepartments(departmentsJson);
      departmentLists.set(departmentsJson, departments);
    }
    const found = r.recordedAt >= bounds.fromStart && r.recordedAt < bounds.toEnd;
    const closedByAsOf = r.closedAt !== null && r.closedAt < bounds.asOfEnd;
    const open = r.recordedAt < bounds.asOfEnd && !closedByAsOf;
    const overdue = open && r.deadlineDate < bounds.asOf;
    return {
      id,
      code,
      institutionId,
      townId: townOf.get(institutionId) ?? '',
      severity,
      departments,
      deadlineDate: r.deadlineDate,
      recordedAt: r.recordedAt,
      closedAt: r.closedAt,
      recordedDay: shanghaiDayNumber(r.recordedAt),
      closedDay: r.closedAt === null ? null : shanghaiDayNumber(r.closedAt),
      found,
      closedOfFound: found && closedByAsOf,
      closedInPeriod: r.closedAt !== null && r.closedAt >= bounds.fromStart && r.closedAt < bounds.toEnd,
      open,
      overdue,
      majorOpen: open && severity === 'major',
      daysOverdue: overdue ? daysBetween(r.deadlineDate, bounds.asOf) : 0,
    };
  });
  return { query: q, bounds, hazards };
}

interface Counts {
  found: number;
  closed: number;
  open: number;
  overdue: number;
  majorOpen: number;
}

function emptyCounts(): Counts {
  return { found: 0, closed: 0, open: 0, overdue: 0, majorOpen: 0 };
}

function add(counts: Counts, h: ScopedHazard): void {
  if (h.found) counts.found += 1;
  if (h.closedOfFound) counts.closed += 1;
  if (h.open) counts.open += 1;
  if (h.overdue) counts.overdue += 1;
  if (h.majorOpen) counts.majorOpen += 1;
}

function rate(closed: number, found: number): number | null {
  return found === 0 ? null : closed / found;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Headline figures of a query. */
export function statisticsTotals(
  sqlite: Database.Database,
  q: StatisticsQuery,
  scope: HazardScope = loadHazardScope(sqlite, q),
): StatisticsTotals {
  const { bounds } = scope;
  const townClause = q.townId ? ' AND i.town_id = ?' : '';
  const townParams = q.townId ? [q.townId] : [];
  const institutions = (
    cachedStatement(sqlite, `SELECT count(*) AS n FROM institutions i WHERE i.archived_at IS NULL${townClause}`).get(
      ...townParams,
    ) as { n: number }
  ).n;
  const visits = cachedStatement(
    sqlite,
    `SELECT count(*) AS inspections, count(DISTINCT s.institution_id) AS inspected
     FROM inspections s JOIN institutions i ON i.id = s.institution_id
     WHERE s.started_at >= ? AND s.started_at < ?${townClause}`,
  ).get(bounds.fromStart, bounds.toEnd, ...townParams) as { inspections: number; inspected: number };

  const counts = emptyCounts();
  let majorFound = 0;
  const daysToClose: number[] = [];
  for (const h of scope.hazards) {
    add(counts, h);
    if (h.found && h.severity === 'major') majorFound += 1;
    if (h.closedInPeriod && h.closedDay !== null) daysToClose.push(h.closedDay - h.recordedDay);
  }
  daysToClose.sort((a, b) => a - b);
  const mean = daysToClose.length ? daysToClose.reduce((s, d) => s + d, 0) / daysToClose.length : null;
  return {
    institutions,
    inspectedInstitutions: visits.inspected,
    inspections: visits.inspections,
    found: counts.found,
    majorFound,
    closed: counts.closed,
    rectificationRate: rate(counts.closed, counts.found),
    closedInPeriod: daysToClose.length,
    medianDaysToClose: median(daysToClose),
    meanDaysToClose: mean === null ? null : Math.round(mean * 10) / 10,
    open: counts.open,
    overdue: counts.overdue,
    majorOpen: counts.majorOpen,
  };
}

/** Figures per town, in the district's town order; every active town is listed, with zeros if need be. */
export function statisticsByTown(
  sqlite: Database.Database,
  q: StatisticsQuery,
  scope: HazardScope = loadHazardScope(sqlite, q),
): TownStatistics[] {
  const towns = cachedStatement(
    sqlite,
    'SELECT id, name, is_active AS isActive FROM towns ORDER BY sort_order',
  ).all() as Array<{
    id: string;
    name: string;
    isActive: number;
  }>;
  const byTown = new Map<string, Counts>();
  for (const h of scope.hazards) {
    let counts = byTown.get(h.townId);
    if (!counts) {
      counts = emptyCounts();
      byTown.set(h.townId, counts);
    }
    add(counts, h);
  }
  return towns
    .filter((t) => (q.townId ? t.id === q.townId : t.isActive === 1 || byTown.has(t.id)))
    .map((t) => ({ townId: t.id, townName: t.name, ...(byTown.get(t.id) ?? emptyCounts()) }));
}

/**
 * Figures per responsible department, in the departments' order. A hazard shared by two departments counts
 * for both, so these rows may add up to more than the totals.
 */
export function statisticsByDepartment(
  sqlite: Database.Database,
  q: StatisticsQuery,
  scope: HazardScope = loadHazardScope(sqlite, q),
): DepartmentStatistics[] {
  const departments = cachedStatement(
    sqlite,
    'SELECT key, name_zh AS nameZh, short_zh AS shortZh, name_en AS nameEn FROM departments ORDER BY sort_order',
  ).all() as Array<{ key: string; nameZh: string; shortZh: string; nameEn: string }>;
  const byDepartment = new Map<string, Counts>();
  for (const h of scope.hazards) {
    for (const key of h.departments) {
      let counts = byDepartment.get(key);
      if (!counts) {
        counts = emptyCounts();
        byDepartment.set(key, counts);
      }
      add(counts, h);
    }
  }
  return departments
    .filter((d) => !q.departmentKey || d.key === q.departmentKey)
    .map((d) => {
      const counts = byDepartment.get(d.key) ?? emptyCounts();
      return {
        departmentKey: d.key,
        nameZh: d.nameZh,
        shortZh: d.shortZh,
        nameEn: d.nameEn,
        ...counts,
        rectificationRate: rate(counts.closed, counts.found),
      };
    });
}

/** Each calendar month of the period: hazards found in it and hazards closed in it (whenever found). */
export function statisticsByMonth(
  sqlite: Database.Database,
  q: StatisticsQuery,
  scope: HazardScope = loadHazardScope(sqlite, q),
): MonthStatistics[] {
  const months: MonthStatistics[] = [];
  const index = new Map<string, MonthStatistics>();
  let [year, month] = q.from.split('-').map(Number) as [number, number];
  const last = q.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    const entry = { month: key, found: 0, closed: 0 };
    months.push(entry);
    index.set(key, entry);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  // Day number → month entry, filled lazily: a decade has a few thousand distinct days at most.
  const byDay = new Map<number, MonthStatistics | undefined>();
  const entryOf = (day: number): MonthStatistics | undefined => {
    if (!byDay.has(day)) byDay.set(day, index.get(monthOfDay(day)));
    return byDay.get(day);
  };
  for (const h of scope.hazards) {
    if (h.found) {
      const entry = entryOf(h.recordedDay);
      if (entry) entry.found += 1;
    }
    if (h.closedInPeriod && h.closedDay !== null) {
      const entry = entryOf(h.closedDay);
      if (entry) entry.closed += 1;
    }
  }
  return months;
}

/** Institutions with the most open plus overdue hazards as of `asOf` (those with none are left out). */
export function topInstitutions(
  sqlite: Database.Database,
  q: StatisticsQuery,
  limit = DEFAULT_RANKING_LIMIT,
  scope: HazardScope = loadHazardScope(sqlite, q),
): InstitutionRanking[] {
  const byInstitution = new Map<string, Counts>();
  for (const h of scope.hazards) {
    if (!h.open) continue;
    let counts = byInstitution.get(h.institutionId);
    if (!counts) {
      counts = emptyCounts();
      byInstitution.set(h.institutionId, counts);
    }
    add(counts, h);
  }
  if (byInstitution.size === 0) return [];
  const names = new Map(
    (
      cachedStatement(
        sqlite,
        `SELECT i.id, i.name, t.name AS townName FROM institutions i JOIN towns t ON t.id = i.town_id
         WHERE i.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify([...byInstitution.keys()])) as Array<{ id: string; name: string; townName: string }>
    ).map((r) => [r.id, r]),
  );
  return [...byInstitution.entries()]
    .map(([id, c]) => ({
      institutionId: id,
      institutionName: names.get(id)?.name ?? '',
      townName: names.get(id)?.townName ?? '',
      open: c.open,
      overdue: c.overdue,
      majorOpen: c.majorOpen,
    }))
    .sort(
      (a, b) =>
        b.open + b.overdue - (a.open + a.overdue) ||
        b.majorOpen - a.majorOpen ||
        a.institutionName.localeCompare(b.institutionName, 'zh-CN'),
    )
    .slice(0, limit);
}

interface ListRow {
  id: string;
  code: string;
  institutionId: string;
  institutionName: string;
  townName: string;
  severity: 'major' | 'general';
  state: StatisticsHazard['state'];
  description: string;
  departmentsJson: string;
  recordedAt: string;
  deadlineDate: string;
}

/** Longest overdue first, then major before general, then the earliest deadline, then the code. */
function listOrder(a: ScopedHazard, b: ScopedHazard): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    (a.severity === b.severity ? 0 : a.severity === 'major' ? -1 : 1) ||
    (a.deadlineDate < b.deadlineDate ? -1 : a.deadlineDate > b.deadlineDate ? 1 : 0) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function hazardList(
  sqlite: Database.Database,
  picked: ScopedHazard[],
  limit: number,
): { total: number; items: StatisticsHazard[] } {
  const top = [...picked].sort(listOrder).slice(0, limit);
  if (top.length === 0) return { total: picked.length, items: [] };
  const rows = new Map(
    (
      cachedStatement(
        sqlite,
        `SELECT h.id, h.code, h.institution_id AS institutionId, i.name AS institutionName, t.name AS townName,
           h.severity, h.state, h.description, h.departments_json AS departmentsJson, h.recorded_at AS recordedAt,
           h.deadline_date AS deadlineDate
         FROM hazards h JOIN institutions i ON i.id = h.institution_id JOIN towns t ON t.id = i.town_id
         WHERE h.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(top.map((h) => h.id))) as ListRow[]
    ).map((r) => [r.id, r]),
  );
  const items = top.flatMap((h): StatisticsHazard[] => {
    const r = rows.get(h.id);
    if (!r) return [];
    return [
      {
        id: r.id,
        code: r.code,
        institutionId: r.institutionId,
        institutionName: r.institutionName,
        townName: r.townName,
        severity: r.severity,
        state: r.state,
        description: r.description,
        departments: parseDepartments(r.departmentsJson),
        recordedDate: shanghaiDate(r.recordedAt),
        deadlineDate: r.deadlineDate,
        daysOverdue: h.daysOverdue,
      },
    ];
  });
  return { total: picked.length, items };
}

/** Major hazards open as of `asOf`, longest overdue first (capped at `limit`, with the full count). */
export function majorOpenHazards(
  sqlite: Database.Database,
  q: StatisticsQuery,
  limit = DEFAULT_LIST_LIMIT,
  scope: HazardScope = loadHazardScope(sqlite, q),
): { total: number; items: StatisticsHazard[] } {
  return hazardList(
    sqlite,
    scope.hazards.filter((h) => h.majorOpen),
    limit,
  );
}

/** Hazards overdue as of `asOf`, longest overdue first (capped at `limit`, with the full count). */
export function overdueHazards(
  sqlite: Database.Database,
  q: StatisticsQuery,
  limit = DEFAULT_LIST_LIMIT,
  scope: HazardScope = loadHazardScope(sqlite, q),
): { total: number; items: StatisticsHazard[] } {
  return hazardList(
    sqlite,
    scope.hazards.filter((h) => h.overdue),
    limit,
  );
}

/** Every figure of the 统计 screen (and of the 会商材料), from one read of the hazards. */
export function statisticsDashboard(
  sqlite: Database.Database,
  q: StatisticsQuery,
  options: { listLimit?: number; rankingLimit?: number } = {},
): StatisticsDashboard {
  const scope = loadHazardScope(sqlite, q);
  const listLimit = options.listLimit ?? DEFAULT_LIST_LIMIT;
  return {
    from: q.from,
    to: q.to,
    asOf: scope.bounds.asOf,
    today: q.today,
    totals: statisticsTotals(sqlite, q, scope),
    byTown: statisticsByTown(sqlite, q, scope),
    byDepartment: statisticsByDepartment(sqlite, q, scope),
    byMonth: statisticsByMonth(sqlite, q, scope),
    topInstitutions: topInstitutions(sqlite, q, options.rankingLimit ?? DEFAULT_RANKING_LIMIT, scope),
    majorOpen: majorOpenHazards(sqlite, q, listLimit, scope),
    overdue: overdueHazards(sqlite, q, listLimit, scope),
  };
}
