import { createHash, randomBytes } from 'node:crypto';
import {
  CIVIL_AFFAIRS_DEPARTMENT,
  type DrawCandidates,
  type DrawParams,
  type DrawRecord,
  type DrawResult,
  type DrawVerification,
  type InspectorCandidate,
  type InstitutionCandidate,
} from '../../api';
import { AppError } from '../errors';
import { createPrng, type Prng } from './prng';

/**
 * The 双随机 draw engine: pure (no database, no clock, no ambient randomness). Phase 2 feeds it candidate lists
 * and a seed, stores the record it returns together with the candidate lists, and later hands both back to
 * {@link verifyDraw}.
 *
 * Algorithm version 1, step by step:
 * 1. Candidates are put in canonical order (by id, UTF-16 code units) and recusal lists sorted, so the order in
 *    which a caller lists anything never matters. Duplicate ids are refused.
 * 2. Scope: an institution is in scope when its town, type and status are in the (non-empty) sets of the
 *    params and its risk score is at least `minRiskScore` (an unscored institution fails a risk threshold).
 *    It is then excluded when its last inspection was fewer than `excludeInspectedWithinDays` calendar days
 *    (China Standard Time, UTC+8) before the draw date.
 * 3. Count: `count`, or `ceil(eligible × percent / 100)` computed on hundredths of a percent in integers.
 * 4. Institutions (stream "institutions"): uniform — a partial Fisher–Yates shuffle of the canonical list,
 *    the first k in draw order; risk-weighted — Efraimidis–Spirakis A-ES weighted sampling without
 *    replacement: weight w = 1 + max(0, riskScore ?? 0), key = ln(u) / w for u uniform in (0, 1) (the
 *    logarithm of u^(1/w), same order, no underflow), the k largest keys in descending order.
 * 5. Teams (stream "teams"), one per drawn institution in draw order. The pool is the inspectors of the
 *    participating departments (民政 always participates); a member must not be recused from the
 *    institution or its town. Required departments are 民政, then — for joint plans — every other
 *    participating department in key order; each is filled by the least-loaded eligible inspector of that
 *    department (ties broken uniformly at random). A joint department with no eligible inspector is recorded
 *    as a shortfall with its reason. The team is then filled up to `teamSize` with the least-loaded eligible
 *    inspectors of any participating department (a joint team may thus exceed `teamSize`). "Load" counts
 *    teams already assigned in this draw, which spreads the work evenly.
 * 6. Any institution that cannot get a valid team (no eligible 民政 inspector, fewer eligible inspectors than
 *    `teamSize`) makes the whole draw fail with a Chinese message naming each such institution: nothing is
 *    produced.
 */
export const DRAW_ALGORITHM_VERSION = 'careinspect-draw/1';

/** Names used only in messages; never part of what is hashed or drawn. */
export interface DrawLabels {
  departmentNames?: Record<string, string>;
}

/** Everything a draw needs; `seed` comes from {@link generateDrawSeed} at draw time and is recorded. */
export interface DrawRequest {
  seed: string;
  /** ISO time of the draw (the caller's clock); also the reference date of the "recently inspected" rule. */
  drawnAt: string;
  params: DrawParams;
  candidates: DrawCandidates;
  labels?: DrawLabels;
}

/** A fresh seed from the operating system's cryptographic randomness (128 bits, hex). */
export function generateDrawSeed(): string {
  return randomBytes(16).toString('hex');
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sortedUnique = (values: readonly string[]): string[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Candidate lists in canonical order (by id, recusals sorted and deduplicated); refuses duplicate ids. */
export function canonicalCandidates(candidates: DrawCandidates): DrawCandidates {
  const institutions = [...candidates.institutions].sort(byId);
  const inspectors = [...candidates.inspectors]
    .map((i) => ({
      ...i,
      recusedInstitutionIds: sortedUnique(i.recusedInstitutionIds),
      recusedTownIds: sortedUnique(i.recusedTownIds),
    }))
    .sort(byId);
  for (let i = 1; i < institutions.length; i += 1) {
    if (institutions[i]?.id === institutions[i - 1]?.id) {
      throw new AppError('VALIDATION', `候选机构重复：${institutions[i]?.name ?? ''}（${institutions[i]?.id ?? ''}）`);
    }
  }
  for (let i = 1; i < inspectors.length; i += 1) {
    if (inspectors[i]?.id === inspectors[i - 1]?.id) {
      throw new AppError('VALIDATION', `候选检查人员重复：${inspectors[i]?.name ?? ''}（${inspectors[i]?.id ?? ''}）`);
    }
  }
  return { institutions, inspectors };
}

/**
 * SHA-256 (hex) of the canonical candidate lists. Only the fields that decide the draw are hashed, as JSON
 * arrays in a fixed field order: institutions `[id, townId, type, status, riskScore, lastInspectedAt]`,
 * inspectors `[id, departmentKey, recusedInstitutionIds, recusedTownIds]`. Names are left out so renaming an
 * institution does not make an old draw look tampered with.
 */
export function candidateHash(candidates: DrawCandidates): string {
  const c = canonicalCandidates(candidates);
  const payload = JSON.stringify({
    institutions: c.institutions.map((i) => [i.id, i.townId, i.type, i.status, i.riskScore, i.lastInspectedAt]),
    inspectors: c.inspectors.map((i) => [i.id, i.departmentKey, i.recusedInstitutionIds, i.recusedTownIds]),
  });
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** Day number (days since 1970-01-01) of a date or time, as a calendar day in China Standard Time. */
function chinaDayNumber(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value) + CST_OFFSET_MS;
  return Math.floor(ms / DAY_MS);
}

function departmentName(key: string, labels: DrawLabels | undefined): string {
  return labels?.departmentNames?.[key] ?? key;
}

interface EligibleInstitutions {
  inScope: InstitutionCandidate[];
  eligible: InstitutionCandidate[];
}

function selectEligible(
  institutions: InstitutionCandidate[],
  params: DrawParams,
  drawnAt: string,
): EligibleInstitutions {
  const { scope } = params;
  const towns = new Set(scope.townIds);
  const types = new Set(scope.types);
  const statuses = new Set(scope.statuses);
  const inScope = institutions.filter(
    (i) =>
      (towns.size === 0 || towns.has(i.townId)) &&
      (types.size === 0 || types.has(i.type)) &&
      (statuses.size === 0 || statuses.has(i.status)) &&
      (scope.minRiskScore === null || (i.riskScore !== null && i.riskScore >= scope.minRiskScore)),
  );
  const windowDays = scope.excludeInspectedWithinDays;
  if (windowDays === null) return { inScope, eligible: inScope };
  const drawDay = chinaDayNumber(drawnAt);
  if (Number.isNaN(drawDay)) throw new AppError('VALIDATION', `抽取时间无法识别：${drawnAt}`);
  const eligible = inScope.filter((i) => {
    if (i.lastInspectedAt === null) return true;
    const day = chinaDayNumber(i.lastInspectedAt);
    if (Number.isNaN(day)) {
      throw new AppError('VALIDATION', `机构“${i.name}”的上次检查日期无法识别：${i.lastInspectedAt}`);
    }
    return drawDay - day >= windowDays;
  });
  return { inScope, eligible };
}

function requestedCount(params: DrawParams, eligible: number): number {
  if (params.selection.mode === 'count') return params.selection.count;
  const hundredths = Math.round(params.selection.percent * 100);
  return Math.ceil((eligible * hundredths) / 10_000);
}

function drawUniform(list: InstitutionCandidate[], k: number, rng: Prng): InstitutionCandidate[] {
  const a = [...list];
  for (let i = 0; i < k; i += 1) {
    const j = i + rng.nextInt(a.length - i);
    const tmp = a[i] as InstitutionCandidate;
    a[i] = a[j] as InstitutionCandidate;
    a[j] = tmp;
  }
  return a.slice(0, k);
}

/** The weight of an institution in a risk-weighted draw: 1 + its risk score, so unscored ones still count. */
export function riskWeight(institution: InstitutionCandidate): number {
  return 1 + Math.max(0, institution.riskScore ?? 0);
}

function drawWeighted(list: InstitutionCandidate[], k: number, rng: Prng): InstitutionCandidate[] {
  const keyed = list.map((institution, index) => {
    let u = rng.nextFloat();
    while (u === 0) u = rng.nextFloat();
    return { institution, index, key: Math.log(u) / riskWeight(institution) };
  });
  // Larger key first; equal keys (practically never) fall back to canonical order.
  keyed.sort((a, b) => (b.key !== a.key ? b.key - a.key : a.index - b.index));
  return keyed.slice(0, k).map((k2) => k2.institution);
}

function fewerCandidatesMessage(requested: number, sets: EligibleInstitutions): string {
  const recent = sets.inScope.length - sets.eligible.length;
  if (sets.eligible.length === 0) {
    return recent > 0
      ? `抽取范围内的 ${sets.inScope.length} 家机构都在排除期内检查过，没有可抽取的机构`
      : '抽取范围内没有符合条件的机构，请调整街镇、机构类型、状态或风险条件';
  }
  const detail = recent > 0 ? `（范围内共 ${sets.inScope.length} 家，其中 ${recent} 家在排除期内检查过）` : '';
  return `符合条件的机构只有 ${sets.eligible.length} 家${detail}，少于要抽取的 ${requested} 家`;
}

type Team = DrawResult['teams'][number];

interface TeamContext {
  pool: InspectorCandidate[];
  departments: string[];
  joint: boolean;
  teamSize: number;
  load: Map<string, number>;
  rng: Prng;
  labels: DrawLabels | undefined;
}

function isRecused(inspector: InspectorCandidate, institution: InstitutionCandidate): boolean {
  return (
    inspector.recusedInstitutionIds.includes(institution.id) || inspector.recusedTownIds.includes(institution.townId)
  );
}

function recusalNote(inspector: InspectorCandidate, institution: InstitutionCandidate): string {
  return inspector.recusedInstitutionIds.includes(institution.id)
    ? `${inspector.name}回避该机构`
    : `${inspector.name}回避所在街镇`;
}

/** Picks the least-loaded of `options` (non-empty), ties broken uniformly at random. */
function pickLeastLoaded(options: InspectorCandidate[], ctx: TeamContext): InspectorCandidate {
  const minLoad = Math.min(...options.map((o) => ctx.load.get(o.id) ?? 0));
  const least = options.filter((o) => (ctx.load.get(o.id) ?? 0) === minLoad);
  return least[ctx.rng.nextInt(least.length)] as InspectorCandidate;
}

/** Forms one team, or returns the Chinese reason why no valid team exists for this institution. */
function formTeam(institution: InstitutionCandidate, ctx: TeamContext): Team | string {
  const eligible = ctx.pool.filter((i) => !isRecused(i, institution));
  const civil = departmentName(CIVIL_AFFAIRS_DEPARTMENT, ctx.labels);
  if (!eligible.some((i) => i.departmentKey === CIVIL_AFFAIRS_DEPARTMENT)) {
    const recused = ctx.pool.filter((i) => i.departmentKey === CIVIL_AFFAIRS_DEPARTMENT);
    return `机构“${institution.name}”：${civil}检查人员均须回避（${recused
      .map((i) => recusalNote(i, institution))
      .join('、')}），没有可派的${civil}人员`;
  }
  if (eligible.length < ctx.teamSize) {
    const recused = ctx.pool.filter((i) => isRecused(i, institution));
    const detail =
      recused.length > 0 ? `（须回避：${recused.map((i) => recusalNote(i, institution)).join('、')}）` : '';
    return `机构“${institution.name}”：不须回避的检查人员只有 ${eligible.length} 名，每组需要 ${ctx.teamSize} 名${detail}`;
  }
  const members: InspectorCandidate[] = [];
  const shortfalls: Team['shortfalls'] = [];
  const required = ctx.joint ? ctx.departments : [CIVIL_AFFAIRS_DEPARTMENT];
  for (const department of required) {
    const options = eligible.filter((i) => i.departmentKey === department);
    if (options.length === 0) {
      const inRoster = ctx.pool.some((i) => i.departmentKey === department);
      shortfalls.push({ departmentKey: department, reason: inRoster ? 'all-recused' : 'none-in-roster' });
      continue;
    }
    members.push(pickLeastLoaded(options, ctx));
  }
  while (members.length < ctx.teamSize) {
    const options = eligible.filter((i) => !members.includes(i));
    members.push(pickLeastLoaded(options, ctx));
  }
  for (const m of members) ctx.load.set(m.id, (ctx.load.get(m.id) ?? 0) + 1);
  return { institutionId: institution.id, inspectorIds: members.map((m) => m.id), shortfalls };
}

/** The participating departments of a draw: 民政 first, then the others in key order, each once. */
export function participatingDepartments(params: DrawParams): string[] {
  return [
    CIVIL_AFFAIRS_DEPARTMENT,
    ...sortedUnique(params.departmentKeys.filter((k) => k !== CIVIL_AFFAIRS_DEPARTMENT)),
  ];
}

function computeResult(request: DrawRequest): DrawResult {
  const { params, seed, labels } = request;
  const candidates = canonicalCandidates(request.candidates);
  const sets = selectEligible(candidates.institutions, params, request.drawnAt);
  const requested = requestedCount(params, sets.eligible.length);
  if (sets.eligible.length === 0 || requested > sets.eligible.length) {
    throw new AppError('VALIDATION', fewerCandidatesMessage(requested, sets));
  }
  const departments = participatingDepartments(params);
  const pool = candidates.inspectors.filter((i) => departments.includes(i.departmentKey));
  if (!pool.some((i) => i.departmentKey === CIVIL_AFFAIRS_DEPARTMENT)) {
    const civil = departmentName(CIVIL_AFFAIRS_DEPARTMENT, labels);
    throw new AppError(
      'VALIDATION',
      `检查人员名册中没有在岗的${civil}检查人员，无法组成检查组（每组至少 1 名${civil}人员）`,
    );
  }
  if (pool.length < params.teamSize) {
    throw new AppError(
      'VALIDATION',
      `参与部门的在岗检查人员只有 ${pool.length} 名，每组需要 ${params.teamSize} 名，请补充名册或减少每组人数`,
    );
  }

  const institutionRng = createPrng(seed, 'institutions');
  const drawn = params.riskWeighted
    ? drawWeighted(sets.eligible, requested, institutionRng)
    : drawUniform(sets.eligible, requested, institutionRng);

  const ctx: TeamContext = {
    pool,
    departments,
    joint: params.joint,
    teamSize: params.teamSize,
    load: new Map(),
    rng: createPrng(seed, 'teams'),
    labels,
  };
  const teams: Team[] = [];
  const problems: Array<{ path: string; message: string }> = [];
  for (const institution of drawn) {
    const team = formTeam(institution, ctx);
    if (typeof team === 'string') problems.push({ path: `institution:${institution.id}`, message: team });
    else teams.push(team);
  }
  if (problems.length === 1) throw new AppError('VALIDATION', problems[0]?.message ?? '', problems);
  if (problems.length > 1) {
    const list = problems.map((p, i) => `${i + 1}. ${p.message}`).join('；');
    throw new AppError('VALIDATION', `有 ${problems.length} 家抽中机构无法组成检查组：${list}`, problems);
  }
  return {
    inScopeCount: sets.inScope.length,
    recentlyInspectedCount: sets.inScope.length - sets.eligible.length,
    eligibleCount: sets.eligible.length,
    requestedCount: requested,
    institutionIds: drawn.map((i) => i.id),
    teams,
  };
}

/**
 * Runs a draw and returns its record, or throws an {@link AppError} with a precise Chinese message when the
 * request cannot be met (and then produces nothing).
 */
export function runDraw(request: DrawRequest): DrawRecord {
  if (request.seed.length === 0) throw new AppError('VALIDATION', '抽取种子不能为空');
  return {
    algorithmVersion: DRAW_ALGORITHM_VERSION,
    seed: request.seed,
    drawnAt: request.drawnAt,
    params: request.params,
    candidateHash: candidateHash(request.candidates),
    result: computeResult(request),
  };
}

/** Chinese explanation of a joint team's missing department. */
export function describeShortfall(
  shortfall: DrawResult['teams'][number]['shortfalls'][number],
  labels?: DrawLabels,
): string {
  const name = departmentName(shortfall.departmentKey, labels);
  return shortfall.reason === 'none-in-roster'
    ? `名册中没有${name}的在岗检查人员，本组未含${name}人员`
    : `${name}的检查人员均须回避该机构或其所在街镇，本组未含${name}人员`;
}

function namer(candidates: DrawCandidates) {
  const institutions = new Map(candidates.institutions.map((i) => [i.id, i.name]));
  const inspectors = new Map(candidates.inspectors.map((i) => [i.id, i.name]));
  return {
    institution: (id: string | undefined) => (id === undefined ? '（无）' : `“${institutions.get(id) ?? id}”`),
    team: (ids: string[] | undefined) =>
      ids === undefined ? '（无）' : ids.map((id) => inspectors.get(id) ?? id).join('、'),
  };
}

function compareResults(recorded: DrawResult, rerun: DrawResult, candidates: DrawCandidates): string[] {
  const name = namer(candidates);
  const differences: string[] = [];
  const counts: Array<[keyof DrawResult & string, string]> = [
    ['inScopeCount', '范围内机构数'],
    ['recentlyInspectedCount', '排除期内已检查机构数'],
    ['eligibleCount', '可抽取机构数'],
    ['requestedCount', '应抽取家数'],
  ];
  for (const [key, label] of counts) {
    if (recorded[key] !== rerun[key])
      differences.push(`${label}不同：记录为 ${String(recorded[key])}，重算为 ${String(rerun[key])}`);
  }
  const n = Math.max(recorded.institutionIds.length, rerun.institutionIds.length);
  for (let i = 0; i < n; i += 1) {
    const a = recorded.institutionIds[i];
    const b = rerun.institutionIds[i];
    if (a !== b)
      differences.push(`第 ${i + 1} 家抽中机构不同：记录为${name.institution(a)}，重算为${name.institution(b)}`);
  }
  const rerunTeams = new Map(rerun.teams.map((t) => [t.institutionId, t]));
  for (const team of recorded.teams) {
    const other = rerunTeams.get(team.institutionId);
    if (!other) continue; // already reported as a different institution
    if (JSON.stringify(team.inspectorIds) !== JSON.stringify(other.inspectorIds)) {
      differences.push(
        `机构${name.institution(team.institutionId)}的检查组不同：记录为 ${name.team(team.inspectorIds)}，重算为 ${name.team(other.inspectorIds)}`,
      );
    }
    if (JSON.stringify(team.shortfalls) !== JSON.stringify(other.shortfalls)) {
      differences.push(`机构${name.institution(team.institutionId)}的缺员部门说明不同`);
    }
  }
  if (differences.length === 0 && JSON.stringify(recorded) !== JSON.stringify(rerun)) {
    differences.push('抽取结果与记录不一致');
  }
  return differences;
}

/**
 * Re-runs a recorded draw on the given candidate lists and reports whether the result is identical, or
 * exactly what differs — including when the candidate lists are not the ones the draw was made from.
 */
export function verifyDraw(record: DrawRecord, candidates: DrawCandidates, labels?: DrawLabels): DrawVerification {
  const currentHash = candidateHash(candidates);
  const report = (differences: string[]): DrawVerification => ({
    identical: differences.length === 0,
    candidateHashMatches: currentHash === record.candidateHash,
    recordedHash: record.candidateHash,
    currentHash,
    differences,
  });
  if (record.algorithmVersion !== DRAW_ALGORITHM_VERSION) {
    return report([
      `记录使用的抽取算法版本为 ${record.algorithmVersion}，本程序实现的是 ${DRAW_ALGORITHM_VERSION}，无法重算`,
    ]);
  }
  const differences: string[] = [];
  if (currentHash !== record.candidateHash) {
    differences.push(
      `候选名单自抽取后已变化（记录的哈希 ${record.candidateHash.slice(0, 12)}…，当前 ${currentHash.slice(0, 12)}…）`,
    );
  }
  let rerun: DrawResult;
  try {
    rerun = computeResult({ seed: record.seed, drawnAt: record.drawnAt, params: record.params, candidates, labels });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return report([...differences, `按记录重新抽取失败：${error.message}`]);
  }
  return report([...differences, ...compareResults(record.result, rerun, candidates)]);
}
