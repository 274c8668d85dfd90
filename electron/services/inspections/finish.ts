import { eq } from 'drizzle-orm';
import { inspectionAmendments, inspections } from '../../../db/schema';
import type { AnswerPatch, InspectionAnswer, InspectionCompletion, InspectionDetail, InspectionPhoto } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError } from '../errors';
import { createHazardsFromFindings, type InspectionFinding } from '../hazards/from-inspection';
import { applicableChecklist, type PlacedItem } from './applicable';
import { checkAnswerPatch, inspectionStatus, readAnswers, requireItem, toAnswer, writeAnswer } from './answers';
import { checkCompletion } from './completion';
import { inspectionDetail, inspectionRow, listInspectionPhotos, listSignatures, listTeam } from './records';

/** `inspections:completion`: what still prevents finishing (empty when the inspection can be finished). */
export function completionOf(deps: ServiceDeps, inspectionId: string): InspectionCompletion {
  const row = inspectionRow(deps, inspectionId);
  return checkCompletion({
    sections: applicableChecklist(deps.sqlite, inspectionId).resolved.sections,
    answers: readAnswers(deps.sqlite, inspectionId).map(toAnswer),
    photos: listInspectionPhotos(deps, inspectionId),
    inspectors: listTeam(deps, inspectionId),
    representativeName: row.representativeName,
    signatures: listSignatures(deps, inspectionId),
  });
}

/** The place of a finding as one line: 3号楼 2层 201室 东侧走廊. */
export function locationLine(
  a: Pick<InspectionAnswer, 'locationBuilding' | 'locationFloor' | 'locationRoom' | 'locationText'>,
): string {
  return [a.locationBuilding, a.locationFloor, a.locationRoom, a.locationText]
    .filter((v): v is string => v !== null && v.trim() !== '')
    .join(' ');
}

/** The hazard input of one 不符合 answer: the item as frozen in the template plus what was recorded on site. */
export function findingOf(placed: PlacedItem, answer: InspectionAnswer, photos: InspectionPhoto[]): InspectionFinding {
  const { item } = placed;
  const ids = (role: InspectionPhoto['role']): string[] =>
    photos.filter((p) => p.itemKey === item.key && p.role === role).map((p) => p.photoId);
  return {
    itemKey: item.key,
    ruleItemCode: item.code,
    itemText: item.textZh,
    legalBasis: item.legalBasis.trim() === '' ? null : item.legalBasis,
    location: locationLine(answer),
    description: answer.description ?? '',
    photoIds: ids('evidence'),
    measurement:
      answer.measurementValue === null
        ? null
        : { value: answer.measurementValue, unit: answer.measurementUnit ?? item.answer.unit ?? '' },
    fixedOnSpot: answer.fixedOnSpot,
    afterPhotoIds: ids('after-fix'),
    departments: [...item.departments],
    majorFlag: item.majorHazard.flag,
    majorClause: item.majorHazard.clause,
    deadlineClass: item.deadlineClass,
  };
}

/**
 * `inspections:finish`: in one transaction, checks completion again (the renderer's check may be stale), locks
 * the inspection and creates one hazard per 不符合 answer through the hazard module. Either all of it happens
 * or none of it: a failure to create a hazard leaves the inspection open.
 */
export function finishInspection(ctx: CallContext, inspectionId: string): InspectionDetail {
  const actor = ctx.actor();
  inTransaction(ctx.deps, () => {
    const row = inspectionRow(ctx.deps, inspectionId);
    if (row.status === 'finished') throw new AppError('CONFLICT', '本次检查已经完成，无需重复操作');
    const completion = completionOf(ctx.deps, inspectionId);
    if (!completion.complete) {
      throw new AppError(
        'VALIDATION',
        `还不能完成检查：${completion.problems.map((p) => p.message).join('；')}`,
        completion.problems.map((p) => ({ path: p.kind, message: p.message })),
      );
    }
    const checklist = applicableChecklist(ctx.deps.sqlite, inspectionId);
    const photos = listInspectionPhotos(ctx.deps, inspectionId);
    const answers = new Map(readAnswers(ctx.deps.sqlite, inspectionId).map((a) => [a.itemKey, toAnswer(a)]));
    const findings: InspectionFinding[] = [];
    for (const placed of checklist.items.values()) {
      const answer = answers.get(placed.item.key);
      if (answer?.result === '不符合') findings.push(findingOf(placed, answer, photos));
    }
    const now = ctx.now();
    ctx.deps.db
      .update(inspections)
      .set({ status: 'finished', finishedAt: now, updatedAt: now })
      .where(eq(inspections.id, inspectionId))
      .run();
    const hazardIds = createHazardsFromFindings(ctx, {
      institutionId: row.institutionId,
      inspectionId,
      recordedByUserId: actor.id ?? '',
      findings,
    });
    ctx.deps.db
      .update(inspections)
      .set({ hazardIdsJson: JSON.stringify(hazardIds) })
      .where(eq(inspections.id, inspectionId))
      .run();
    recordChange(
      ctx,
      {
        entity: 'inspection',
        entityId: inspectionId,
        action: 'finish',
        before: { status: 'in_progress' },
        after: { status: 'finished', finishedAt: now, findings: findings.length, hazardIds },
      },
      actor,
    );
  });
  return inspectionDetail(ctx.deps, inspectionId);
}

/**
 * `inspections:amend`: a correction of a locked inspection's answer. Each changed field becomes one amendment
 * row (before, after, reason, who, when), written with the answer and its audit record in one transaction.
 * Hazards already created are not rewritten: they have their own history in the hazard module.
 */
export function amendAnswer(
  ctx: CallContext,
  input: { inspectionId: string; itemKey: string; patch: AnswerPatch; reason: string },
): InspectionDetail {
  const actor = ctx.actor();
  const placed = requireItem(ctx.deps.sqlite, input.inspectionId, input.itemKey);
  checkAnswerPatch(placed, input.patch);
  inTransaction(ctx.deps, () => {
    if (inspectionStatus(ctx.deps.sqlite, input.inspectionId) !== 'finished') {
      throw new AppError('CONFLICT', '检查尚未完成，可以直接修改答案，无需更正');
    }
    const { row, changed, before } = writeAnswer(ctx, input.inspectionId, placed, input.patch, {
      action: 'amend',
      reason: input.reason,
    });
    if (changed.length === 0) throw new AppError('VALIDATION', '更正后的内容与原记录相同，未作修改');
    for (const field of changed) {
      ctx.deps.db
        .insert(inspectionAmendments)
        .values({
          id: ctx.deps.newId(),
          inspectionId: input.inspectionId,
          itemKey: input.itemKey,
          field,
          beforeJson: JSON.stringify(before.id ? before[field] : null),
          afterJson: JSON.stringify(row[field]),
          reason: input.reason,
          byId: actor.id ?? '',
          byName: actor.name,
          at: ctx.now(),
        })
        .run();
    }
  });
  return inspectionDetail(ctx.deps, input.inspectionId);
}

/**
 * `inspections:location-suggestions`: building, floor and room values typed before, this inspection's first,
 * then the institution's earlier inspections', most recent first, so the second 3号楼 is one key press.
 */
export function locationSuggestions(
  deps: ServiceDeps,
  inspectionId: string,
): { buildings: string[]; floors: string[]; rooms: string[] } {
  const row = inspectionRow(deps, inspectionId);
  const rows = deps.sqlite
    .prepare(
      `SELECT a.location_building AS building, a.location_floor AS floor, a.location_room AS room
         FROM inspection_answers a JOIN inspections i ON i.id = a.inspection_id
        WHERE i.institution_id = ? ORDER BY (a.inspection_id = ?) DESC, a.updated_at DESC LIMIT 500`,
    )
    .all(row.institutionId, inspectionId) as Array<{
    building: string | null;
    floor: string | null;
    room: string | null;
  }>;
  const distinct = (values: Array<string | null>): string[] =>
    [...new Set(values.filter((v): v is string => v !== null && v !== ''))].slice(0, 20);
  return {
    buildings: distinct(rows.map((r) => r.building)),
    floors: distinct(rows.map((r) => r.floor)),
    rooms: distinct(rows.map((r) => r.room)),
  };
}
