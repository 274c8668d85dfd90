/**
 * The inspection module's way in: each failed item of a finished inspection becomes a hazard, inside the
 * inspection's own transaction. Severity follows the rule item's major-hazard flag under the judgment
 * standard, citing the criterion, rule set version and verification mark it relied on.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { departments, majorHazardCriteria, majorHazardRuleSets } from '../../../db/schema';
import type { CallContext } from '../context';
import { insertHazard, recorderById, type HazardDraft } from './writes';

/** One finding of an on-site inspection that becomes a hazard (the inspection module builds these). */
export type InspectionFinding = {
  itemKey: string;
  ruleItemCode: string | null;
  itemText: string;
  legalBasis: string | null;
  location: string;
  description: string;
  photoIds: string[];
  measurement: { value: number; unit: string } | null;
  fixedOnSpot: boolean;
  afterPhotoIds: string[];
  departments: string[];
  majorFlag: 'yes' | 'possible' | 'unknown' | 'no';
  majorClause: string | null;
  deadlineClass: 'immediate' | 'short' | 'normal' | null;
};

/**
 * 民政 supervises every institution, so a finding without a department still has someone responsible;
 * the board lets the user change it.
 */
const FALLBACK_DEPARTMENT = 'civil-affairs';

interface Criterion {
  ruleSetId: string;
  ruleSetVersion: string;
  ruleSetTitle: string;
  code: string;
  clause: string;
  textZh: string;
  mark: string;
  leadDepartments: string[];
}

/** The criterion of the most recently published rule set with this clause, if any. */
function findCriterion(ctx: CallContext, clause: string | null): Criterion | null {
  if (!clause) return null;
  const row = ctx.deps.db
    .select({ c: majorHazardCriteria, s: majorHazardRuleSets })
    .from(majorHazardCriteria)
    .innerJoin(majorHazardRuleSets, eq(majorHazardRuleSets.id, majorHazardCriteria.ruleSetId))
    .where(and(eq(majorHazardCriteria.clause, clause), eq(majorHazardRuleSets.status, 'published')))
    .orderBy(desc(majorHazardRuleSets.publishedAt), desc(majorHazardRuleSets.createdAt))
    .get();
  if (!row) return null;
  const lead = JSON.parse(row.c.leadDepartmentsJson) as unknown;
  return {
    ruleSetId: row.s.id,
    ruleSetVersion: row.s.version,
    ruleSetTitle: row.s.title,
    code: row.c.code,
    clause,
    textZh: row.c.textZh,
    mark: row.c.mark,
    leadDepartments: Array.isArray(lead) ? lead.filter((k): k is string => typeof k === 'string') : [],
  };
}

function departmentNames(ctx: CallContext, keys: readonly string[]): string {
  if (keys.length === 0) return '相关部门';
  const names = new Map(
    ctx.deps.db
      .select({ key: departments.key, name: departments.shortZh })
      .from(departments)
      .where(inArray(departments.key, [...keys]))
      .all()
      .map((d) => [d.key, d.name]),
  );
  return keys.map((k) => names.get(k) ?? k).join('、');
}

type Severity = Pick<
  HazardDraft,
  'severity' | 'severityBasis' | 'severityRationale' | 'pendingJudgment' | 'majorRuleSetId' | 'majorCriterionCode'
>;

/** Severity and its rationale from the finding's major-hazard flag. */
export function severityFromFinding(ctx: CallContext, finding: InspectionFinding): Severity {
  const criterion = findCriterion(ctx, finding.majorClause);
  const cite = criterion
    ? `《${criterion.ruleSetTitle}》${criterion.clause}（规则集 ${criterion.ruleSetVersion}，编号 ${criterion.ruleSetId}，标记 [${criterion.mark}]）：${criterion.textZh}`
    : null;
  const none = { majorRuleSetId: null, majorCriterionCode: null };
  switch (finding.majorFlag) {
    case 'yes':
      return {
        severity: 'major',
        severityBasis: 'criterion',
        severityRationale: cite
          ? `符合重大事故隐患判定情形：${cite}`
          : `检查项标注为重大事故隐患（${finding.majorClause ?? '条款未注明'}），但已发布的判定标准中未找到该条款，请核对`,
        pendingJudgment: false,
        majorRuleSetId: criterion?.ruleSetId ?? null,
        majorCriterionCode: criterion?.code ?? null,
      };
    case 'possible': {
      const deciders = criterion?.leadDepartments.length ? criterion.leadDepartments : finding.departments;
      return {
        severity: 'general',
        severityBasis: 'pending-judgment',
        severityRationale: `可能构成重大事故隐患，待部门或专家认定（${departmentNames(ctx, deciders)}）${cite ? `；参照${cite}` : finding.majorClause ? `；参照判定标准${finding.majorClause}` : ''}。认定前按一般隐患处理`,
        pendingJudgment: true,
        majorRuleSetId: criterion?.ruleSetId ?? null,
        majorCriterionCode: criterion?.code ?? null,
      };
    }
    case 'unknown':
      return {
        severity: 'general',
        severityBasis: 'criteria-not-retrieved',
        severityRationale: `是否构成重大事故隐患无法判定：判定标准的相关条款原文未检索到${finding.majorClause ? `（${finding.majorClause}）` : ''}，暂按一般隐患处理`,
        pendingJudgment: false,
        ...none,
      };
    case 'no':
      return {
        severity: 'general',
        severityBasis: 'none',
        severityRationale: '不属于重大事故隐患判定情形，按一般隐患处理',
        pendingJudgment: false,
        ...none,
      };
  }
}

/**
 * Creates one hazard per finding inside the caller's transaction (it opens none) and returns the new hazard
 * ids, in the order of the findings. Each hazard writes its 'create' event and audit record. Findings fixed
 * on the spot are created already closed (当场整改, witnessed by the inspection team) with their after-photos.
 */
export function createHazardsFromFindings(
  ctx: CallContext,
  input: { institutionId: string; inspectionId: string; recordedByUserId: string; findings: InspectionFinding[] },
): string[] {
  if (input.findings.length === 0) return [];
  const recorder = recorderById(ctx, input.recordedByUserId);
  return input.findings.map((finding) => {
    const severity = severityFromFinding(ctx, finding);
    const deadlineClass = finding.deadlineClass ?? (severity.severity === 'major' ? 'immediate' : 'normal');
    const itemText = finding.itemText.trim();
    return insertHazard(ctx, {
      institutionId: input.institutionId,
      sourceInspectionId: input.inspectionId,
      itemKey: finding.itemKey,
      ruleItemCode: finding.ruleItemCode,
      itemText: itemText || null,
      legalBasis: finding.legalBasis,
      location: finding.location.trim() || '未注明部位',
      description: finding.description.trim() || itemText || '（未填写描述）',
      measurement: finding.measurement,
      ...severity,
      departments: finding.departments.length ? [...new Set(finding.departments)] : [FALLBACK_DEPARTMENT],
      requiredAction: itemText ? `按检查项要求整改：${itemText}` : '按检查意见整改',
      deadlineClass,
      deadlineDate: null,
      interimMeasures: null,
      beforePhotoIds: finding.photoIds,
      recorder,
      fixedOnSpot: finding.fixedOnSpot
        ? { afterPhotoIds: finding.afterPhotoIds, witnessedBy: `检查组（检查 ${input.inspectionId}）` }
        : null,
    });
  });
}
