import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  departments,
  inspections,
  inspectors,
  institutions,
  planAssignments,
  planDraws,
  plans,
  towns,
} from '../../../db/schema';
import {
  drawRecordSchema,
  planScopeSchema,
  type Assignment,
  type AssignmentStatus,
  type DrawRecord,
  type PlanDetail,
  type PlanScope,
  type PlanStatus,
  type PlanSummary,
} from '../../api';
import type { ServiceDeps } from '../context';
import { notFound } from '../errors';
import { describeShortfall, type DrawLabels } from './draw';

/** A stored plan row. */
export type PlanRow = typeof plans.$inferSelect;
/** A stored draw row. */
export type DrawRow = typeof planDraws.$inferSelect;
/** A stored assignment row. */
export type AssignmentRow = typeof planAssignments.$inferSelect;

const CST_OFFSET_MS = 8 * 3_600_000;

/** Today's calendar date in China Standard Time (YYYY-MM-DD) for an ISO time from `ctx.now()`. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Parses a JSON id list column; a damaged value reads as empty rather than breaking the screen. */
export function parseIdList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The scope stored with a plan. */
export function parseScope(json: string): PlanScope {
  return planScopeSchema.parse(JSON.parse(json));
}

/** The draw record stored with a draw row. */
export function parseRecord(row: DrawRow): DrawRecord {
  return drawRecordSchema.parse(JSON.parse(row.recordJson));
}

/** A plan row, or NOT_FOUND in Chinese. */
export function findPlan(deps: ServiceDeps, id: string): PlanRow {
  const row = deps.db.select().from(plans).where(eq(plans.id, id)).get();
  if (!row) throw notFound('检查计划');
  return row;
}

/** The plan's draw that has not been superseded, if any. */
export function currentDraw(deps: ServiceDeps, planId: string): DrawRow | undefined {
  return deps.db
    .select()
    .from(planDraws)
    .where(and(eq(planDraws.planId, planId), isNull(planDraws.supersededById)))
    .get();
}

/** Department short names by key (民政, 消防…), used in messages and shortfall notes. */
export function departmentLabels(deps: ServiceDeps): DrawLabels & { names: Map<string, string> } {
  const rows = deps.db.select({ key: departments.key, name: departments.shortZh }).from(departments).all();
  return {
    departmentNames: Object.fromEntries(rows.map((r) => [r.key, r.name])),
    names: new Map(rows.map((r) => [r.key, r.name])),
  };
}

interface DerivedState {
  status: AssignmentStatus;
  inspectionId: string | null;
}

/**
 * State of each assignment from the inspections that carry it out: a finished one makes it 已完成, one under
 * way 进行中; without any the stored state stands. Derived on read so the inspection module never has to
 * write into this module's tables.
 */
export function derivedStates(deps: ServiceDeps, rows: readonly AssignmentRow[]): Map<string, DerivedState> {
  const out = new Map<string, DerivedState>();
  for (const r of rows) out.set(r.id, { status: r.status, inspectionId: r.inspectionId });
  if (rows.length === 0) return out;
  const found = deps.db
    .select({ id: inspections.id, assignmentId: inspections.planAssignmentId, status: inspections.status })
    .from(inspections)
    .where(
      inArray(
        inspections.planAssignmentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(inspections.startedAt))
    .all();
  for (const f of found) {
    if (f.assignmentId === null) continue;
    const prev = out.get(f.assignmentId);
    const status: AssignmentStatus = f.status === 'finished' ? '已完成' : '进行中';
    if (!prev || prev.status !== '已完成') out.set(f.assignmentId, { status, inspectionId: f.id });
  }
  return out;
}

/** The plan state shown: 进行中 / 已完成 follow from the assignments once drawn. */
function effectiveStatus(row: PlanRow, progress: PlanSummary['progress']): PlanStatus {
  if (row.status !== '已抽取') return row.status;
  if (progress.total > 0 && progress.done === progress.total) return '已完成';
  if (progress.inProgress + progress.done > 0) return '进行中';
  return '已抽取';
}

function progressOf(rows: readonly AssignmentRow[], states: Map<string, DerivedState>): PlanSummary['progress'] {
  const progress = { total: rows.length, notStarted: 0, inProgress: 0, done: 0, scheduled: 0 };
  for (const r of rows) {
    const s = states.get(r.id)?.status ?? r.status;
    if (s === '已完成') progress.done += 1;
    else if (s === '进行中') progress.inProgress += 1;
    else progress.notStarted += 1;
    if (r.scheduledDate !== null) progress.scheduled += 1;
  }
  return progress;
}

function toSummary(
  row: PlanRow,
  rows: readonly AssignmentRow[],
  states: Map<string, DerivedState>,
  currentDrawId: string | null,
): PlanSummary {
  const progress = progressOf(rows, states);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: effectiveStatus(row, progress),
    isFlying: row.isFlying,
    templateVersionIds: parseIdList(row.templateVersionIdsJson),
    departmentKeys: parseIdList(row.departmentKeysJson),
    scope: parseScope(row.scopeJson),
    notes: row.notes,
    cancelReason: row.cancelReason,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    currentDrawId,
    progress,
  };
}

/** Every plan (cancelled ones only when asked), newest period first, with progress. */
export function listPlans(deps: ServiceDeps, includeCancelled: boolean): PlanSummary[] {
  const rows = deps.db.select().from(plans).all();
  const shown = rows
    .filter((r) => includeCancelled || r.status !== '已作废')
    .sort((a, b) =>
      a.periodStart !== b.periodStart ? (a.periodStart < b.periodStart ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
  const assignments = deps.db.select().from(planAssignments).all();
  const states = derivedStates(deps, assignments);
  const current = new Map(
    deps.db
      .select({ id: planDraws.id, planId: planDraws.planId })
      .from(planDraws)
      .where(isNull(planDraws.supersededById))
      .all()
      .map((d) => [d.planId, d.id]),
  );
  return shown.map((p) =>
    toSummary(
      p,
      assignments.filter((a) => a.planId === p.id),
      states,
      current.get(p.id) ?? null,
    ),
  );
}

interface NameMaps {
  institutions: Map<string, { name: string; address: string; townName: string }>;
  inspectors: Map<string, { name: string; departmentKey: string }>;
}

function nameMaps(deps: ServiceDeps, institutionIds: readonly string[], inspectorIds: readonly string[]): NameMaps {
  const inst =
    institutionIds.length === 0
      ? []
      : deps.db
          .select({ id: institutions.id, name: institutions.name, address: institutions.address, townName: towns.name })
          .from(institutions)
          .innerJoin(towns, eq(towns.id, institutions.townId))
          .where(inArray(institutions.id, [...new Set(institutionIds)]))
          .all();
  const insp =
    inspectorIds.length === 0
      ? []
      : deps.db
          .select({ id: inspectors.id, name: inspectors.name, departmentKey: inspectors.departmentKey })
          .from(inspectors)
          .where(inArray(inspectors.id, [...new Set(inspectorIds)]))
          .all();
  return {
    institutions: new Map(inst.map((i) => [i.id, { name: i.name, address: i.address, townName: i.townName }])),
    inspectors: new Map(insp.map((i) => [i.id, { name: i.name, departmentKey: i.departmentKey }])),
  };
}

/** Assignment views (names, team, template versions, derived state) for rows of any plans. */
export function assignmentViews(deps: ServiceDeps, rows: readonly AssignmentRow[]): Assignment[] {
  if (rows.length === 0) return [];
  const planRows = new Map(
    deps.db
      .select()
      .from(plans)
      .where(inArray(plans.id, [...new Set(rows.map((r) => r.planId))]))
      .all()
      .map((p) => [p.id, p]),
  );
  const drawRows = deps.db
    .select({ id: planDraws.id, recordJson: planDraws.recordJson })
    .from(planDraws)
    .where(inArray(planDraws.id, [...new Set(rows.map((r) => r.drawId))]))
    .all();
  const shortfalls = new Map<string, DrawRecord['result']['teams'][number]['shortfalls']>();
  for (const d of drawRows) {
    const record = drawRecordSchema.parse(JSON.parse(d.recordJson));
    for (const team of record.result.teams) shortfalls.set(`${d.id}|${team.institutionId}`, team.shortfalls);
  }
  const teams = new Map(rows.map((r) => [r.id, parseIdList(r.inspectorIdsJson)]));
  const names = nameMaps(
    deps,
    rows.map((r) => r.institutionId),
    [...teams.values()].flat(),
  );
  const labels = departmentLabels(deps);
  const states = derivedStates(deps, rows);
  return rows.map((r) => {
    const plan = planRows.get(r.planId);
    const inst = names.institutions.get(r.institutionId);
    const state = states.get(r.id) ?? { status: r.status, inspectionId: r.inspectionId };
    return {
      id: r.id,
      planId: r.planId,
      planName: plan?.name ?? '',
      planType: plan?.type ?? '双随机抽查',
      isFlying: plan?.isFlying ?? false,
      drawId: r.drawId,
      sortOrder: r.sortOrder,
      institutionId: r.institutionId,
      institutionName: inst?.name ?? r.institutionId,
      institutionAddress: inst?.address ?? '',
      townName: inst?.townName ?? '',
      templateVersionIds: plan ? parseIdList(plan.templateVersionIdsJson) : [],
      team: (teams.get(r.id) ?? []).map((id) => {
        const person = names.inspectors.get(id);
        return { id, name: person?.name ?? id, departmentKey: person?.departmentKey ?? '' };
      }),
      shortfalls: (shortfalls.get(`${r.drawId}|${r.institutionId}`) ?? []).map((s) => describeShortfall(s, labels)),
      scheduledDate: r.scheduledDate,
      status: state.status,
      inspectionId: state.inspectionId,
    };
  });
}

/** The assignments of a plan in draw order. */
export function planAssignmentRows(deps: ServiceDeps, planId: string): AssignmentRow[] {
  return deps.db
    .select()
    .from(planAssignments)
    .where(eq(planAssignments.planId, planId))
    .orderBy(asc(planAssignments.sortOrder))
    .all();
}

/** The draws of a plan, oldest first, with names from their own candidate snapshots. */
function drawViews(deps: ServiceDeps, planId: string): PlanDetail['draws'] {
  const rows = deps.db.select().from(planDraws).where(eq(planDraws.planId, planId)).orderBy(asc(planDraws.seq)).all();
  const townNames = new Map(
    deps.db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .all()
      .map((t) => [t.id, t.name]),
  );
  return rows.map((row) => {
    const record = parseRecord(row);
    const snapshot = JSON.parse(row.candidatesJson) as {
      institutions: Array<{ id: string; name: string; townId: string }>;
      inspectors: Array<{ id: string; name: string; departmentKey: string }>;
    };
    const inst = new Map(snapshot.institutions.map((i) => [i.id, i]));
    const insp = new Map(snapshot.inspectors.map((i) => [i.id, i]));
    return {
      id: row.id,
      seq: row.seq,
      seed: row.seed,
      algorithmVersion: row.algorithmVersion,
      candidateHash: row.candidateHash,
      reason: row.reason,
      supersededById: row.supersededById,
      drawnByName: row.drawnByName,
      drawnAt: row.drawnAt,
      params: record.params,
      inScopeCount: record.result.inScopeCount,
      recentlyInspectedCount: record.result.recentlyInspectedCount,
      eligibleCount: record.result.eligibleCount,
      institutions: record.result.institutionIds.map((id) => {
        const i = inst.get(id);
        return { id, name: i?.name ?? id, townName: i ? (townNames.get(i.townId) ?? '') : '' };
      }),
      teams: record.result.teams.map((t) => ({
        institutionId: t.institutionId,
        members: t.inspectorIds.map((id) => {
          const p = insp.get(id);
          return { id, name: p?.name ?? id, departmentKey: p?.departmentKey ?? '' };
        }),
      })),
    };
  });
}

/** A plan with its draws and current assignments. */
export function planDetail(deps: ServiceDeps, planId: string): PlanDetail {
  const row = findPlan(deps, planId);
  const rows = planAssignmentRows(deps, planId);
  const states = derivedStates(deps, rows);
  const current = currentDraw(deps, planId);
  return {
    plan: toSummary(row, rows, states, current?.id ?? null),
    draws: drawViews(deps, planId),
    assignments: assignmentViews(deps, rows),
  };
}
