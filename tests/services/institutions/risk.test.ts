import { describe, expect, it } from 'vitest';
import { computeRisk, RISK_FORMULA_TEXT, UNKNOWN_RISK_INPUTS } from '../../../electron/services/institutions/risk';

describe('risk indicator', () => {
  it('does not rate an institution without inspection data, and says so', () => {
    const r = computeRisk(UNKNOWN_RISK_INPUTS);
    expect(r.level).toBe('未评估');
    expect(r.score).toBeNull();
    expect(r.note).toContain('暂无检查数据');
    expect(r.terms.map((t) => t.label)).toEqual(['未整改重大隐患', '逾期未整改隐患', '距上次检查天数', '重复发现问题']);
    for (const t of r.terms) {
      expect(t.known).toBe(false);
      expect(t.points).toBe(0);
      expect(t.explanation).toContain('暂无检查数据');
    }
    expect(r.formula).toBe(RISK_FORMULA_TEXT);
  });

  it('scores a recently inspected, clean institution as low', () => {
    const r = computeRisk({ openMajorHazards: 0, overdueHazards: 0, daysSinceLastInspection: 30, repeatedFindings: 0 });
    expect(r).toMatchObject({ score: 0, level: '低', note: null });
  });

  it('adds each term with its weight and cap', () => {
    const r = computeRisk({
      openMajorHazards: 1,
      overdueHazards: 1,
      daysSinceLastInspection: 200,
      repeatedFindings: 1,
    });
    expect(r.terms.map((t) => t.points)).toEqual([25, 10, 10, 5]);
    expect(r).toMatchObject({ score: 50, level: '高' });
    const capped = computeRisk({
      openMajorHazards: 9,
      overdueHazards: 9,
      daysSinceLastInspection: 900,
      repeatedFindings: 9,
    });
    expect(capped.terms.map((t) => t.points)).toEqual([50, 20, 20, 10]);
    expect(capped.score).toBe(100);
  });

  it('puts the level boundaries at 20 and 50', () => {
    expect(
      computeRisk({ openMajorHazards: 0, overdueHazards: 1, daysSinceLastInspection: 181, repeatedFindings: 0 }).level,
    ).toBe('中');
    expect(
      computeRisk({ openMajorHazards: 0, overdueHazards: 1, daysSinceLastInspection: 180, repeatedFindings: 1 }).level,
    ).toBe('低');
    expect(
      computeRisk({ openMajorHazards: 1, overdueHazards: 2, daysSinceLastInspection: 10, repeatedFindings: 1 }).level,
    ).toBe('高');
  });

  it('rates on the known terms when only some data exists', () => {
    const r = computeRisk({
      openMajorHazards: null,
      overdueHazards: null,
      daysSinceLastInspection: 400,
      repeatedFindings: null,
    });
    expect(r).toMatchObject({ score: 20, level: '中' });
    expect(r.terms.filter((t) => t.known).map((t) => t.key)).toEqual(['daysSinceLastInspection']);
  });
});
