import { describe, expect, it } from 'vitest';
import { drawRecordSchema } from '../../../electron/api';
import { AppError } from '../../../electron/services/errors';
import {
  candidateHash,
  DRAW_ALGORITHM_VERSION,
  describeShortfall,
  generateDrawSeed,
  runDraw,
  verifyDraw,
  type DrawRequest,
} from '../../../electron/services/plans/draw';
import { createPrng } from '../../../electron/services/plans/prng';
import {
  candidates,
  departmentNames,
  inspector,
  institution,
  institutions,
  params,
  permute,
  roster,
} from './draw-fixtures';

const DRAWN_AT = '2026-03-02T01:30:00.000Z'; // 2026-03-02 09:30 in Shanghai

function request(over: Partial<DrawRequest> = {}): DrawRequest {
  return {
    seed: 'seed-1',
    drawnAt: DRAWN_AT,
    params: params({ selection: { mode: 'count', count: 3 } }),
    candidates: candidates(institutions(10), roster(4, 2)),
    labels: { departmentNames },
    ...over,
  };
}

/** Runs a draw that must fail and returns its error. */
function drawError(req: DrawRequest): AppError {
  try {
    runDraw(req);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the draw to fail');
}

/** Pearson's chi-square statistic of observed counts against expected counts. */
function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - (expected[i] ?? 0)) ** 2 / (expected[i] ?? 1), 0);
}

describe('the generator (xoshiro128** keyed by SHA-256)', () => {
  it('produces the outputs of the documented algorithm', () => {
    // Computed by an independent Python implementation of the specification in prng.ts: if this changes,
    // recorded draws can no longer be verified.
    const rng = createPrng('abc', 'institutions');
    expect(Array.from({ length: 5 }, () => rng.nextUint32())).toEqual([
      1717590372, 3970823600, 2564763350, 2852084924, 1057341745,
    ]);
  });

  it('keeps version 1 draws stable (golden draw, also reproduced independently in Python)', () => {
    const record = runDraw(request({ seed: 'golden', candidates: candidates(institutions(10), roster(4)) }));
    expect(record.algorithmVersion).toBe(DRAW_ALGORITHM_VERSION);
    expect(record.result.institutionIds).toEqual(['i06', 'i02', 'i08']);
    expect(record.result.teams[0]?.inspectorIds).toEqual(['c3', 'c0']);
  });

  it('draws integers and reals in range', () => {
    const rng = createPrng('range', 'x');
    for (let i = 0; i < 1000; i += 1) {
      const n = rng.nextInt(7);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(7);
      const f = rng.nextFloat();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });

  it('generates fresh 128-bit seeds from crypto randomness', () => {
    const a = generateDrawSeed();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(generateDrawSeed()).not.toBe(a);
  });
});

describe('reproducible and verifiable', () => {
  it('gives the same draw for the same record, also after storing it as JSON', () => {
    const req = request();
    const record = runDraw(req);
    expect(runDraw(req)).toEqual(record);
    const stored = drawRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(verifyDraw(stored, req.candidates)).toMatchObject({
      identical: true,
      candidateHashMatches: true,
      differences: [],
    });
    expect(record.result.institutionIds).toHaveLength(3);
    expect(new Set(record.result.institutionIds).size).toBe(3);
  });

  it('ignores the order in which candidates and recusals are listed', () => {
    const inst = institutions(12);
    const insp = [
      ...roster(5, 3),
      inspector('c9', 'civil-affairs', { recusedInstitutionIds: ['i03', 'i01'], recusedTownIds: ['town-b', 'town-a'] }),
    ];
    const a = runDraw(request({ candidates: candidates(inst, insp) }));
    const shuffled = candidates(
      permute(inst, [5, 3, 9, 1, 7]),
      permute(insp, [2, 8, 4]).map((i) => ({
        ...i,
        recusedInstitutionIds: [...i.recusedInstitutionIds].reverse(),
        recusedTownIds: [...i.recusedTownIds].reverse(),
      })),
    );
    expect(runDraw(request({ candidates: shuffled }))).toEqual(a);
  });

  it('draws differently for different seeds', () => {
    const results = new Set(
      Array.from({ length: 20 }, (_, i) => runDraw(request({ seed: `s${i}` })).result.institutionIds.join()),
    );
    expect(results.size).toBeGreaterThan(10);
  });

  it('says exactly what differs when the record was altered', () => {
    const req = request();
    const record = runDraw(req);
    const [first, second, third] = record.result.institutionIds;
    const altered = {
      ...record,
      result: { ...record.result, institutionIds: [second ?? '', first ?? '', third ?? ''] },
    };
    const report = verifyDraw(altered, req.candidates);
    expect(report.identical).toBe(false);
    expect(report.candidateHashMatches).toBe(true);
    expect(report.differences).toEqual([
      `第 1 家抽中机构不同：记录为“机构${second}”，重算为“机构${first}”`,
      `第 2 家抽中机构不同：记录为“机构${first}”，重算为“机构${second}”`,
    ]);

    const team = record.result.teams[0];
    const otherTeam = {
      ...record,
      result: {
        ...record.result,
        teams: [
          { ...team, institutionId: team?.institutionId ?? '', inspectorIds: ['c0', 'f0'], shortfalls: [] },
          ...record.result.teams.slice(1),
        ],
      },
    };
    const teamReport = verifyDraw(otherTeam, req.candidates);
    expect(teamReport.differences).toHaveLength(1);
    expect(teamReport.differences[0]).toMatch(
      new RegExp(`^机构“机构${first}”的检查组不同：记录为 人员c0、人员f0，重算为 `),
    );
  });

  it('reports that the candidate lists changed since the draw', () => {
    const req = request();
    const record = runDraw(req);
    const changed = candidates([...institutions(10), institution('i99')], roster(4, 2));
    const report = verifyDraw(record, changed);
    expect(report.candidateHashMatches).toBe(false);
    expect(report.identical).toBe(false);
    expect(report.currentHash).toBe(candidateHash(changed));
    expect(report.differences[0]).toBe(
      `候选名单自抽取后已变化（记录的哈希 ${record.candidateHash.slice(0, 12)}…，当前 ${report.currentHash.slice(0, 12)}…）`,
    );
    // Renaming is not a change of the candidate lists: names are not part of the draw.
    const renamed = candidates(
      institutions(10).map((i) => ({ ...i, name: `新${i.name}` })),
      roster(4, 2),
    );
    expect(verifyDraw(record, renamed).identical).toBe(true);
  });

  it('refuses to re-run a record of another algorithm version', () => {
    const req = request();
    const record = { ...runDraw(req), algorithmVersion: 'careinspect-draw/0' };
    expect(verifyDraw(record, req.candidates).differences).toEqual([
      `记录使用的抽取算法版本为 careinspect-draw/0，本程序实现的是 ${DRAW_ALGORITHM_VERSION}，无法重算`,
    ]);
  });
});

describe('uniformity over 10,000 seeded draws (chi-square, p = 0.001 critical values)', () => {
  // Deterministic seeds make the test stable: it either always passes or always fails for a given algorithm.
  const DRAWS = 10_000;

  it('picks each of 10 institutions equally often when drawing 1 (df = 9, critical 27.877)', () => {
    const counts = new Map<string, number>();
    const req = request({ params: params({ selection: { mode: 'count', count: 1 } }) });
    for (let i = 0; i < DRAWS; i += 1) {
      const id = runDraw({ ...req, seed: `uniform-1-${i}` }).result.institutionIds[0] ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    const stat = chiSquare([...counts.values()], Array(10).fill(DRAWS / 10));
    expect(stat).toBeLessThan(27.877);
  });

  it('includes each institution equally often when drawing 3 of 10 (df = 9, critical 27.877)', () => {
    // Inclusion counts of a without-replacement draw are less dispersed than a multinomial, so testing them
    // against the df = 9 critical value is conservative; the first position is an exact multinomial.
    const included = new Map<string, number>();
    const first = new Map<string, number>();
    for (let i = 0; i < DRAWS; i += 1) {
      const ids = runDraw(request({ seed: `uniform-3-${i}` })).result.institutionIds;
      for (const id of ids) included.set(id, (included.get(id) ?? 0) + 1);
      first.set(ids[0] ?? '', (first.get(ids[0] ?? '') ?? 0) + 1);
    }
    expect(chiSquare([...included.values()], Array(10).fill((DRAWS * 3) / 10))).toBeLessThan(27.877);
    expect(chiSquare([...first.values()], Array(10).fill(DRAWS / 10))).toBeLessThan(27.877);
  });

  it('draws in proportion to 1 + risk score when risk-weighted (df = 4, critical 18.467)', () => {
    const inst = [0, 1, 2, 3, 4].map((r) => institution(`r${r}`, { riskScore: r }));
    const counts = new Map<string, number>();
    const req = request({
      candidates: candidates(inst, roster(3)),
      params: params({ selection: { mode: 'count', count: 1 }, riskWeighted: true }),
    });
    for (let i = 0; i < DRAWS; i += 1) {
      const id = runDraw({ ...req, seed: `weighted-${i}` }).result.institutionIds[0] ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const weights = [1, 2, 3, 4, 5];
    const expected = weights.map((w) => (DRAWS * w) / 15);
    const observed = inst.map((i) => counts.get(i.id) ?? 0);
    expect(chiSquare(observed, expected)).toBeLessThan(18.467);
    // And the weighting is real: the riskiest is drawn clearly more often than the unscored one.
    expect(observed[4]).toBeGreaterThan(observed[0] ?? 0);
  });

  it('draws each pair of 4 民政 inspectors equally often for a team of 2 (df = 5, critical 20.515)', () => {
    const counts = new Map<string, number>();
    const req = request({ candidates: candidates(institutions(1), roster(4)), params: params() });
    for (let i = 0; i < DRAWS; i += 1) {
      const pair = [...(runDraw({ ...req, seed: `team-${i}` }).result.teams[0]?.inspectorIds ?? [])].sort().join('+');
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    expect(chiSquare([...counts.values()], Array(6).fill(DRAWS / 6))).toBeLessThan(20.515);
  });
});

describe('scope and count', () => {
  it('filters by town, type, status and minimum risk', () => {
    const inst = [
      institution('a', { townId: 't1', type: '民办', status: '运营', riskScore: 50 }),
      institution('b', { townId: 't2', type: '民办', status: '运营', riskScore: 50 }),
      institution('c', { townId: 't1', type: '公办', status: '运营', riskScore: 50 }),
      institution('d', { townId: 't1', type: '民办', status: '已关闭', riskScore: 50 }),
      institution('e', { townId: 't1', type: '民办', status: '运营', riskScore: 10 }),
      institution('f', { townId: 't1', type: '民办', status: '运营', riskScore: null }),
      institution('g', { townId: 't1', type: '公建民营', status: '停业整顿', riskScore: 80 }),
    ];
    const p = params({
      scope: { townIds: ['t1'], types: ['民办', '公建民营'], statuses: ['运营', '停业整顿'], minRiskScore: 30 },
      selection: { mode: 'ratio', percent: 100 },
    });
    const record = runDraw(request({ params: p, candidates: candidates(inst, roster(2)) }));
    expect([...record.result.institutionIds].sort()).toEqual(['a', 'g']);
    expect(record.result).toMatchObject({ inScopeCount: 2, eligibleCount: 2, requestedCount: 2 });
  });

  it('excludes institutions inspected fewer than N days before the draw date (China time)', () => {
    const inst = [
      institution('yesterday', { lastInspectedAt: '2026-03-01' }),
      institution('day29', { lastInspectedAt: '2026-02-01' }),
      institution('day30', { lastInspectedAt: '2026-01-31' }),
      // 2026-01-31T17:00Z is already 2026-02-01 in Shanghai: 29 days before the draw, so excluded.
      institution('late-evening', { lastInspectedAt: '2026-01-31T17:00:00.000Z' }),
      institution('never'),
    ];
    const p = params({ scope: { excludeInspectedWithinDays: 30 }, selection: { mode: 'ratio', percent: 100 } });
    const record = runDraw(request({ params: p, candidates: candidates(inst, roster(2)) }));
    expect([...record.result.institutionIds].sort()).toEqual(['day30', 'never']);
    expect(record.result).toMatchObject({ inScopeCount: 5, recentlyInspectedCount: 3, eligibleCount: 2 });
  });

  it('rounds a ratio up: 10% of 25 institutions is 3', () => {
    const record = runDraw(
      request({
        params: params({ selection: { mode: 'ratio', percent: 10 } }),
        candidates: candidates(institutions(25), roster(3)),
      }),
    );
    expect(record.result.institutionIds).toHaveLength(3);
    expect(record.result.requestedCount).toBe(3);
  });
});

describe('teams', () => {
  it('spreads the work evenly: 10 inspectors, 20 teams of 2 → 4 teams each', () => {
    const record = runDraw(
      request({
        candidates: candidates(institutions(20), roster(10)),
        params: params({ selection: { mode: 'count', count: 20 } }),
      }),
    );
    const load = new Map<string, number>();
    for (const t of record.result.teams) for (const id of t.inspectorIds) load.set(id, (load.get(id) ?? 0) + 1);
    expect([...load.values()]).toEqual(Array(10).fill(4));
  });

  it('puts one inspector of each participating department in a joint team, and says which are missing and why', () => {
    const inst = [institution('x', { name: '康乐养老院', townId: 't1' })];
    const insp = [...roster(2, 0), inspector('f0', 'fire', { recusedTownIds: ['t1'] }), inspector('m0', 'market')];
    const p = params({
      joint: true,
      departmentKeys: ['fire', 'market', 'health'],
      selection: { mode: 'count', count: 1 },
    });
    const record = runDraw(request({ params: p, candidates: candidates(inst, insp) }));
    const team = record.result.teams[0];
    expect(team?.inspectorIds[0]?.startsWith('c')).toBe(true);
    expect(team?.inspectorIds).toContain('m0');
    expect(team?.inspectorIds).not.toContain('f0');
    expect(team?.shortfalls).toEqual([
      { departmentKey: 'fire', reason: 'all-recused' },
      { departmentKey: 'health', reason: 'none-in-roster' },
    ]);
    expect(team?.shortfalls.map((s) => describeShortfall(s, { departmentNames }))).toEqual([
      '消防救援的检查人员均须回避该机构或其所在街镇，本组未含消防救援人员',
      '名册中没有卫健的在岗检查人员，本组未含卫健人员',
    ]);
  });

  it('does not draw inspectors of departments that do not take part', () => {
    const record = runDraw(
      request({
        candidates: candidates(institutions(5), roster(2, 5)),
        params: params({ selection: { mode: 'count', count: 5 } }),
      }),
    );
    for (const t of record.result.teams) expect(t.inspectorIds.every((id) => id.startsWith('c'))).toBe(true);
  });
});

describe('impossible requests: a precise Chinese message and nothing produced', () => {
  it('fewer candidates than asked', () => {
    const e = drawError(request({ params: params({ selection: { mode: 'count', count: 11 } }) }));
    expect(e.message).toBe('符合条件的机构只有 10 家，少于要抽取的 11 家');
    const recent = institutions(4).map((i, n) => (n < 3 ? { ...i, lastInspectedAt: '2026-02-20' } : i));
    const e2 = drawError(
      request({
        candidates: candidates(recent, roster(2)),
        params: params({ scope: { excludeInspectedWithinDays: 30 }, selection: { mode: 'count', count: 2 } }),
      }),
    );
    expect(e2.message).toBe('符合条件的机构只有 1 家（范围内共 4 家，其中 3 家在排除期内检查过），少于要抽取的 2 家');
  });

  it('nothing in scope', () => {
    const e = drawError(request({ params: params({ scope: { townIds: ['elsewhere'] } }) }));
    expect(e.message).toBe('抽取范围内没有符合条件的机构，请调整街镇、机构类型、状态或风险条件');
  });

  it('no 民政 inspector in the roster', () => {
    const e = drawError(
      request({
        candidates: candidates(institutions(3), roster(0, 4)),
        params: params({ departmentKeys: ['fire'], joint: true }),
      }),
    );
    expect(e.message).toBe('检查人员名册中没有在岗的民政检查人员，无法组成检查组（每组至少 1 名民政人员）');
  });

  it('every 民政 inspector must recuse from a drawn institution', () => {
    const inst = [institution('x', { name: '康乐养老院', townId: 't1' })];
    const insp = [
      inspector('c0', 'civil-affairs', { name: '张三', recusedInstitutionIds: ['x'] }),
      inspector('c1', 'civil-affairs', { name: '李四', recusedTownIds: ['t1'] }),
      inspector('f0', 'fire'),
      inspector('f1', 'fire'),
    ];
    const e = drawError(request({ candidates: candidates(inst, insp), params: params({ departmentKeys: ['fire'] }) }));
    expect(e.message).toBe(
      '机构“康乐养老院”：民政检查人员均须回避（张三回避该机构、李四回避所在街镇），没有可派的民政人员',
    );
    expect(e.issues).toEqual([{ path: 'institution:x', message: e.message }]);
  });

  it('not enough inspectors without recusal conflicts, naming every institution concerned', () => {
    const inst = [institution('x', { name: '康乐养老院' }), institution('y', { name: '福寿敬老院' }), institution('z')];
    const insp = [
      inspector('c0', 'civil-affairs', { name: '张三' }),
      inspector('c1', 'civil-affairs', { name: '李四', recusedInstitutionIds: ['x', 'y'] }),
    ];
    const e = drawError(
      request({ candidates: candidates(inst, insp), params: params({ selection: { mode: 'count', count: 3 } }) }),
    );
    expect(e.message).toContain('有 2 家抽中机构无法组成检查组');
    expect(e.message).toContain(
      '机构“康乐养老院”：不须回避的检查人员只有 1 名，每组需要 2 名（须回避：李四回避该机构）',
    );
    expect(e.message).toContain(
      '机构“福寿敬老院”：不须回避的检查人员只有 1 名，每组需要 2 名（须回避：李四回避该机构）',
    );
    expect(e.issues?.map((i) => i.path).sort()).toEqual(['institution:x', 'institution:y']);
  });

  it('a roster smaller than one team', () => {
    const e = drawError(
      request({ candidates: candidates(institutions(2), roster(2)), params: params({ teamSize: 3 }) }),
    );
    expect(e.message).toBe('参与部门的在岗检查人员只有 2 名，每组需要 3 名，请补充名册或减少每组人数');
  });

  it('duplicate candidates', () => {
    const e = drawError(request({ candidates: candidates([institution('a'), institution('a')], roster(2)) }));
    expect(e.message).toBe('候选机构重复：机构a（a）');
  });
});
