import { eq, inArray } from 'drizzle-orm';
import { inspections, planAssignments, plans } from '../../../db/schema';
import type { ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { listIssued, type IssuedRow } from './issued';

/** Issued (not voided) 整改通知书 of the inspections that carried out one of a plan's assignments, newest first. */
export function planNoticeRows(deps: ServiceDeps, planId: string): IssuedRow[] {
  const plan = deps.db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)).get();
  if (!plan) throw notFound('检查计划');
  const assignments = deps.db
    .select({ id: planAssignments.id, inspectionId: planAssignments.inspectionId })
    .from(planAssignments)
    .where(eq(planAssignments.planId, planId))
    .all();
  const inspectionIds = new Set<string>();
  for (const a of assignments) if (a.inspectionId) inspectionIds.add(a.inspectionId);
  if (assignments.length) {
    const linked = deps.db
      .select({ id: inspections.id })
      .from(inspections)
      .where(
        inArray(
          inspections.planAssignmentId,
          assignments.map((a) => a.id),
        ),
      )
      .all();
    for (const i of linked) inspectionIds.add(i.id);
  }
  const rows = inspectionIds.size
    ? listIssued(deps, { kind: 'rectification-notice', status: 'issued' }).filter((row) =>
        (JSON.parse(row.subjectIdsJson) as string[]).some((id) => inspectionIds.has(id)),
      )
    : [];
  if (!rows.length) throw new AppError('VALIDATION', '该检查计划下没有已出具的整改通知书，未导出任何文件');
  return rows;
}
