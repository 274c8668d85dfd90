import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CIVIL_AFFAIRS_DEPARTMENT,
  type DrawCandidates,
  type DrawParams,
  type InspectorCandidate,
  type InstitutionCandidate,
} from '../../../electron/api';
import { AppError } from '../../../electron/services/errors';
import { participatingDepartments, runDraw, verifyDraw } from '../../../electron/services/plans/draw';
import { departmentNames, params, permute } from './draw-fixtures';

const TOWNS = ['t1', 't2', 't3'];
const DEPARTMENTS = [CIVIL_AFFAIRS_DEPARTMENT, 'fire', 'market', 'health'];
const DRAWN_AT = '2026-03-02T01:30:00.000Z';

/** A random scenario: institutions in a few towns, a roster with random departments and recusals, params. */
const scenario = fc
  .record({
    institutionTowns: fc.array(fc.constantFrom(...TOWNS), { minLength: 1, maxLength: 8 }),
    inspectors: fc.array(
      fc.record({
        // 民政 twice as likely as each other department, so that both outcomes are common.
        department: fc.constantFrom(CIVIL_AFFAIRS_DEPARTMENT, ...DEPARTMENTS),
        recuseInstitutions: fc.array(fc.nat({ max: 7 }), { maxLength: 2 }),
        recuseTowns: fc.subarray(TOWNS, { maxLength: 1 }),
      }),
      { maxLength: 12 },
    ),
    count: fc.integer({ min: 1, max: 8 }),
    askTooMany: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    teamSize: fc.integer({ min: 2, max: 4 }),
    joint: fc.boolean(),
    otherDepartments: fc.subarray(DEPARTMENTS.slice(1)),
    riskWeighted: fc.boolean(),
    risks: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 8, maxLength: 8 }),
    seed: fc.string({ minLength: 1, maxLength: 12 }),
  })
  .map((s) => {
    const institutions: InstitutionCandidate[] = s.institutionTowns.map((townId, i) => ({
      id: `inst-${i}`,
      name: `机构${i}`,
      townId,
      type: '民办',
      status: '运营',
      riskScore: s.risks[i] ?? null,
      lastInspectedAt: null,
    }));
    const inspectors: InspectorCandidate[] = s.inspectors.map((p, i) => ({
      id: `insp-${i}`,
      name: `人员${i}`,
      departmentKey: p.department,
      recusedInstitutionIds: p.recuseInstitutions.map((n) => `inst-${n}`),
      recusedTownIds: p.recuseTowns,
    }));
    const p: DrawParams = params({
      selection: {
        mode: 'count',
        count: s.askTooMany ? institutions.length + 1 : 1 + ((s.count - 1) % institutions.length),
      },
      teamSize: s.teamSize,
      joint: s.joint,
      departmentKeys: s.otherDepartments,
      riskWeighted: s.riskWeighted,
    });
    return { candidates: { institutions, inspectors } satisfies DrawCandidates, params: p, seed: s.seed };
  });

type Scenario = { candidates: DrawCandidates; params: DrawParams; seed: string };

/** An independent statement of the rules: who may serve on the team of `institution`. */
function eligibleFor(s: Scenario, institution: InstitutionCandidate): InspectorCandidate[] {
  const departments = participatingDepartments(s.params);
  return s.candidates.inspectors.filter(
    (i) =>
      departments.includes(i.departmentKey) &&
      !i.recusedInstitutionIds.includes(institution.id) &&
      !i.recusedTownIds.includes(institution.townId),
  );
}

function feasible(s: Scenario, institution: InstitutionCandidate): boolean {
  const eligible = eligibleFor(s, institution);
  return eligible.length >= s.params.teamSize && eligible.some((i) => i.departmentKey === CIVIL_AFFAIRS_DEPARTMENT);
}

describe('team and recusal rules hold for random rosters (fast-check)', () => {
  it('every team is valid, or the draw fails with a precise message about a truly impossible request', () => {
    let drawn = 0;
    let refused = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const byId = new Map(s.candidates.institutions.map((i) => [i.id, i]));
        const roster = new Map(s.candidates.inspectors.map((i) => [i.id, i]));
        const departments = participatingDepartments(s.params);
        let record;
        try {
          record = runDraw({
            seed: s.seed,
            drawnAt: DRAWN_AT,
            params: s.params,
            candidates: s.candidates,
            labels: { departmentNames },
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused += 1;
          expect(error.code).toBe('VALIDATION');
          const named = (error.issues ?? []).map((issue) => byId.get(issue.path.replace('institution:', '')));
          if (named.length > 0) {
            // Each institution the message names really cannot get a valid team, and is named by name.
            for (const institution of named) {
              expect(institution).toBeDefined();
              if (!institution) continue;
              expect(feasible(s, institution)).toBe(false);
              expect(error.message).toContain(`机构“${institution.name}”`);
            }
          } else {
            const pool = s.candidates.inspectors.filter((i) => departments.includes(i.departmentKey));
            const globalReason =
              s.params.selection.mode === 'count' && s.params.selection.count > s.candidates.institutions.length;
            const noCivil = !pool.some((i) => i.departmentKey === CIVIL_AFFAIRS_DEPARTMENT);
            expect(globalReason || noCivil || pool.length < s.params.teamSize).toBe(true);
          }
          return;
        }
        const { result } = record;
        drawn += 1;
        if (s.params.selection.mode === 'count') expect(result.institutionIds).toHaveLength(s.params.selection.count);
        expect(new Set(result.institutionIds).size).toBe(result.institutionIds.length);
        expect(result.teams.map((t) => t.institutionId)).toEqual(result.institutionIds);
        for (const team of result.teams) {
          const institution = byId.get(team.institutionId);
          expect(institution).toBeDefined();
          if (!institution) continue;
          const members = team.inspectorIds.map((id) => roster.get(id));
          expect(new Set(team.inspectorIds).size).toBe(team.inspectorIds.length);
          expect(team.inspectorIds.length).toBeGreaterThanOrEqual(s.params.teamSize);
          expect(members.some((m) => m?.departmentKey === CIVIL_AFFAIRS_DEPARTMENT)).toBe(true);
          for (const m of members) {
            expect(m).toBeDefined();
            expect(departments).toContain(m?.departmentKey);
            expect(m?.recusedInstitutionIds).not.toContain(institution.id);
            expect(m?.recusedTownIds).not.toContain(institution.townId);
          }
          if (!s.params.joint) {
            expect(team.shortfalls).toEqual([]);
            continue;
          }
          const eligible = eligibleFor(s, institution);
          for (const department of departments) {
            const present = members.some((m) => m?.departmentKey === department);
            const shortfall = team.shortfalls.find((x) => x.departmentKey === department);
            // Exactly one of: a member from the department, or a stated shortfall that is true.
            expect(present !== (shortfall !== undefined)).toBe(true);
            if (shortfall) {
              expect(eligible.some((i) => i.departmentKey === department)).toBe(false);
              const inRoster = s.candidates.inspectors.some((i) => i.departmentKey === department);
              expect(shortfall.reason).toBe(inRoster ? 'all-recused' : 'none-in-roster');
            }
          }
        }
        expect(verifyDraw(record, s.candidates).identical).toBe(true);
      }),
      { numRuns: 400, seed: 20260302 },
    );
    // The generator must exercise both outcomes, or the property would prove little.
    expect(drawn).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(40);
  });

  it('never depends on the order of the candidate lists', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (s, keys) => {
        const attempt = (c: DrawCandidates): unknown => {
          try {
            return runDraw({ seed: s.seed, drawnAt: DRAWN_AT, params: s.params, candidates: c });
          } catch (error) {
            if (error instanceof AppError) return error.message;
            throw error;
          }
        };
        const shuffled: DrawCandidates = {
          institutions: permute(s.candidates.institutions, keys),
          inspectors: permute(s.candidates.inspectors, [...keys].reverse()).map((i) => ({
            ...i,
            recusedInstitutionIds: [...i.recusedInstitutionIds].reverse(),
          })),
        };
        expect(attempt(shuffled)).toEqual(attempt(s.candidates));
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
