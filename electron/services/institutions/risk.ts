import type { RiskAssessment, RiskLevel } from '../../api';

/**
 * Inputs of the risk indicator. `null` means "no data to compute it from" (today: no inspection or hazard
 * records exist yet), which is reported as such instead of being counted as zero.
 */
export interface RiskInputs {
  /** 未整改的重大火灾隐患 (open hazards judged major under the 2023 criteria). */
  openMajorHazards: number | null;
  /** 逾期未整改的隐患 (open hazards past their rectification deadline). */
  overdueHazards: number | null;
  /** Days since the institution's last completed inspection; null when it was never inspected. */
  daysSinceLastInspection: number | null;
  /** 重复发现的问题 (checklist items found non-compliant in two or more finished inspections of the institution). */
  repeatedFindings: number | null;
}

/** Inputs meaning "nothing recorded yet". */
export const UNKNOWN_RISK_INPUTS: RiskInputs = {
  openMajorHazards: null,
  overdueHazards: null,
  daysSinceLastInspection: null,
  repeatedFindings: null,
};

/**
 * The formula, in one place. Each term earns points up to a cap; the score is their sum (0–100).
 * 重大隐患 weigh most because one is enough to close a home (2023 重大火灾隐患判定 rules); overdue
 * hazards show a home that does not rectify; a long gap since the last inspection means the picture is stale;
 * repeated findings show a problem that comes back.
 */
export const RISK_FORMULA = {
  openMajorHazards: { perUnit: 25, cap: 50 },
  overdueHazards: { perUnit: 10, cap: 20 },
  inspectionGap: { over180: 10, over365: 20, cap: 20 },
  repeatedFindings: { perUnit: 5, cap: 10 },
  levels: { high: 50, medium: 20 },
} as const;

/** Human-readable statement of the whole formula, shown above the terms in the profile. */
export const RISK_FORMULA_TEXT =
  '风险分 = 未整改重大隐患 × 25（最多 50）+ 逾期未整改隐患 × 10（最多 20）+ 距上次检查天数（超过 180 天计 10，超过 365 天计 20）+ 重复发现问题 × 5（最多 10），满分 100。≥ 50 为高风险，20–49 为中风险，< 20 为低风险；没有任何检查记录时不评级，显示“暂无检查数据”。';

/** Text shown for a term whose data does not exist yet. */
export const NO_INSPECTION_DATA = '暂无检查数据';

function capped(n: number, perUnit: number, cap: number): number {
  return Math.min(cap, Math.max(0, Math.floor(n)) * perUnit);
}

/**
 * Computes the risk indicator from its inputs: each term's points with a Chinese explanation, the score and
 * the level. When no term has data the level is '未评估' and the score null: a home nobody has inspected is
 * not "low risk", it is unknown.
 */
export function computeRisk(inputs: RiskInputs): RiskAssessment {
  const f = RISK_FORMULA;
  const terms: RiskAssessment['terms'] = [];

  const major = inputs.openMajorHazards;
  terms.push({
    key: 'openMajorHazards',
    label: '未整改重大隐患',
    value: major,
    points: major === null ? 0 : capped(major, f.openMajorHazards.perUnit, f.openMajorHazards.cap),
    maxPoints: f.openMajorHazards.cap,
    known: major !== null,
    explanation:
      major === null
        ? `${NO_INSPECTION_DATA}：尚无隐患记录，本项不计分。`
        : `尚未整改的重大火灾隐患 ${major} 项，每项计 ${f.openMajorHazards.perUnit} 分，最多 ${f.openMajorHazards.cap} 分。`,
  });

  const overdue = inputs.overdueHazards;
  terms.push({
    key: 'overdueHazards',
    label: '逾期未整改隐患',
    value: overdue,
    points: overdue === null ? 0 : capped(overdue, f.overdueHazards.perUnit, f.overdueHazards.cap),
    maxPoints: f.overdueHazards.cap,
    known: overdue !== null,
    explanation:
      overdue === null
        ? `${NO_INSPECTION_DATA}：尚无隐患记录，本项不计分。`
        : `超过整改期限仍未整改的隐患 ${overdue} 项，每项计 ${f.overdueHazards.perUnit} 分，最多 ${f.overdueHazards.cap} 分。`,
  });

  const days = inputs.daysSinceLastInspection;
  const gapPoints = days === null ? 0 : days > 365 ? f.inspectionGap.over365 : days > 180 ? f.inspectionGap.over180 : 0;
  terms.push({
    key: 'daysSinceLastInspection',
    label: '距上次检查天数',
    value: days,
    points: gapPoints,
    maxPoints: f.inspectionGap.cap,
    known: days !== null,
    explanation:
      days === null
        ? `${NO_INSPECTION_DATA}：该机构还没有检查记录，本项不计分。`
        : `距上次检查 ${days} 天；超过 180 天计 ${f.inspectionGap.over180} 分，超过 365 天计 ${f.inspectionGap.over365} 分。`,
  });

  const repeated = inputs.repeatedFindings;
  terms.push({
    key: 'repeatedFindings',
    label: '重复发现问题',
    value: repeated,
    points: repeated === null ? 0 : capped(repeated, f.repeatedFindings.perUnit, f.repeatedFindings.cap),
    maxPoints: f.repeatedFindings.cap,
    known: repeated !== null,
    explanation:
      repeated === null
        ? `${NO_INSPECTION_DATA}：至少两次检查后才能判断问题是否重复出现，本项不计分。`
        : `同一检查项在两次及以上已完成检查中被判定为不符合的问题 ${repeated} 项，每项计 ${f.repeatedFindings.perUnit} 分，最多 ${f.repeatedFindings.cap} 分。`,
  });

  const anyKnown = terms.some((t) => t.known);
  const score = anyKnown ? terms.reduce((sum, t) => sum + t.points, 0) : null;
  const level: RiskLevel =
    score === null ? '未评估' : score >= f.levels.high ? '高' : score >= f.levels.medium ? '中' : '低';
  return {
    score,
    level,
    terms,
    formula: RISK_FORMULA_TEXT,
    note: anyKnown ? null : `${NO_INSPECTION_DATA}：完成首次检查后自动计算风险等级。`,
  };
}
