import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  checklistTemplateVersions,
  inspectionAmendments,
  inspectionInspectors,
  inspectionPhotos,
  inspections,
  inspectionSignatures,
  inspectors,
  institutions,
} from '../../../db/schema';
import { photos } from '../../../db/schema/photos';
import {
  institutionFeatureSchema,
  templateSnapshotSchema,
  type ChannelParsedInput,
  type InspectionDetail,
  type InspectionPhoto,
  type InspectionSignature,
  type InspectionStatus,
  type InspectionSummary,
  type InstitutionFeatures,
} from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { applicableChecklist } from './applicable';
import { readAnswers, requireInProgress, toAnswer } from './answers';

type InspectionRow = typeof inspections.$inferSelect;

/** The inspection row, or NOT_FOUND. */
export function inspectionRow(deps: ServiceDeps, id: string): InspectionRow {
  const row = deps.db.select().from(inspections).where(eq(inspections.id, id)).get();
  if (!row) throw notFound('检查记录');
  return row;
}

interface Counts {
  answered: number;
  nonCompliant: number;
  lastAnswerAt: string | null;
}

function answerCounts(deps: ServiceDeps, ids: string[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  if (ids.length === 0) return out;
  const rows = deps.sqlite
    .prepare(
      `SELECT inspection_id AS id, SUM(result IS NOT NULL) AS answered, SUM(result = '不符合') AS nonCompliant,
              MAX(updated_at) AS lastAnswerAt
         FROM inspection_answers WHERE inspection_id IN (${ids.map(() => '?').join(',')}) GROUP BY inspection_id`,
    )
    .all(...ids) as Array<{ id: string } & Counts>;
  for (const r of rows)
    out.set(r.id, { answered: r.answered, nonCompliant: r.nonCompliant, lastAnswerAt: r.lastAnswerAt });
  return out;
}

function teamNames(deps: ServiceDeps, ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = deps.db
    .select({ inspectionId: inspectionInspectors.inspectionId, name: inspectors.name })
    .from(inspectionInspectors)
    .innerJoin(inspectors, eq(inspectors.id, inspectionInspectors.inspectorId))
    .where(inArray(inspectionInspectors.inspectionId, ids))
    .orderBy(asc(inspectionInspectors.sortOrder))
    .all();
  for (const r of rows) out.set(r.inspectionId, [...(out.get(r.inspectionId) ?? []), r.name]);
  return out;
}

/** Inspection list rows, 进行中 first then most recently worked on; optionally one status or one institution. */
export function listInspections(
  deps: ServiceDeps,
  filter: { status?: InspectionStatus | undefined; institutionId?: string | undefined },
): InspectionSummary[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(inspections.status, filter.status));
  if (filter.institutionId) where.push(eq(inspections.institutionId, filter.institutionId));
  const rows = deps.db
    .select({ inspection: inspections, institutionName: institutions.name })
    .from(inspections)
    .innerJoin(institutions, eq(institutions.id, inspections.institutionId))
    .where(where.length ? and(...where) : undefined)
    .all();
  const ids = rows.map((r) => r.inspection.id);
  const counts = answerCounts(deps, ids);
  const names = teamNames(deps, ids);
  return rows.map((r) =>
    summarise(deps, r.inspection, r.institutionName, counts.get(r.inspection.id), names.get(r.inspection.id)),
  );
}

function summarise(
  deps: ServiceDeps,
  row: InspectionRow,
  institutionName: string,
  counts: Counts | undefined,
  names: string[] | undefined,
): InspectionSummary {
  const checklist = applicableChecklist(deps.sqlite, row.id);
  return {
    id: row.id,
    institutionId: row.institutionId,
    institutionName,
    templateName: checklist.snapshot.name,
    templateVersion: checklist.snapshot.version,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    // Answers do not touch the inspection row (see answers.ts), so the newest answer counts as the last change.
    updatedAt: counts?.lastAnswerAt && counts.lastAnswerAt > row.updatedAt ? counts.lastAnswerAt : row.updatedAt,
    createdById: row.createdById,
    createdByName: row.createdByName,
    inspectorNames: names ?? [],
    answered: counts?.answered ?? 0,
    total: checklist.items.size,
    nonCompliant: counts?.nonCompliant ?? 0,
  };
}

/** The photos of an inspection with their store records, in item and sort order. */
export function listInspectionPhotos(deps: ServiceDeps, inspectionId: string): InspectionPhoto[] {
  return deps.db
    .select({ link: inspectionPhotos, photo: photos })
    .from(inspectionPhotos)
    .innerJoin(photos, eq(photos.id, inspectionPhotos.photoId))
    .where(eq(inspectionPhotos.inspectionId, inspectionId))
    .orderBy(asc(inspectionPhotos.sortOrder), asc(inspectionPhotos.createdAt))
    .all()
    .map(({ link, photo }) => ({
      id: link.id,
      photoId: photo.id,
      itemKey: link.itemKey,
      role: link.role,
      caption: link.caption,
      sortOrder: link.sortOrder,
      originalName: photo.originalName,
      capturedAt: photo.capturedAt,
      width: photo.width,
      height: photo.height,
      sha256Original: photo.sha256Original,
      createdAt: link.createdAt,
    }));
}

/** The signatures (and a refusal) of an inspection. */
export function listSignatures(deps: ServiceDeps, inspectionId: string): InspectionSignature[] {
  return deps.db
    .select()
    .from(inspectionSignatures)
    .where(eq(inspectionSignatures.inspectionId, inspectionId))
    .orderBy(asc(inspectionSignatures.signedAt))
    .all()
    .map((s) => ({
      signerKey: s.signerKey,
      role: s.role,
      inspectorId: s.inspectorId,
      signerName: s.signerName,
      signedAt: s.signedAt,
      refused: s.refused,
      refusalReason: s.refusalReason,
      witnessName: s.witnessName,
    }));
}

/** The inspectors present, in the order they were listed. */
export function listTeam(deps: ServiceDeps, inspectionId: string): InspectionDetail['inspectors'] {
  return deps.db
    .select({
      id: inspectors.id,
      name: inspectors.name,
      departmentKey: inspectors.departmentKey,
      certificateNo: inspectors.certificateNo,
    })
    .from(inspectionInspectors)
    .innerJoin(inspectors, eq(inspectors.id, inspectionInspectors.inspectorId))
    .where(eq(inspectionInspectors.inspectionId, inspectionId))
    .orderBy(asc(inspectionInspectors.sortOrder))
    .all();
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** Everything the runner needs about one inspection. */
export function inspectionDetail(deps: ServiceDeps, id: string): InspectionDetail {
  const row = inspectionRow(deps, id);
  const institution = deps.db
    .select({ id: institutions.id, name: institutions.name, address: institutions.address })
    .from(institutions)
    .where(eq(institutions.id, row.institutionId))
    .get();
  if (!institution) throw notFound('机构');
  const answers = readAnswers(deps.sqlite, id);
  const checklist = applicableChecklist(deps.sqlite, id);
  const team = listTeam(deps, id);
  const counts = {
    answered: answers.filter((a) => a.result !== null).length,
    nonCompliant: answers.filter((a) => a.result === '不符合').length,
    lastAnswerAt: answers.reduce<string | null>((m, a) => (m === null || a.updatedAt > m ? a.updatedAt : m), null),
  };
  return {
    summary: summarise(
      deps,
      row,
      institution.name,
      counts,
      team.map((t) => t.name),
    ),
    institution,
    templateVersionId: row.templateVersionId,
    planAssignmentId: row.planAssignmentId,
    representative: { name: row.representativeName, title: row.representativeTitle, phone: row.representativePhone },
    inspectors: team,
    sections: checklist.resolved.sections,
    excludedSections: checklist.resolved.excluded,
    answers: answers.map(toAnswer),
    photos: listInspectionPhotos(deps, id),
    signatures: listSignatures(deps, id),
    amendments: deps.db
      .select()
      .from(inspectionAmendments)
      .where(eq(inspectionAmendments.inspectionId, id))
      .orderBy(asc(inspectionAmendments.at), asc(inspectionAmendments.id))
      .all()
      .map((a) => ({
        id: a.id,
        itemKey: a.itemKey,
        field: a.field,
        before: parseJson(a.beforeJson),
        after: parseJson(a.afterJson),
        reason: a.reason,
        byName: a.byName,
        at: a.at,
      })),
    hazardIds: (JSON.parse(row.hazardIdsJson) as string[]) ?? [],
  };
}

/** Checks every listed inspector exists and is active; returns them in the given order. */
function requireTeam(deps: ServiceDeps, ids: string[]): Array<typeof inspectors.$inferSelect> {
  const rows = deps.db.select().from(inspectors).where(inArray(inspectors.id, ids)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const found = byId.get(id);
    if (!found) throw new AppError('VALIDATION', '所选检查人员不在检查人员名册中，请重新选择');
    if (!found.isActive) throw new AppError('VALIDATION', `检查人员 ${found.name} 已停用，不能参加检查`);
    return found;
  });
}

function featuresOf(row: typeof institutions.$inferSelect): InstitutionFeatures {
  return Object.fromEntries(institutionFeatureSchema.options.map((f) => [f, row[f]])) as InstitutionFeatures;
}

function insertTeam(ctx: CallContext, inspectionId: string, ids: string[]): void {
  ids.forEach((inspectorId, sortOrder) =>
    ctx.deps.db.insert(inspectionInspectors).values({ inspectionId, inspectorId, sortOrder }).run(),
  );
}

/**
 * `inspections:start`: records the start time, the team (at least two roster inspectors), the institution's
 * representative and the exact published template version. The institution's features are frozen with it.
 */
export function startInspection(ctx: CallContext, input: ChannelParsedInput<'inspections:start'>): InspectionDetail {
  const actor = ctx.actor();
  const id = inTransaction(ctx.deps, () => {
    const institution = ctx.deps.db.select().from(institutions).where(eq(institutions.id, input.institutionId)).get();
    if (!institution) throw notFound('机构');
    if (institution.archivedAt) throw new AppError('VALIDATION', `机构“${institution.name}”已归档，不能开始检查`);
    const version = ctx.deps.db
      .select()
      .from(checklistTemplateVersions)
      .where(eq(checklistTemplateVersions.id, input.templateVersionId))
      .get();
    if (!version) throw notFound('检查表版本');
    if (version.status !== 'published' || !version.snapshotJson) {
      throw new AppError('VALIDATION', '只能使用已发布的检查表版本开始检查');
    }
    const snapshot = templateSnapshotSchema.parse(JSON.parse(version.snapshotJson));
    requireTeam(ctx.deps, input.inspectorIds);
    const now = ctx.now();
    const row: typeof inspections.$inferInsert = {
      id: ctx.deps.newId(),
      institutionId: institution.id,
      templateVersionId: version.id,
      planAssignmentId: input.planAssignmentId ?? null,
      status: 'in_progress',
      featuresJson: JSON.stringify(featuresOf(institution)),
      startedAt: now,
      finishedAt: null,
      representativeName: input.representativeName,
      representativeTitle: input.representativeTitle ?? null,
      representativePhone: input.representativePhone ?? null,
      hazardIdsJson: '[]',
      createdById: actor.id ?? '',
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
    };
    ctx.deps.db.insert(inspections).values(row).run();
    insertTeam(ctx, row.id, input.inspectorIds);
    recordChange(
      ctx,
      {
        entity: 'inspection',
        entityId: row.id,
        action: 'start',
        after: {
          institutionId: row.institutionId,
          institutionName: institution.name,
          templateVersionId: row.templateVersionId,
          templateName: snapshot.name,
          templateVersion: snapshot.version,
          planAssignmentId: row.planAssignmentId,
          inspectorIds: input.inspectorIds,
          representativeName: row.representativeName,
          representativeTitle: row.representativeTitle,
          representativePhone: row.representativePhone,
          startedAt: row.startedAt,
        },
      },
      actor,
    );
    return row.id;
  });
  return inspectionDetail(ctx.deps, id);
}

/**
 * `inspections:update-team`: corrects the team or the representative while the inspection is in progress. Once
 * an inspector has signed, the team is what they signed for and can no longer change.
 */
export function updateTeam(ctx: CallContext, input: ChannelParsedInput<'inspections:update-team'>): InspectionDetail {
  inTransaction(ctx.deps, () => {
    requireInProgress(ctx.deps.sqlite, input.inspectionId);
    const before = inspectionRow(ctx.deps, input.inspectionId);
    const beforeTeam = listTeam(ctx.deps, input.inspectionId).map((t) => t.id);
    const teamChanged = beforeTeam.join(',') !== input.inspectorIds.join(',');
    requireTeam(ctx.deps, input.inspectorIds);
    const signed = listSignatures(ctx.deps, input.inspectionId).some((s) => s.role === 'inspector');
    if (teamChanged && signed) throw new AppError('CONFLICT', '检查人员已开始签名，不能再更改检查人员');
    const patch = {
      representativeName: input.representativeName,
      representativeTitle: input.representativeTitle ?? null,
      representativePhone: input.representativePhone ?? null,
    };
    ctx.deps.db
      .update(inspections)
      .set({ ...patch, updatedAt: ctx.now() })
      .where(eq(inspections.id, input.inspectionId))
      .run();
    if (teamChanged) {
      ctx.deps.db.delete(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, input.inspectionId)).run();
      insertTeam(ctx, input.inspectionId, input.inspectorIds);
    }
    recordChange(ctx, {
      entity: 'inspection',
      entityId: input.inspectionId,
      action: 'update-team',
      before: {
        inspectorIds: beforeTeam,
        representativeName: before.representativeName,
        representativeTitle: before.representativeTitle,
        representativePhone: before.representativePhone,
      },
      after: { inspectorIds: input.inspectorIds, ...patch },
    });
  });
  return inspectionDetail(ctx.deps, input.inspectionId);
}
