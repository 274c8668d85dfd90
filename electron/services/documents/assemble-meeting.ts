import { cachedStatement } from '../../../db/queries/statement-cache';
import type { StatisticsHazard } from '../../api';
import type { MeetingBriefData, MeetingHazardList } from '../../reports/meeting-brief';
import { AppError } from '../errors';
import { shanghaiDate } from '../hazards/dates';
import { statisticsDashboard } from '../statistics/queries';
import { UNNUMBERED, type AssembleTools } from './assemble-notice';

/**
 * How many hazards each list of the 会商材料 prints. Higher than the 统计 screen's 100 because paper cannot be
 * scrolled for more, yet bounded so a neglected district gives a long annex rather than a thousand pages; the
 * headings always carry the full counts.
 */
export const MEETING_LIST_LIMIT = 300;

/** What a 会商材料 covers: a period and, like the 统计 screen, an optional town and department. */
export interface MeetingInput {
  from: string;
  to: string;
  townId?: string | undefined;
  departmentKey?: string | undefined;
}

/**
 * Reads the 会商材料's figures from the statistics module — the very call behind statistics:dashboard, with
 * today taken from the app clock — so the paper and the 统计 screen never disagree.
 */
export function assembleMeeting(
  tools: AssembleTools,
  input: MeetingInput,
): { data: MeetingBriefData; subjectIds: string[]; scope: string } {
  const sqlite = tools.deps.sqlite;
  if (input.from > input.to) throw new AppError('VALIDATION', '开始日期不能晚于结束日期');
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 20)
    throw new AppError('VALIDATION', '统计期间不能超过 20 年');
  let town: string | null = null;
  if (input.townId) {
    const row = cachedStatement(sqlite, 'SELECT name FROM towns WHERE id = ?').get(input.townId) as
      { name: string } | undefined;
    if (!row) throw new AppError('VALIDATION', '所选街镇不存在，请重新选择');
    town = row.name;
  }
  const departments = cachedStatement(sqlite, 'SELECT key, short_zh AS shortZh FROM departments').all() as Array<{
    key: string;
    shortZh: string;
  }>;
  const shortName = new Map(departments.map((d) => [d.key, d.shortZh]));
  let department: string | null = null;
  if (input.departmentKey) {
    if (!shortName.has(input.departmentKey)) throw new AppError('VALIDATION', '所选部门不存在，请重新选择');
    department = tools.departmentName(input.departmentKey);
  }
  const dashboard = statisticsDashboard(
    sqlite,
    {
      from: input.from,
      to: input.to,
      ...(input.townId ? { townId: input.townId } : {}),
      ...(input.departmentKey ? { departmentKey: input.departmentKey } : {}),
      today: shanghaiDate(tools.deps.clock()),
    },
    { listLimit: MEETING_LIST_LIMIT },
  );
  const list = (l: { total: number; items: StatisticsHazard[] }): MeetingHazardList => ({
    total: l.total,
    items: l.items.map((h) => ({
      code: h.code,
      institution: h.institutionName,
      town: h.townName,
      description: h.description,
      isMajor: h.severity === 'major',
      departments: h.departments.map((k) => shortName.get(k) ?? k).join('、'),
      deadline: h.deadlineDate,
      overdueDays: h.daysOverdue,
    })),
  });
  const data: MeetingBriefData = {
    issuingOrgan: tools.settings.issuingOrgan,
    number: UNNUMBERED,
    issueDate: tools.issueDate,
    period: { from: dashboard.from, to: dashboard.to },
    asOf: dashboard.asOf,
    town,
    department,
    totals: dashboard.totals,
    byTown: dashboard.byTown.map((r) => ({
      name: r.townName,
      found: r.found,
      closed: r.closed,
      open: r.open,
      overdue: r.overdue,
      majorOpen: r.majorOpen,
    })),
    byDepartment: dashboard.byDepartment.map((r) => ({
      name: r.shortZh,
      found: r.found,
      closed: r.closed,
      open: r.open,
      overdue: r.overdue,
      majorOpen: r.majorOpen,
    })),
    byMonth: dashboard.byMonth.map((m) => ({ month: m.month, found: m.found, closed: m.closed })),
    majorOpen: list(dashboard.majorOpen),
    overdue: list(dashboard.overdue),
  };
  const subjectIds = [...new Set([...dashboard.majorOpen.items, ...dashboard.overdue.items].map((h) => h.id))];
  // Short names for the register's title (潍坊新村街道·消防); the cover prints the department's full name.
  const scope = [town ?? '全区', input.departmentKey ? shortName.get(input.departmentKey) : null]
    .filter(Boolean)
    .join('·');
  return { data, subjectIds, scope };
}
