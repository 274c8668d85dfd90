import { eq, inArray } from 'drizzle-orm';
import { checklistTemplates, checklistTemplateVersions, departments, plans, towns } from '../../../db/schema';
import {
  CIVIL_AFFAIRS_DEPARTMENT,
  institutionStatusValues,
  institutionTypeValues,
  type ChannelParsedInput,
  type PlanDetail,
  type PlanScope,
} from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext } from '../context';
import { AppError } from '../errors';
import { formatDay } from './schedule';
import { findPlan, parseIdList, parseScope, planAssignmentRows, planDetail, type PlanRow } from './records';

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** What the audit log keeps of a plan. */
function auditView(row: PlanRow) {
  return {
    name: row.name,
    type: row.type,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    templateVersionIds: parseIdList(row.templateVersionIdsJson),
    departmentKeys: parseIdList(row.departmentKeysJson),
    scope: parseScope(row.scopeJson),
    status: row.status,
    isFlying: row.isFlying,
    notes: row.notes,
  };
}

/** 民政 always takes part (every team needs one of its inspectors); listed first, the others in key order. */
function normaliseDepartments(ctx: CallContext, keys: readonly string[]): string[] {
  const wanted = sorted(keys.filter((k) => k !== CIVIL_AFFAIRS_DEPARTMENT));
  const known = new Set(
    ctx.deps.db
      .select({ key: departments.key })
      .from(departments)
      .all()
      .map((d) => d.key),
  );
  const unknown = wanted.filter((k) => !known.has(k));
  if (unknown.length) throw new AppError('VALIDATION', `参与部门不存在：${unknown.join('、')}，请从列表中选择`);
  return [CIVIL_AFFAIRS_DEPARTMENT, ...wanted];
}

function normaliseScope(ctx: CallContext, scope: PlanScope): PlanScope {
  const townIds = sorted(scope.townIds);
  if (townIds.length) {
    const found = ctx.deps.db.select({ id: towns.id }).from(towns).where(inArray(towns.id, townIds)).all();
    if (found.length !== townIds.length) throw new AppError('VALIDATION', '抽取范围中有不存在的街镇，请重新选择');
  }
  const badType = scope.types.find((t) => !(institutionTypeValues as readonly string[]).includes(t));
  if (badType) throw new AppError('VALIDATION', `机构类型“${badType}”不存在，应为公办、公建民营或民办`);
  const badStatus = scope.statuses.find((s) => !(institutionStatusValues as readonly string[]).includes(s));
  if (badStatus) throw new AppError('VALIDATION', `机构状态“${badStatus}”不存在，应为运营、停业整顿或已关闭`);
  return { townIds, types: sorted(scope.types), statuses: sorted(scope.statuses), minRiskScore: scope.minRiskScore };
}

/** Only published checklist versions may be named: an inspection cannot run on a draft. */
function normaliseTemplates(ctx: CallContext, ids: readonly string[]): string[] {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = ctx.deps.db
    .select({
      id: checklistTemplateVersions.id,
      status: checklistTemplateVersions.status,
      version: checklistTemplateVersions.version,
      name: checklistTemplates.name,
    })
    .from(checklistTemplateVersions)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
    .where(inArray(checklistTemplateVersions.id, wanted))
    .all();
  if (rows.length !== wanted.length) throw new AppError('VALIDATION', '所选检查表版本不存在，请重新选择');
  const draft = rows.find((r) => r.status !== 'published');
  if (draft) {
    throw new AppError('VALIDATION', `检查表“${draft.name}”第 ${draft.version} 版尚未发布，计划只能使用已发布的版本`);
  }
  return wanted;
}

/** Creates a plan as 草稿, with its audit record. 飞行检查 are always unannounced. */
export function createPlan(ctx: CallContext, input: ChannelParsedInput<'plans:create'>): PlanDetail {
  return inTransaction(ctx.deps, () => {
    const actor = ctx.actor();
    const now = ctx.now();
    const row: PlanRow = {
      id: ctx.deps.newId(),
      name: input.name,
      type: input.type,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      templateVersionIdsJson: JSON.stringify(normaliseTemplates(ctx, input.templateVersionIds)),
      departmentKeysJson: JSON.stringify(normaliseDepartments(ctx, input.departmentKeys)),
      scopeJson: JSON.stringify(normaliseScope(ctx, input.scope)),
      status: '草稿',
      isFlying: input.isFlying || input.type === '飞行检查',
      notes: input.notes,
      cancelReason: null,
      createdById: actor.id ?? '',
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
    };
    ctx.deps.db.insert(plans).values(row).run();
    recordChange(ctx, { entity: 'plan', entityId: row.id, action: 'create', after: auditView(row) });
    return planDetail(ctx.deps, row.id);
  });
}

/**
 * Changes a plan. What decides a draw (type, scope, departments, unannounced) can change only while the plan
 * is a 草稿: after the draw the published result must keep matching the plan it was drawn for. The period may
 * move as long as every scheduled date stays inside it. A call that changes nothing writes nothing.
 */
export function updatePlan(ctx: CallContext, input: ChannelParsedInput<'plans:update'>): PlanDetail {
  return inTransaction(ctx.deps, () => {
    const before = findPlan(ctx.deps, input.id);
    if (before.status === '已作废') throw new AppError('CONFLICT', '该计划已作废，不能再修改');
    const after: PlanRow = { ...before };
    if (input.name !== undefined) after.name = input.name;
    if (input.type !== undefined) after.type = input.type;
    if (input.periodStart !== undefined) after.periodStart = input.periodStart;
    if (input.periodEnd !== undefined) after.periodEnd = input.periodEnd;
    if (input.notes !== undefined) after.notes = input.notes;
    if (input.templateVersionIds !== undefined) {
      after.templateVersionIdsJson = JSON.stringify(normaliseTemplates(ctx, input.templateVersionIds));
    }
    if (input.departmentKeys !== undefined) {
      after.departmentKeysJson = JSON.stringify(normaliseDepartments(ctx, input.departmentKeys));
    }
    if (input.scope !== undefined) after.scopeJson = JSON.stringify(normaliseScope(ctx, input.scope));
    if (input.isFlying !== undefined) after.isFlying = input.isFlying;
    if (after.type === '飞行检查') after.isFlying = true;
    if (after.periodStart > after.periodEnd) {
      throw new AppError('VALIDATION', '计划结束日期不能早于开始日期');
    }
    const was = auditView(before);
    const now = auditView(after);
    if (JSON.stringify(was) === JSON.stringify(now)) return planDetail(ctx.deps, before.id);
    if (before.status !== '草稿') {
      const locked: Array<[keyof typeof was, string]> = [
        ['type', '计划类型'],
        ['scope', '抽取范围'],
        ['departmentKeys', '参与部门'],
        ['isFlying', '是否飞行检查'],
      ];
      const changed = locked.filter(([k]) => JSON.stringify(was[k]) !== JSON.stringify(now[k])).map(([, l]) => l);
      if (changed.length) {
        throw new AppError(
          'CONFLICT',
          `计划已抽取，不能再修改${changed.join('、')}（抽取结果按原计划公示）；如确需调整，请作废本计划后新建`,
        );
      }
      const outside = planAssignmentRows(ctx.deps, before.id).filter(
        (a) => a.scheduledDate !== null && (a.scheduledDate < after.periodStart || a.scheduledDate > after.periodEnd),
      );
      if (outside.length) {
        throw new AppError(
          'VALIDATION',
          `已有 ${outside.length} 项检查安排在新的计划期之外（如 ${formatDay(outside[0]?.scheduledDate ?? '')}），请先调整日程`,
        );
      }
    }
    after.updatedAt = ctx.now();
    ctx.deps.db.update(plans).set(after).where(eq(plans.id, before.id)).run();
    recordChange(ctx, { entity: 'plan', entityId: before.id, action: 'update', before: was, after: now });
    return planDetail(ctx.deps, before.id);
  });
}

/** 作废: the plan and its draws stay on record with the reason; its assignments leave everyone's schedule. */
export function cancelPlan(ctx: CallContext, id: string, reason: string): PlanDetail {
  return inTransaction(ctx.deps, () => {
    const before = findPlan(ctx.deps, id);
    if (before.status === '已作废') throw new AppError('CONFLICT', '该计划已经作废');
    const detail = planDetail(ctx.deps, id);
    if (detail.plan.status === '已完成') throw new AppError('CONFLICT', '计划中的检查已全部完成，不能作废');
    ctx.deps.db
      .update(plans)
      .set({ status: '已作废', cancelReason: reason, updatedAt: ctx.now() })
      .where(eq(plans.id, id))
      .run();
    recordChange(ctx, {
      entity: 'plan',
      entityId: id,
      action: 'cancel',
      before: { status: detail.plan.status },
      after: { status: '已作废' },
      reason,
    });
    return planDetail(ctx.deps, id);
  });
}
