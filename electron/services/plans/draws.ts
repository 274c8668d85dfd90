import { eq, isNull, max } from 'drizzle-orm';
import { inspections, institutions, planAssignments, planDraws, plans } from '../../../db/schema';
import {
  drawCandidatesSchema,
  drawParamsSchema,
  drawRecordSchema,
  type ChannelParsedInput,
  type DrawCandidates,
  type DrawParams,
  type InstitutionCandidate,
  type PlanDetail,
  type PlanDrawVerification,
} from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { computeRisk, UNKNOWN_RISK_INPUTS } from '../institutions/risk';
import { loadRiskInputs } from '../institutions/risk-inputs';
import { candidateHash, generateDrawSeed, runDraw, verifyDraw } from './draw';
import {
  currentDraw,
  departmentLabels,
  derivedStates,
  findPlan,
  parseIdList,
  parseScope,
  planAssignmentRows,
  planDetail,
  type PlanRow,
} from './records';
import { loadInspectorCandidates } from './roster';

/**
 * Institutions the draw may pick: every one not archived, with its risk score (institutions module's formula)
 * and the start of its latest inspection. The plan's scope is applied by the draw engine, not here, so the
 * stored candidate snapshot and its hash say exactly what the draw chose from.
 */
export function loadInstitutionCandidates(deps: ServiceDeps): InstitutionCandidate[] {
  const rows = deps.db
    .select({
      id: institutions.id,
      name: institutions.name,
      townId: institutions.townId,
      type: institutions.type,
      status: institutions.status,
    })
    .from(institutions)
    .where(isNull(institutions.archivedAt))
    .all();
  const last = new Map(
    deps.db
      .select({ id: inspections.institutionId, at: max(inspections.startedAt) })
      .from(inspections)
      .groupBy(inspections.institutionId)
      .all()
      .map((r) => [r.id, r.at]),
  );
  const risk = loadRiskInputs(
    deps,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    riskScore: computeRisk(risk.get(r.id) ?? UNKNOWN_RISK_INPUTS).score,
    lastInspectedAt: last.get(r.id) ?? null,
  }));
}

/** Both candidate lists as of now, read with the service deps (so it runs inside the draw transaction). */
export function loadCandidates(deps: ServiceDeps): DrawCandidates {
  return { institutions: loadInstitutionCandidates(deps), inspectors: loadInspectorCandidates(deps) };
}

function buildParams(plan: PlanRow, input: ChannelParsedInput<'plans:draw'>): DrawParams {
  const scope = parseScope(plan.scopeJson);
  return drawParamsSchema.parse({
    scope: { ...scope, excludeInspectedWithinDays: input.excludeInspectedWithinDays },
    selection: input.selection,
    riskWeighted: input.riskWeighted,
    teamSize: input.teamSize,
    departmentKeys: parseIdList(plan.departmentKeysJson),
    joint: input.joint ?? plan.type === '联合检查',
  });
}

/**
 * Draws (or, with a reason, redraws) a plan in one transaction: candidates are read, the engine runs on a
 * fresh seed, and the record with its candidate snapshot, the assignments, the plan state and the audit entry
 * are written together. When the request cannot be met the engine throws its Chinese message before anything
 * is written. A redraw keeps the earlier draw on record, marked as superseded by the new one.
 */
export function drawPlan(ctx: CallContext, input: ChannelParsedInput<'plans:draw'>, reason: string | null): PlanDetail {
  return inTransaction(ctx.deps, () => {
    const plan = findPlan(ctx.deps, input.planId);
    if (plan.status === '已作废') throw new AppError('CONFLICT', '该计划已作废，不能抽取');
    const previous = currentDraw(ctx.deps, plan.id);
    if (reason === null && previous) {
      throw new AppError('CONFLICT', '该计划已经抽取过；如需重新抽取，请使用“重新抽取”并填写原因');
    }
    if (reason !== null && !previous) throw new AppError('VALIDATION', '该计划还没有抽取过，请直接抽取');
    const oldRows = planAssignmentRows(ctx.deps, plan.id);
    if (previous) {
      const states = derivedStates(ctx.deps, oldRows);
      const started = oldRows.filter((r) => states.get(r.id)?.status !== '未开始');
      if (started.length) {
        throw new AppError(
          'CONFLICT',
          `已有 ${started.length} 家抽中机构开始检查，不能重新抽取（重新抽取只适用于尚未开始检查的计划）`,
        );
      }
    }
    const labels = departmentLabels(ctx.deps);
    const candidates = loadCandidates(ctx.deps);
    const record = runDraw({
      seed: generateDrawSeed(),
      drawnAt: ctx.now(),
      params: buildParams(plan, input),
      candidates,
      labels,
    });
    const actor = ctx.actor();
    const seq =
      (ctx.deps.db
        .select({ n: max(planDraws.seq) })
        .from(planDraws)
        .where(eq(planDraws.planId, plan.id))
        .get()?.n ?? 0) + 1;
    const drawId = ctx.deps.newId();
    ctx.deps.db
      .insert(planDraws)
      .values({
        id: drawId,
        planId: plan.id,
        seq,
        recordJson: JSON.stringify(record),
        candidatesJson: JSON.stringify(candidates),
        seed: record.seed,
        algorithmVersion: record.algorithmVersion,
        candidateHash: record.candidateHash,
        reason,
        supersededById: null,
        drawnById: actor.id ?? '',
        drawnByName: actor.name,
        drawnAt: record.drawnAt,
      })
      .run();
    if (previous) {
      ctx.deps.db.update(planDraws).set({ supersededById: drawId }).where(eq(planDraws.id, previous.id)).run();
      ctx.deps.db.delete(planAssignments).where(eq(planAssignments.planId, plan.id)).run();
    }
    const now = ctx.now();
    record.result.teams.forEach((team, i) => {
      ctx.deps.db
        .insert(planAssignments)
        .values({
          id: ctx.deps.newId(),
          planId: plan.id,
          drawId,
          institutionId: team.institutionId,
          sortOrder: i + 1,
          inspectorIdsJson: JSON.stringify(team.inspectorIds),
          scheduledDate: null,
          status: '未开始',
          inspectionId: null,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    });
    ctx.deps.db.update(plans).set({ status: '已抽取', updatedAt: now }).where(eq(plans.id, plan.id)).run();
    recordChange(ctx, {
      entity: 'plan',
      entityId: plan.id,
      action: previous ? 'redraw' : 'draw',
      before: previous
        ? {
            drawId: previous.id,
            seq: previous.seq,
            institutionIds: oldRows.map((r) => r.institutionId),
            scheduledDates: oldRows.map((r) => r.scheduledDate),
          }
        : null,
      after: {
        drawId,
        seq,
        seed: record.seed,
        algorithmVersion: record.algorithmVersion,
        candidateHash: record.candidateHash,
        institutionIds: record.result.institutionIds,
      },
      reason,
    });
    return planDetail(ctx.deps, plan.id);
  });
}

/**
 * Verifies a stored draw: re-runs it from its own record on its own stored candidate lists (identical, or each
 * difference — including a record or snapshot altered after the fact), and says whether today's data would
 * still give the same candidate lists.
 */
export function verifyStoredDraw(ctx: CallContext, drawId: string): PlanDrawVerification {
  const row = ctx.deps.db.select().from(planDraws).where(eq(planDraws.id, drawId)).get();
  if (!row) throw notFound('抽取记录');
  const record = drawRecordSchema.parse(JSON.parse(row.recordJson));
  const snapshot = drawCandidatesSchema.parse(JSON.parse(row.candidatesJson));
  const report = verifyDraw(record, snapshot, departmentLabels(ctx.deps));
  const rowFacts: Array<[string, string, string]> = [
    ['种子', row.seed, record.seed],
    ['算法版本', row.algorithmVersion, record.algorithmVersion],
    ['候选名单哈希', row.candidateHash, record.candidateHash],
  ];
  const differences = [...report.differences];
  for (const [label, column, inRecord] of rowFacts) {
    if (column !== inRecord) differences.unshift(`${label}与抽取记录不一致：登记为 ${column}，记录中为 ${inRecord}`);
  }
  const todayHash = candidateHash(loadCandidates(ctx.deps));
  return {
    ...report,
    identical: differences.length === 0,
    differences,
    drawId: row.id,
    seq: row.seq,
    todayHash,
    todayMatches: todayHash === record.candidateHash,
  };
}
