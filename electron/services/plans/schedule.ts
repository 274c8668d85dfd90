import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { inspectors, planAssignments, plans } from '../../../db/schema';
import type { Assignment, PlanDetail } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext } from '../context';
import { AppError, notFound } from '../errors';
import {
  assignmentViews,
  chinaDate,
  currentDraw,
  derivedStates,
  findPlan,
  parseIdList,
  planAssignmentRows,
  planDetail,
} from './records';

const DAY_MS = 86_400_000;

/** 2026-03-02 → 2026年3月2日. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y ?? ''}年${Number(m)}月${Number(d)}日`;
}

/**
 * Working days (Monday to Friday) from `start` to `end`, both YYYY-MM-DD and inclusive. Public holidays and
 * their make-up working days are not known to the app, so an administrator moves those dates by hand.
 */
export function workingDays(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Dates for `count` inspections spread evenly over `days`: the i-th gets day ⌊i·W/n⌋, so gaps differ by at
 * most one working day and, when there are more inspections than days, no day gets two more than another.
 */
export function spreadEvenly(days: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => days[Math.floor((i * days.length) / count)] ?? '');
}

/**
 * Gives every not-yet-started assignment of the plan's current draw a date, spread evenly over the working
 * days from today (or the period start, if later) to the period end.
 */
export function scheduleEvenly(ctx: CallContext, planId: string): PlanDetail {
  return inTransaction(ctx.deps, () => {
    const plan = findPlan(ctx.deps, planId);
    if (plan.status === '已作废') throw new AppError('CONFLICT', '该计划已作废，不能安排日程');
    if (!currentDraw(ctx.deps, planId)) throw new AppError('VALIDATION', '请先抽取检查对象，再安排日程');
    const today = chinaDate(ctx.now());
    const from = plan.periodStart > today ? plan.periodStart : today;
    const days = from > plan.periodEnd ? [] : workingDays(from, plan.periodEnd);
    if (days.length === 0) {
      throw new AppError(
        'VALIDATION',
        `计划期（${formatDay(plan.periodStart)}至${formatDay(plan.periodEnd)}）内从今天起已没有工作日，无法自动排期；请调整计划期或手动设置日期`,
      );
    }
    const rows = planAssignmentRows(ctx.deps, planId);
    const states = derivedStates(ctx.deps, rows);
    const open = rows.filter((r) => states.get(r.id)?.status === '未开始');
    if (open.length === 0) throw new AppError('VALIDATION', '没有尚未开始的检查安排需要排期');
    const dates = spreadEvenly(days, open.length);
    const now = ctx.now();
    open.forEach((r, i) => {
      ctx.deps.db
        .update(planAssignments)
        .set({ scheduledDate: dates[i] ?? null, updatedAt: now })
        .where(eq(planAssignments.id, r.id))
        .run();
    });
    recordChange(ctx, {
      entity: 'plan',
      entityId: planId,
      action: 'schedule',
      before: open.map((r) => ({ assignmentId: r.id, date: r.scheduledDate })),
      after: open.map((r, i) => ({ assignmentId: r.id, date: dates[i] ?? null })),
    });
    return planDetail(ctx.deps, planId);
  });
}

/** Sets (or clears) the date of one assignment; it must lie in the plan period and not be started yet. */
export function setAssignmentDate(ctx: CallContext, assignmentId: string, date: string | null): PlanDetail {
  return inTransaction(ctx.deps, () => {
    const row = ctx.deps.db.select().from(planAssignments).where(eq(planAssignments.id, assignmentId)).get();
    if (!row) throw notFound('检查安排');
    const plan = findPlan(ctx.deps, row.planId);
    if (plan.status === '已作废') throw new AppError('CONFLICT', '该计划已作废，不能安排日程');
    if (derivedStates(ctx.deps, [row]).get(row.id)?.status !== '未开始') {
      throw new AppError('CONFLICT', '该机构的检查已经开始，不能再改日期');
    }
    if (date !== null && (date < plan.periodStart || date > plan.periodEnd)) {
      throw new AppError(
        'VALIDATION',
        `检查日期应在计划期内（${formatDay(plan.periodStart)}至${formatDay(plan.periodEnd)}），${formatDay(date)}不在其中`,
      );
    }
    if (row.scheduledDate === date) return planDetail(ctx.deps, plan.id);
    ctx.deps.db
      .update(planAssignments)
      .set({ scheduledDate: date, updatedAt: ctx.now() })
      .where(eq(planAssignments.id, row.id))
      .run();
    recordChange(ctx, {
      entity: 'plan',
      entityId: plan.id,
      action: 'set-assignment-date',
      before: { assignmentId: row.id, institutionId: row.institutionId, date: row.scheduledDate },
      after: { assignmentId: row.id, institutionId: row.institutionId, date },
    });
    return planDetail(ctx.deps, plan.id);
  });
}

const byDate = (a: Assignment, b: Assignment): number => {
  const da = a.scheduledDate ?? '9999-99-99';
  const db = b.scheduledDate ?? '9999-99-99';
  if (da !== db) return da < db ? -1 : 1;
  if (a.planName !== b.planName) return a.planName < b.planName ? -1 : 1;
  return a.sortOrder - b.sortOrder;
};

/** 我的检查安排: assignments of live plans whose team includes the signed-in user's roster inspector, by date. */
export function listMyAssignments(ctx: CallContext): {
  inspector: { id: string; name: string } | null;
  assignments: Assignment[];
} {
  const user = ctx.actor();
  const me = ctx.deps.db
    .select({ id: inspectors.id, name: inspectors.name })
    .from(inspectors)
    .where(eq(inspectors.userId, user.id ?? ''))
    .get();
  if (!me) return { inspector: null, assignments: [] };
  const rows = ctx.deps.db
    .select({ a: planAssignments })
    .from(planAssignments)
    .innerJoin(plans, eq(plans.id, planAssignments.planId))
    .where(
      and(
        ne(plans.status, '已作废'),
        sql`EXISTS (SELECT 1 FROM json_each(${planAssignments.inspectorIdsJson}) WHERE value = ${me.id})`,
      ),
    )
    .orderBy(asc(planAssignments.scheduledDate))
    .all()
    .map((r) => r.a);
  return { inspector: me, assignments: assignmentViews(ctx.deps, rows).sort(byDate) };
}

/**
 * One assignment, for the inspection module to start an inspection from (institution, template versions,
 * team). An unannounced plan's assignment is shown only to its team members and administrators.
 */
export function getAssignment(ctx: CallContext, id: string): Assignment {
  const row = ctx.deps.db.select().from(planAssignments).where(eq(planAssignments.id, id)).get();
  if (!row) throw notFound('检查安排');
  const plan = findPlan(ctx.deps, row.planId);
  const user = ctx.actor();
  if (plan.isFlying && user.role !== 'admin') {
    const me = ctx.deps.db
      .select({ id: inspectors.id })
      .from(inspectors)
      .where(eq(inspectors.userId, user.id ?? ''))
      .get();
    if (!me || !parseIdList(row.inspectorIdsJson).includes(me.id)) {
      throw new AppError('FORBIDDEN', '飞行检查的安排只对检查组成员和管理员可见');
    }
  }
  const [view] = assignmentViews(ctx.deps, [row]);
  if (!view) throw notFound('检查安排');
  return view;
}
