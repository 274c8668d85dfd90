/**
 * Writing hazards. Every function here runs inside a transaction its caller opened, and every change writes
 * its `hazard_events` row and its audit record there, so history and audit trail never disagree.
 */
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { departments, hazardEvents, hazardPhotos, hazards, institutions, users } from '../../../db/schema';
import { photos } from '../../../db/schema/photos';
import type { HazardDeadlineClass, HazardSeverity, HazardState } from '../../api';
import { recordChange } from '../audit';
import type { CallContext } from '../context';
import { AppError, notFound } from '../errors';
import { addDays, shanghaiDate } from './dates';
import { getHazard, parseKeys, type HazardRow } from './records';
import { deadlineDays, requireDifferentVerifier } from './settings';
import { checkTransition, hazardStateLabels, type TransitionRequest } from './state-machine';

type EventKind = (typeof hazardEvents.$inferInsert)['kind'];
type PhotoRole = (typeof hazardPhotos.$inferInsert)['role'];

/** The account a hazard is recorded by (separation of duties compares accounts). */
export interface Recorder {
  id: string;
  name: string;
}

/** Looks up the recording account by id. */
export function recorderById(ctx: CallContext, userId: string): Recorder {
  const row = ctx.deps.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) throw new AppError('VALIDATION', '登记人账号不存在');
  return row;
}

/** Refuses unknown department keys with the offending key named. */
export function requireDepartments(ctx: CallContext, keys: readonly string[]): void {
  if (keys.length === 0) throw new AppError('VALIDATION', '请至少选择一个责任部门');
  const known = new Set(
    ctx.deps.db
      .select({ key: departments.key })
      .from(departments)
      .all()
      .map((d) => d.key),
  );
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length) throw new AppError('VALIDATION', `部门“${unknown.join('、')}”不存在，请从列表中选择`);
}

/** Refuses photo ids that are not stored photos, so history never points at nothing. */
export function requirePhotos(ctx: CallContext, ids: readonly string[]): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = new Set(
    ctx.deps.db
      .select({ id: photos.id })
      .from(photos)
      .where(inArray(photos.id, unique))
      .all()
      .map((p) => p.id),
  );
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('VALIDATION', `有 ${missing.length} 张照片不存在或已被删除，请重新选择`);
}

function attachPhotos(
  ctx: CallContext,
  hazardId: string,
  ids: readonly string[],
  role: PhotoRole,
  eventId: string | null,
): void {
  const start =
    ctx.deps.db
      .select({ n: sql<number>`count(*)` })
      .from(hazardPhotos)
      .where(eq(hazardPhotos.hazardId, hazardId))
      .get()?.n ?? 0;
  [...new Set(ids)].forEach((photoId, i) => {
    ctx.deps.db
      .insert(hazardPhotos)
      .values({ id: ctx.deps.newId(), hazardId, photoId, role, eventId, sortOrder: start + i })
      .run();
  });
}

/** One history entry to append. */
export interface EventInput {
  kind: EventKind;
  fromState: HazardState | null;
  toState: HazardState;
  reason?: string | null;
  text?: string | null;
  method?: string | null;
  inspectionId?: string | null;
  detail?: Record<string, unknown>;
  photos?: Array<{ ids: readonly string[]; role: PhotoRole }>;
}

/** Appends one history entry (numbered per hazard) with its photos, and returns its id. */
export function appendEvent(ctx: CallContext, hazardId: string, event: EventInput): string {
  const actor = ctx.actor();
  const seq =
    (ctx.deps.db
      .select({ n: sql<number>`max(${hazardEvents.seq})` })
      .from(hazardEvents)
      .where(eq(hazardEvents.hazardId, hazardId))
      .get()?.n ?? 0) + 1;
  const id = ctx.deps.newId();
  ctx.deps.db
    .insert(hazardEvents)
    .values({
      id,
      hazardId,
      seq,
      kind: event.kind,
      fromState: event.fromState,
      toState: event.toState,
      actorId: actor.id,
      actorName: actor.name,
      at: ctx.now(),
      reason: event.reason ?? null,
      text: event.text ?? null,
      method: event.method ?? null,
      inspectionId: event.inspectionId ?? null,
      detailJson: JSON.stringify(event.detail ?? {}),
    })
    .run();
  for (const group of event.photos ?? []) attachPhotos(ctx, hazardId, group.ids, group.role, id);
  return id;
}

/** Next human-readable code of the year (Shanghai calendar): YH-2026-0001, YH-2026-0002… */
function nextCode(ctx: CallContext): string {
  const year = shanghaiDate(ctx.deps.clock()).slice(0, 4);
  const prefix = `YH-${year}-`;
  const last = ctx.deps.db
    .select({ code: sql<string | null>`max(${hazards.code})` })
    .from(hazards)
    .where(like(hazards.code, `${prefix}%`))
    .get()?.code;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/** Default due date: the recorded day plus the configured days of the class (立即 = the same day). */
export function defaultDeadline(ctx: CallContext, recordedDay: string, deadlineClass: HazardDeadlineClass): string {
  return addDays(recordedDay, deadlineDays(ctx.deps)[deadlineClass]);
}

/** Everything needed to insert a hazard. */
export interface HazardDraft {
  institutionId: string;
  sourceInspectionId: string | null;
  itemKey: string | null;
  ruleItemCode: string | null;
  itemText: string | null;
  legalBasis: string | null;
  location: string;
  description: string;
  measurement: { value: number; unit: string } | null;
  severity: HazardSeverity;
  severityBasis: HazardRow['severityBasis'];
  severityRationale: string;
  pendingJudgment: boolean;
  majorRuleSetId: string | null;
  majorCriterionCode: string | null;
  departments: string[];
  requiredAction: string;
  deadlineClass: HazardDeadlineClass;
  deadlineDate: string | null;
  interimMeasures: string | null;
  beforePhotoIds: readonly string[];
  recorder: Recorder;
  /** Set for 当场整改: the hazard is created closed, with these after-photos as evidence. */
  fixedOnSpot: { afterPhotoIds: readonly string[]; witnessedBy: string } | null;
}

/** What the audit log keeps of a hazard: its user-visible fields. */
export function auditView(row: HazardRow): Record<string, unknown> {
  return {
    code: row.code,
    institutionId: row.institutionId,
    location: row.location,
    description: row.description,
    severity: row.severity,
    severityRationale: row.severityRationale,
    pendingJudgment: row.pendingJudgment,
    departments: parseKeys(row.departmentsJson),
    requiredAction: row.requiredAction,
    deadlineDate: row.deadlineDate,
    interimMeasures: row.interimMeasures,
    state: row.state,
  };
}

/**
 * Inserts one hazard with its 'create' event and audit record. An on-site fix is created directly as 已闭环
 * with method 当场整改: the inspection team (at least two inspectors) saw the fix happen, so there is nothing
 * left for a later verifier to check and separation of duties does not apply.
 */
export function insertHazard(ctx: CallContext, draft: HazardDraft): string {
  const institution = ctx.deps.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, draft.institutionId))
    .get();
  if (!institution) throw notFound('机构');
  requireDepartments(ctx, draft.departments);
  requirePhotos(ctx, [...draft.beforePhotoIds, ...(draft.fixedOnSpot?.afterPhotoIds ?? [])]);
  const now = ctx.now();
  const recordedDay = shanghaiDate(now);
  const deadlineDate = draft.deadlineDate ?? defaultDeadline(ctx, recordedDay, draft.deadlineClass);
  if (deadlineDate < recordedDay) throw new AppError('VALIDATION', `整改期限不能早于登记日期 ${recordedDay}`);
  const state: HazardState = draft.fixedOnSpot ? 'closed' : 'to-rectify';
  const row: HazardRow = {
    id: ctx.deps.newId(),
    code: nextCode(ctx),
    institutionId: draft.institutionId,
    sourceInspectionId: draft.sourceInspectionId,
    itemKey: draft.itemKey,
    ruleItemCode: draft.ruleItemCode,
    itemText: draft.itemText,
    legalBasis: draft.legalBasis,
    location: draft.location,
    description: draft.description,
    measurementValue: draft.measurement?.value ?? null,
    measurementUnit: draft.measurement?.unit ?? null,
    severity: draft.severity,
    severityBasis: draft.severityBasis,
    severityRationale: draft.severityRationale,
    pendingJudgment: draft.pendingJudgment,
    majorRuleSetId: draft.majorRuleSetId,
    majorCriterionCode: draft.majorCriterionCode,
    departmentsJson: JSON.stringify([...new Set(draft.departments)]),
    requiredAction: draft.requiredAction,
    deadlineClass: draft.deadlineClass,
    deadlineDate,
    interimMeasures: draft.interimMeasures,
    state,
    fixedOnSpot: draft.fixedOnSpot !== null,
    recordedById: draft.recorder.id,
    recordedByName: draft.recorder.name,
    recordedAt: now,
    closedAt: draft.fixedOnSpot ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.deps.db.insert(hazards).values(row).run();
  attachPhotos(ctx, row.id, draft.beforePhotoIds, 'before', null);
  appendEvent(ctx, row.id, {
    kind: 'create',
    fromState: null,
    toState: state,
    inspectionId: draft.sourceInspectionId,
    ...(draft.fixedOnSpot
      ? {
          method: '当场整改',
          text: '检查时当场整改完毕',
          detail: { witnessedBy: draft.fixedOnSpot.witnessedBy },
          photos: [{ ids: draft.fixedOnSpot.afterPhotoIds, role: 'after' as const }],
        }
      : {}),
  });
  recordChange(ctx, {
    entity: 'hazard',
    entityId: row.id,
    action: draft.fixedOnSpot ? 'create-fixed-on-spot' : 'create',
    after: auditView(row),
  });
  return row.id;
}

/** Extra data of a transition besides the state machine's fields. */
export interface TransitionExtras {
  afterPhotoIds?: readonly string[];
  documentIds?: readonly string[];
  detail?: Record<string, unknown>;
}

/**
 * Applies one transition of the state machine to a hazard: refuses (nothing written) or updates the state,
 * appends one event and writes one audit record.
 */
export function applyTransition(
  ctx: CallContext,
  hazardId: string,
  request: Omit<TransitionRequest, 'actorId'>,
  extras: TransitionExtras = {},
): HazardState {
  const actor = ctx.actor();
  const row = ctx.deps.db.select().from(hazards).where(eq(hazards.id, hazardId)).get();
  if (!row) throw notFound('隐患');
  const verdict = checkTransition(
    row,
    { ...request, actorId: actor.id ?? '', photoIds: request.photoIds ?? extras.afterPhotoIds ?? [] },
    { requireDifferentVerifier: requireDifferentVerifier(ctx.deps) },
  );
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
  requirePhotos(ctx, [...(extras.afterPhotoIds ?? []), ...(extras.documentIds ?? [])]);
  const now = ctx.now();
  const closedAt = verdict.to === 'closed' ? now : null;
  // Guarded on the state read above, so a concurrent change cannot be overwritten silently.
  const changed = ctx.deps.db
    .update(hazards)
    .set({ state: verdict.to, closedAt, updatedAt: now })
    .where(and(eq(hazards.id, hazardId), eq(hazards.state, row.state)))
    .run().changes;
  if (changed !== 1) throw new AppError('CONFLICT', '隐患已被他人修改，请刷新后重试');
  appendEvent(ctx, hazardId, {
    kind: request.action,
    fromState: verdict.from,
    toState: verdict.to,
    reason: request.reason ?? null,
    text: request.text ?? null,
    method: request.method ?? null,
    inspectionId: request.inspectionId ?? null,
    detail: extras.detail ?? {},
    photos: [
      { ids: extras.afterPhotoIds ?? [], role: 'after' },
      { ids: extras.documentIds ?? [], role: 'document' },
    ],
  });
  recordChange(ctx, {
    entity: 'hazard',
    entityId: hazardId,
    action: `transition:${request.action}`,
    before: { state: verdict.from, stateLabel: hazardStateLabels[verdict.from] },
    after: {
      state: verdict.to,
      stateLabel: hazardStateLabels[verdict.to],
      ...(request.method ? { method: request.method } : {}),
      ...(request.text ? { text: request.text } : {}),
      ...(request.inspectionId ? { inspectionId: request.inspectionId } : {}),
    },
    reason: request.reason ?? request.text ?? null,
  });
  return verdict.to;
}

/** Appends a record that does not change the state (催办, 移送, edits, recheck notes), with its one audit record. */
export function recordNote(
  ctx: CallContext,
  hazardId: string,
  event: Omit<EventInput, 'fromState' | 'toState'>,
  audit: { action: string; before?: unknown; after?: unknown },
): void {
  const hazard = getHazard(ctx.deps, hazardId);
  appendEvent(ctx, hazardId, { ...event, fromState: hazard.state, toState: hazard.state });
  recordChange(ctx, {
    entity: 'hazard',
    entityId: hazardId,
    action: audit.action,
    ...(audit.before !== undefined ? { before: audit.before } : {}),
    after: audit.after ?? { state: hazard.state, ...(event.detail ?? {}) },
    reason: event.reason ?? event.text ?? null,
  });
}
