import {
  drawParamsSchema,
  type DrawCandidates,
  type DrawParams,
  type DrawParamsInput,
  type InspectorCandidate,
  type InstitutionCandidate,
} from '../../../electron/api';

/** Department names as seeded, for readable messages in tests. */
export const departmentNames: Record<string, string> = {
  'civil-affairs': '民政',
  fire: '消防救援',
  market: '市场监管',
  health: '卫健',
};

/** Draw params with every default applied, as a record keeps them. */
export function params(input: Partial<DrawParamsInput> = {}): DrawParams {
  return drawParamsSchema.parse({ scope: {}, selection: { mode: 'count', count: 1 }, ...input });
}

/** An institution candidate with neutral defaults. */
export function institution(id: string, over: Partial<InstitutionCandidate> = {}): InstitutionCandidate {
  return {
    id,
    name: `机构${id}`,
    townId: 'town-a',
    type: '民办',
    status: '运营',
    riskScore: null,
    lastInspectedAt: null,
    ...over,
  };
}

/** An inspector candidate with no recusals. */
export function inspector(
  id: string,
  departmentKey: string,
  over: Partial<InspectorCandidate> = {},
): InspectorCandidate {
  return { id, name: `人员${id}`, departmentKey, recusedInstitutionIds: [], recusedTownIds: [], ...over };
}

/** `n` institutions i00..i(n-1) in town-a. */
export function institutions(n: number): InstitutionCandidate[] {
  return Array.from({ length: n }, (_, i) => institution(`i${String(i).padStart(2, '0')}`));
}

/** A simple roster: `civil` 民政 inspectors c0.. and `fire` 消防 inspectors f0... */
export function roster(civil: number, fire = 0): InspectorCandidate[] {
  return [
    ...Array.from({ length: civil }, (_, i) => inspector(`c${i}`, 'civil-affairs')),
    ...Array.from({ length: fire }, (_, i) => inspector(`f${i}`, 'fire')),
  ];
}

/** Candidate lists from parts. */
export function candidates(inst: InstitutionCandidate[], insp: InspectorCandidate[]): DrawCandidates {
  return { institutions: inst, inspectors: insp };
}

/** A copy of `list` in a different order, decided by `keys` (a deterministic permutation). */
export function permute<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}
