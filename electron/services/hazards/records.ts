/** Reading hazards: rows to the contract's shape, with the derived overdue flag and suggested next step. */
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { hazardEvents, hazardPhotos, hazardReferrals, hazards, institutions, towns } from '../../../db/schema';
import type { Hazard, HazardEvent, HazardFilter, HazardReferral } from '../../api';
import type { ServiceDeps } from '../context';
import { notFound } from '../errors';
import { daysOverdue, shanghaiDate } from './dates';

/** A stored hazard row. */
export type HazardRow = typeof hazards.$inferSelect;

/** Today's date in Asia/Shanghai, from the injected clock. */
export function today(deps: ServiceDeps): string {
  return shanghaiDate(deps.clock());
}

/** Parses a JSON array of strings stored by this module. */
export function parseKeys(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** One hazard row, or NOT_FOUND. */
export function hazardRow(deps: ServiceDeps, id: string): HazardRow {
  const row = deps.db.select().from(hazards).where(eq(hazards.id, id)).get();
  if (!row) throw notFound('隐患');
  return row;
}

interface Extras {
  institutionName: string;
  townId: string;
  townName: string;
}

/**
 * The next step for an overdue hazard, which the documents module turns into paper: first a 催办 reminder,
 * then, once reminded after the deadline and still not rectified, a 移送 to the responsible department.
 */
function nextStep(
  overdue: boolean,
  deadlineDate: string,
  lastReminderAt: string | null,
  transferred: boolean,
): Hazard['nextStep'] {
  if (!overdue) return null;
  const remindedAfterDeadline = lastReminderAt !== null && shanghaiDate(lastReminderAt) > deadlineDate;
  if (!remindedAfterDeadline) return 'remind';
  return transferred ? null : 'refer';
}

/** Maps rows to the contract's hazards, loading photos, reminders and referrals in three queries. */
export function toHazards(deps: ServiceDeps, rows: Array<HazardRow & Extras>): Hazard[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const day = today(deps);
  const photosBy = new Map<string, Hazard['photos']>();
  const reminderBy = new Map<string, string>();
  const referralsBy = new Map<string, { count: number; transferred: boolean }>();
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const p of deps.db
      .select()
      .from(hazardPhotos)
      .where(inArray(hazardPhotos.hazardId, chunk))
      .orderBy(asc(hazardPhotos.sortOrder))
      .all()) {
      const list = photosBy.get(p.hazardId) ?? [];
      list.push({ photoId: p.photoId, role: p.role, eventId: p.eventId });
      photosBy.set(p.hazardId, list);
    }
    for (const r of deps.db
      .select({ hazardId: hazardEvents.hazardId, at: sql<string>`max(${hazardEvents.at})` })
      .from(hazardEvents)
      .where(and(inArray(hazardEvents.hazardId, chunk), eq(hazardEvents.kind, 'reminder')))
      .groupBy(hazardEvents.hazardId)
      .all()) {
      reminderBy.set(r.hazardId, r.at);
    }
    for (const r of deps.db
      .select({
        hazardId: hazardReferrals.hazardId,
        n: sql<number>`count(*)`,
        transfers: sql<number>`sum(case when ${hazardReferrals.kind} = 'transfer' and ${hazardReferrals.accepted} <> 'no' then 1 else 0 end)`,
      })
      .from(hazardReferrals)
      .where(inArray(hazardReferrals.hazardId, chunk))
      .groupBy(hazardReferrals.hazardId)
      .all()) {
      referralsBy.set(r.hazardId, { count: r.n, transferred: r.transfers > 0 });
    }
  }
  return rows.map((row) => {
    const overdueDays = daysOverdue(row, day);
    const lastReminderAt = reminderBy.get(row.id) ?? null;
    const referrals = referralsBy.get(row.id) ?? { count: 0, transferred: false };
    return {
      id: row.id,
      code: row.code,
      institutionId: row.institutionId,
      institutionName: row.institutionName,
      townId: row.townId,
      townName: row.townName,
      sourceInspectionId: row.sourceInspectionId,
      itemKey: row.itemKey,
      ruleItemCode: row.ruleItemCode,
      itemText: row.itemText,
      legalBasis: row.legalBasis,
      location: row.location,
      description: row.description,
      measurement:
        row.measurementValue !== null && row.measurementUnit !== null
          ? { value: row.measurementValue, unit: row.measurementUnit }
          : null,
      severity: row.severity,
      severityBasis: row.severityBasis,
      severityRationale: row.severityRationale,
      pendingJudgment: row.pendingJudgment,
      majorRuleSetId: row.majorRuleSetId,
      majorCriterionCode: row.majorCriterionCode,
      departments: parseKeys(row.departmentsJson),
      requiredAction: row.requiredAction,
      deadlineClass: row.deadlineClass,
      deadlineDate: row.deadlineDate,
      interimMeasures: row.interimMeasures,
      state: row.state,
      fixedOnSpot: row.fixedOnSpot,
      recordedById: row.recordedById,
      recordedByName: row.recordedByName,
      recordedAt: row.recordedAt,
      closedAt: row.closedAt,
      updatedAt: row.updatedAt,
      overdue: overdueDays > 0,
      daysOverdue: overdueDays,
      nextStep: nextStep(overdueDays > 0, row.deadlineDate, lastReminderAt, referrals.transferred),
      lastReminderAt,
      referralCount: referrals.count,
      photos: photosBy.get(row.id) ?? [],
    };
  });
}

function selectWithPlace(deps: ServiceDeps, where: SQL | undefined): Array<HazardRow & Extras> {
  const rows = deps.db
    .select({ hazard: hazards, institutionName: institutions.name, townId: towns.id, townName: towns.name })
    .from(hazards)
    .innerJoin(institutions, eq(institutions.id, hazards.institutionId))
    .innerJoin(towns, eq(towns.id, institutions.townId))
    .where(where)
    .all();
  return rows.map((r) => ({ ...r.hazard, institutionName: r.institutionName, townId: r.townId, townName: r.townName }));
}

/** One hazard in the contract's shape. */
export function getHazard(deps: ServiceDeps, id: string): Hazard {
  const [hazard] = toHazards(deps, selectWithPlace(deps, eq(hazards.id, id)));
  if (!hazard) throw notFound('隐患');
  return hazard;
}

/**
 * Board order: overdue first (longest overdue first), then major before general, then the earliest deadline,
 * then the code, so the list is stable.
 */
export function boardOrder(a: Hazard, b: Hazard): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.severity !== b.severity) return a.severity === 'major' ? -1 : 1;
  if (a.deadlineDate !== b.deadlineDate) return a.deadlineDate < b.deadlineDate ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Hazards matching the board filters, in board order. */
export function listHazards(deps: ServiceDeps, filter: Required<Pick<HazardFilter, 'state'>> & HazardFilter): Hazard[] {
  const conditions: SQL[] = [];
  if (filter.state === 'open') conditions.push(ne(hazards.state, 'closed'));
  else if (filter.state !== 'all') conditions.push(eq(hazards.state, filter.state));
  if (filter.institutionId) conditions.push(eq(hazards.institutionId, filter.institutionId));
  if (filter.townId) conditions.push(eq(institutions.townId, filter.townId));
  if (filter.severity) conditions.push(eq(hazards.severity, filter.severity));
  if (filter.departmentKey) {
    conditions.push(
      sql`exists (select 1 from json_each(${hazards.departmentsJson}) where value = ${filter.departmentKey})`,
    );
  }
  let items = toHazards(deps, selectWithPlace(deps, conditions.length ? and(...conditions) : undefined));
  if (filter.overdue !== undefined) items = items.filter((h) => h.overdue === filter.overdue);
  return items.sort(boardOrder);
}

/** A hazard's history, oldest first. */
export function hazardHistory(deps: ServiceDeps, hazardId: string): HazardEvent[] {
  return deps.db
    .select()
    .from(hazardEvents)
    .where(eq(hazardEvents.hazardId, hazardId))
    .orderBy(asc(hazardEvents.seq))
    .all()
    .map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      actorId: e.actorId,
      actorName: e.actorName,
      at: e.at,
      reason: e.reason,
      text: e.text,
      method: e.method,
      inspectionId: e.inspectionId,
      detail: JSON.parse(e.detailJson) as Record<string, unknown>,
    }));
}

/** Maps a referral row. */
export function toReferral(r: typeof hazardReferrals.$inferSelect): HazardReferral {
  return {
    id: r.id,
    hazardId: r.hazardId,
    departmentKey: r.departmentKey,
    kind: r.kind,
    referredOn: r.referredOn,
    letterNo: r.letterNo,
    accepted: r.accepted,
    acceptedOn: r.acceptedOn,
    note: r.note,
    createdAt: r.createdAt,
  };
}

/** A hazard's referrals, oldest first. */
export function hazardReferralList(deps: ServiceDeps, hazardId: string): HazardReferral[] {
  return deps.db
    .select()
    .from(hazardReferrals)
    .where(eq(hazardReferrals.hazardId, hazardId))
    .orderBy(asc(hazardReferrals.createdAt))
    .all()
    .map(toReferral);
}
