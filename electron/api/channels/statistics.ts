import { z } from 'zod';
import { channel, idSchema } from '../contract';
import { hazardSeverities, hazardStates } from './hazards';

/** A calendar date (YYYY-MM-DD, Asia/Shanghai). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(d);
  }, '日期不存在');

/**
 * What the statistics cover: a period of Shanghai calendar days (both ends included) and optional town and
 * department filters. Town narrows everything to that town's institutions; department narrows the hazard
 * figures to hazards that department is responsible for (inspections have no department, so they stay whole).
 */
export const statisticsFilterSchema = z
  .object({
    from: calendarDate,
    to: calendarDate,
    townId: idSchema.optional(),
    departmentKey: z.string().min(1).max(64).optional(),
  })
  .refine((f) => f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  // The monthly trend has one point per month; a century-long period is a typo, not a question.
  .refine((f) => Number(f.to.slice(0, 4)) - Number(f.from.slice(0, 4)) <= 20, {
    message: '统计期间不能超过 20 年',
    path: ['from'],
  });

/** A validated statistics filter. */
export type StatisticsFilter = z.infer<typeof statisticsFilterSchema>;

/** Headline figures of the period. Stock figures (open, overdue, major open) are as of `asOf`. */
export const statisticsTotalsSchema = z.object({
  /** Non-archived institutions in scope (town filter applies). */
  institutions: z.number().int(),
  /** Institutions with at least one inspection started in the period. */
  inspectedInstitutions: z.number().int(),
  /** Inspections started in the period. */
  inspections: z.number().int(),
  /** Hazards recorded in the period. */
  found: z.number().int(),
  /** Major hazards recorded in the period. */
  majorFound: z.number().int(),
  /** Hazards recorded in the period and closed by `asOf`. */
  closed: z.number().int(),
  /** closed / found; null when nothing was found. */
  rectificationRate: z.number().nullable(),
  /** Hazards closed in the period, whenever they were found (the basis of the time-to-close figures). */
  closedInPeriod: z.number().int(),
  /** Median Shanghai calendar days from recording to closing, over hazards closed in the period. */
  medianDaysToClose: z.number().nullable(),
  /** Mean of the same, one decimal. */
  meanDaysToClose: z.number().nullable(),
  /** Hazards not closed at the end of `asOf` (found any time up to then). */
  open: z.number().int(),
  /** Open hazards whose deadline lies before `asOf`. */
  overdue: z.number().int(),
  /** Open hazards judged 重大事故隐患. */
  majorOpen: z.number().int(),
});

/** Headline figures. */
export type StatisticsTotals = z.infer<typeof statisticsTotalsSchema>;

/** One town's row. */
export const townStatisticsSchema = z.object({
  townId: idSchema,
  townName: z.string(),
  found: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  majorOpen: z.number().int(),
});

/** A town's figures. */
export type TownStatistics = z.infer<typeof townStatisticsSchema>;

/** One department's row (a hazard with several responsible departments counts for each of them). */
export const departmentStatisticsSchema = z.object({
  departmentKey: z.string(),
  nameZh: z.string(),
  shortZh: z.string(),
  nameEn: z.string(),
  found: z.number().int(),
  closed: z.number().int(),
  rectificationRate: z.number().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  majorOpen: z.number().int(),
});

/** A department's figures. */
export type DepartmentStatistics = z.infer<typeof departmentStatisticsSchema>;

/** One month of the trend: hazards found in it and hazards closed in it (whenever found). */
export const monthStatisticsSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  found: z.number().int(),
  closed: z.number().int(),
});

/** A month of the trend. */
export type MonthStatistics = z.infer<typeof monthStatisticsSchema>;

/** An institution of the open-and-overdue ranking. */
export const institutionRankingSchema = z.object({
  institutionId: idSchema,
  institutionName: z.string(),
  townName: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  majorOpen: z.number().int(),
});

/** A ranked institution. */
export type InstitutionRanking = z.infer<typeof institutionRankingSchema>;

/** A hazard of the major-open or overdue list, as of `asOf`. */
export const statisticsHazardSchema = z.object({
  id: idSchema,
  code: z.string(),
  institutionId: idSchema,
  institutionName: z.string(),
  townName: z.string(),
  severity: z.enum(hazardSeverities),
  /** Current state (for a past `asOf` it may have moved on since). */
  state: z.enum(hazardStates),
  description: z.string(),
  departments: z.array(z.string()),
  recordedDate: calendarDate,
  deadlineDate: calendarDate,
  /** Calendar days past the deadline on `asOf`; 0 when not overdue. */
  daysOverdue: z.number().int(),
});

/** A listed hazard. */
export type StatisticsHazard = z.infer<typeof statisticsHazardSchema>;

/** A list capped at `limit`, with the full count. */
export const statisticsHazardListSchema = z.object({ total: z.number().int(), items: z.array(statisticsHazardSchema) });

/** Everything the 统计 screen and the 会商材料 show. */
export const statisticsDashboardSchema = z.object({
  from: calendarDate,
  to: calendarDate,
  /** The day the stock figures describe: the period's end, or today when the period has not ended yet. */
  asOf: calendarDate,
  today: calendarDate,
  totals: statisticsTotalsSchema,
  byTown: z.array(townStatisticsSchema),
  byDepartment: z.array(departmentStatisticsSchema),
  byMonth: z.array(monthStatisticsSchema),
  topInstitutions: z.array(institutionRankingSchema),
  majorOpen: statisticsHazardListSchema,
  overdue: statisticsHazardListSchema,
});

/** The whole dashboard. */
export type StatisticsDashboard = z.infer<typeof statisticsDashboardSchema>;

/** Channels of the 统计 module (read-only: any signed-in user). */
export const statisticChannels = {
  'statistics:dashboard': channel({
    access: 'viewer',
    input: statisticsFilterSchema,
    output: statisticsDashboardSchema,
  }),
};
