/** The module's use cases, each one transaction: create, edit, move, recheck, remind and refer. */
import { eq } from 'drizzle-orm';
import { hazardReferrals, hazards } from '../../../db/schema';
import type { ChannelParsedInput, HazardDetail, HazardReferral } from '../../api';
import { inTransaction } from '../audit';
import type { CallContext } from '../context';
import { AppError, notFound } from '../errors';
import { shanghaiDate } from './dates';
import { getHazard, hazardHistory, hazardReferralList, hazardRow, toReferral } from './records';
import { requireDifferentVerifier } from './settings';
import { actionOptions, hazardStateLabels } from './state-machine';
import { applyTransition, auditView, insertHazard, recordNote, requireDepartments } from './writes';

/** A hazard with history, referrals and the actions the signed-in user may take. */
export function hazardDetail(ctx: CallContext, id: string): HazardDetail {
  const hazard = getHazard(ctx.deps, id);
  const actorId = ctx.session.user?.id ?? '';
  return {
    hazard,
    events: hazardHistory(ctx.deps, id),
    referrals: hazardReferralList(ctx.deps, id),
    actions: actionOptions(hazard, actorId, { requireDifferentVerifier: requireDifferentVerifier(ctx.deps) }),
  };
}

/** Records an ad hoc hazard (not from an inspection). Major hazards need a reason and interim measures. */
export function createHazard(ctx: CallContext, input: ChannelParsedInput<'hazards:create'>): HazardDetail {
  const actor = ctx.actor();
  if (input.severity === 'major' && !input.severityReason) {
    throw new AppError('VALIDATION', '登记重大事故隐患须填写定级理由（对应的判定情形或检查人员的判断依据）');
  }
  if (input.severity === 'major' && !input.interimMeasures) {
    throw new AppError('VALIDATION', '登记重大事故隐患须填写整改期间的临时安全措施');
  }
  const id = inTransaction(ctx.deps, () =>
    insertHazard(ctx, {
      institutionId: input.institutionId,
      sourceInspectionId: null,
      itemKey: null,
      ruleItemCode: input.ruleItemCode,
      itemText: input.itemText,
      legalBasis: input.legalBasis,
      location: input.location,
      description: input.description,
      measurement: null,
      severity: input.severity,
      severityBasis: input.pendingJudgment ? 'pending-judgment' : 'inspector',
      severityRationale:
        input.severityReason ?? (input.pendingJudgment ? '待部门或专家认定' : '检查人员判定为一般隐患'),
      pendingJudgment: input.pendingJudgment,
      majorRuleSetId: null,
      majorCriterionCode: null,
      departments: input.departments,
      requiredAction: input.requiredAction,
      deadlineClass: input.deadlineClass ?? (input.severity === 'major' ? 'immediate' : 'normal'),
      deadlineDate: input.deadlineDate ?? null,
      interimMeasures: input.interimMeasures,
      beforePhotoIds: input.photoIds,
      recorder: { id: actor.id ?? '', name: actor.name },
      fixedOnSpot: null,
    }),
  );
  return hazardDetail(ctx, id);
}

/** Edits the descriptive fields of an open hazard; the reason is required and audited with before/after. */
export function updateHazard(ctx: CallContext, input: ChannelParsedInput<'hazards:update'>): HazardDetail {
  inTransaction(ctx.deps, () => {
    const before = hazardRow(ctx.deps, input.id);
    if (before.state === 'closed') {
      throw new AppError('CONFLICT', `隐患当前状态为“${hazardStateLabels.closed}”，不能再修改`);
    }
    if (input.departments) requireDepartments(ctx, input.departments);
    const recordedDay = shanghaiDate(before.recordedAt);
    if (input.deadlineDate && input.deadlineDate < recordedDay) {
      throw new AppError('VALIDATION', `整改期限不能早于登记日期 ${recordedDay}`);
    }
    const severity = input.severity ?? before.severity;
    const interim = input.interimMeasures !== undefined ? input.interimMeasures : before.interimMeasures;
    if (severity === 'major' && before.severity !== 'major' && !input.severityRationale) {
      throw new AppError('VALIDATION', '改定为重大事故隐患须填写定级理由');
    }
    if (severity === 'major' && !interim && before.state !== 'to-rectify') {
      throw new AppError('VALIDATION', '重大事故隐患须填写整改期间的临时安全措施');
    }
    const patch = {
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.severity !== undefined ? { severity: input.severity } : {}),
      ...(input.severityRationale !== undefined
        ? { severityRationale: input.severityRationale, severityBasis: 'inspector' as const }
        : {}),
      ...(input.pendingJudgment !== undefined ? { pendingJudgment: input.pendingJudgment } : {}),
      ...(input.departments !== undefined ? { departmentsJson: JSON.stringify([...new Set(input.departments)]) } : {}),
      ...(input.requiredAction !== undefined ? { requiredAction: input.requiredAction } : {}),
      ...(input.deadlineDate !== undefined ? { deadlineDate: input.deadlineDate } : {}),
      ...(input.interimMeasures !== undefined ? { interimMeasures: input.interimMeasures } : {}),
      updatedAt: ctx.now(),
    };
    ctx.deps.db.update(hazards).set(patch).where(eq(hazards.id, input.id)).run();
    const after = hazardRow(ctx.deps, input.id);
    const changed = Object.entries(auditView(after))
      .filter(([k, v]) => JSON.stringify(auditView(before)[k]) !== JSON.stringify(v))
      .map(([k]) => k);
    if (changed.length === 0) throw new AppError('VALIDATION', '没有需要保存的修改');
    recordNote(
      ctx,
      input.id,
      { kind: 'edit', reason: input.reason, detail: { changed } },
      { action: 'update', before: auditView(before), after: auditView(after) },
    );
  });
  return hazardDetail(ctx, input.id);
}

/** Runs a manual transition (开始整改, 整改报告, 复查通过, 复查不通过). */
export function transitionHazard(ctx: CallContext, input: ChannelParsedInput<'hazards:transition'>): HazardDetail {
  inTransaction(ctx.deps, () =>
    applyTransition(
      ctx,
      input.hazardId,
      {
        action: input.action,
        text: input.text,
        reason: input.reason,
        method: input.method ?? null,
        photoIds: input.photoIds,
      },
      { afterPhotoIds: input.photoIds, documentIds: input.documentIds },
    ),
  );
  return hazardDetail(ctx, input.hazardId);
}

/**
 * Records the result of a 复查 inspection for one hazard (the inspection runner calls this per open hazard).
 * 'rectified': the hazard moves to 待复查 with the recheck as evidence; when the rechecking account differs
 * from the one that recorded the hazard (or the admin switched separation off), this on-site recheck IS a
 * 现场复查 verification by someone other than the finder, so the hazard closes in the same transaction.
 * 'still-present': kept as is (noted, with the overdue days if any); a hazard already 待复查 goes back to
 * 整改中, since the institution's report turned out wrong — that is 复查不通过.
 */
export function recordRecheck(
  ctx: CallContext,
  input: ChannelParsedInput<'hazards:record-recheck'>,
): { hazard: ReturnType<typeof getHazard>; outcome: 'kept' | 'to-verify' | 'closed' | 'reopened'; message: string } {
  const actor = ctx.actor();
  return inTransaction(ctx.deps, () => {
    const before = getHazard(ctx.deps, input.hazardId);
    if (before.state === 'closed') {
      throw new AppError('CONFLICT', `隐患当前状态为“${hazardStateLabels.closed}”，不能再记录复查结果`);
    }
    const note = input.note || null;
    if (input.result === 'still-present') {
      if (before.state === 'to-verify') {
        applyTransition(
          ctx,
          input.hazardId,
          {
            action: 'verify-fail',
            method: '现场复查',
            reason: note ?? '复查检查发现隐患仍存在',
            inspectionId: input.inspectionId,
          },
          { afterPhotoIds: input.photoIds, detail: { recheck: 'still-present' } },
        );
        return {
          hazard: getHazard(ctx.deps, input.hazardId),
          outcome: 'reopened' as const,
          message: '复查不通过，隐患退回整改中',
        };
      }
      recordNote(
        ctx,
        input.hazardId,
        {
          kind: 'recheck-note',
          text: note ?? '复查检查：隐患仍存在',
          method: '现场复查',
          inspectionId: input.inspectionId,
          detail: { result: 'still-present', overdue: before.overdue, daysOverdue: before.daysOverdue },
          photos: [{ ids: input.photoIds, role: 'after' }],
        },
        { action: 'recheck-still-present' },
      );
      const message = before.overdue ? `隐患仍存在，已逾期 ${before.daysOverdue} 天` : '隐患仍存在，继续整改';
      return { hazard: getHazard(ctx.deps, input.hazardId), outcome: 'kept' as const, message };
    }
    if (before.state !== 'to-verify') {
      applyTransition(
        ctx,
        input.hazardId,
        { action: 'recheck', text: note, inspectionId: input.inspectionId },
        { afterPhotoIds: input.photoIds, detail: { recheck: 'rectified' } },
      );
    }
    const separate = !requireDifferentVerifier(ctx.deps) || actor.id !== before.recordedById;
    if (!separate) {
      if (before.state === 'to-verify') {
        // Already awaiting verification: keep the finder's recheck as evidence for the second person.
        recordNote(
          ctx,
          input.hazardId,
          {
            kind: 'recheck-note',
            text: note ?? '复查检查：已整改，待登记人以外的人员确认',
            method: '现场复查',
            inspectionId: input.inspectionId,
            detail: { result: 'rectified' },
            photos: [{ ids: input.photoIds, role: 'after' }],
          },
          { action: 'recheck-rectified' },
        );
      }
      return {
        hazard: getHazard(ctx.deps, input.hazardId),
        outcome: 'to-verify' as const,
        message: '已记录整改情况；因复查人即登记人，须由其他人员复查确认后闭环',
      };
    }
    applyTransition(
      ctx,
      input.hazardId,
      { action: 'verify-pass', method: '现场复查', text: note, inspectionId: input.inspectionId },
      // A hazard that was already 待复查 had no recheck event above: the photos belong to the closing one.
      { afterPhotoIds: before.state === 'to-verify' ? input.photoIds : [], detail: { recheck: 'rectified' } },
    );
    return { hazard: getHazard(ctx.deps, input.hazardId), outcome: 'closed' as const, message: '复查通过，隐患已闭环' };
  });
}

/** Records a 催办 reminder (the documents module prints it). */
export function remindHazard(ctx: CallContext, input: ChannelParsedInput<'hazards:remind'>): HazardDetail {
  inTransaction(ctx.deps, () => {
    const hazard = getHazard(ctx.deps, input.hazardId);
    if (hazard.state === 'closed')
      throw new AppError('CONFLICT', `隐患当前状态为“${hazardStateLabels.closed}”，无需催办`);
    recordNote(
      ctx,
      input.hazardId,
      { kind: 'reminder', text: input.note, detail: { overdue: hazard.overdue, daysOverdue: hazard.daysOverdue } },
      { action: 'remind' },
    );
  });
  return hazardDetail(ctx, input.hazardId);
}

/** 移送 / 抄告 one or many hazards to a department: one referral, event and audit record per hazard. */
export function referHazards(ctx: CallContext, input: ChannelParsedInput<'hazards:refer'>): { referralIds: string[] } {
  const actor = ctx.actor();
  return inTransaction(ctx.deps, () => {
    requireDepartments(ctx, [input.departmentKey]);
    const ids = [...new Set(input.hazardIds)];
    const referralIds = ids.map((hazardId) => {
      const hazard = getHazard(ctx.deps, hazardId);
      if (hazard.state === 'closed') {
        throw new AppError('CONFLICT', `隐患 ${hazard.code} 已闭环，不能移送或抄告；请取消选择后重试`);
      }
      const now = ctx.now();
      const referral = {
        id: ctx.deps.newId(),
        hazardId,
        departmentKey: input.departmentKey,
        kind: input.kind,
        referredOn: input.referredOn,
        letterNo: input.letterNo,
        accepted: 'pending' as const,
        acceptedOn: null,
        note: input.note,
        createdById: actor.id ?? '',
        createdAt: now,
        updatedAt: now,
      };
      ctx.deps.db.insert(hazardReferrals).values(referral).run();
      recordNote(
        ctx,
        hazardId,
        {
          kind: 'referral',
          text: input.note,
          detail: {
            referralId: referral.id,
            departmentKey: input.departmentKey,
            kind: input.kind,
            referredOn: input.referredOn,
            letterNo: input.letterNo,
          },
        },
        { action: 'refer' },
      );
      return referral.id;
    });
    return { referralIds };
  });
}

/** Records whether the department accepted a referral, and when. */
export function updateReferral(ctx: CallContext, input: ChannelParsedInput<'hazards:update-referral'>): HazardReferral {
  return inTransaction(ctx.deps, () => {
    const before = ctx.deps.db.select().from(hazardReferrals).where(eq(hazardReferrals.id, input.referralId)).get();
    if (!before) throw notFound('移送记录');
    if (input.accepted === 'pending' && input.acceptedOn) {
      throw new AppError('VALIDATION', '尚未答复的移送不能填写接收日期');
    }
    if (input.accepted !== 'pending' && !input.acceptedOn) {
      throw new AppError('VALIDATION', '请填写部门答复日期');
    }
    if (input.acceptedOn && input.acceptedOn < before.referredOn) {
      throw new AppError('VALIDATION', `答复日期不能早于移送日期 ${before.referredOn}`);
    }
    ctx.deps.db
      .update(hazardReferrals)
      .set({
        accepted: input.accepted,
        acceptedOn: input.acceptedOn ?? null,
        note: input.note ?? before.note,
        updatedAt: ctx.now(),
      })
      .where(eq(hazardReferrals.id, input.referralId))
      .run();
    const after = ctx.deps.db.select().from(hazardReferrals).where(eq(hazardReferrals.id, input.referralId)).get();
    if (!after) throw notFound('移送记录');
    recordNote(
      ctx,
      before.hazardId,
      {
        kind: 'referral-update',
        text: input.note,
        detail: { referralId: after.id, accepted: after.accepted, acceptedOn: after.acceptedOn },
      },
      { action: 'referral-update' },
    );
    return toReferral(after);
  });
}
