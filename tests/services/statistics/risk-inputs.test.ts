import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRiskInputs, riskInputsAsOf } from '../../../electron/services/institutions/risk-inputs';
import { UNKNOWN_RISK_INPUTS } from '../../../electron/services/institutions/risk';
import { createSignedInApp, type TestApp } from '../../support/services';
import { buildDataset, type Dataset } from './dataset';

// Today is 2026-03-02 in Shanghai (the test clock). See dataset.ts for the rows.
let app: TestApp;
let data: Dataset;

beforeEach(async () => {
  app = await createSignedInApp();
  const sqlite = app.registry.deps.sqlite;
  const admin = sqlite.prepare('SELECT id FROM users LIMIT 1').get() as { id: string };
  data = buildDataset(sqlite, admin.id);
});

afterEach(() => app.dispose());

describe('risk inputs from the inspection and hazard tables', () => {
  it('computes each input per institution, keeping "no data" apart from zero', () => {
    const { A, B, C, D, E } = data.institutions;
    const inputs = loadRiskInputs(app.registry.deps, [A, B, C, D, E]);
    // A: H3 open major; H1 and H3 overdue; last finished inspection I1 on 5 Jan (56 days);
    // F01 failed at I3 and again at I1 → one repeated finding (F05 only once at A).
    expect(inputs.get(A)).toEqual({
      openMajorHazards: 1,
      overdueHazards: 2,
      daysSinceLastInspection: 56,
      repeatedFindings: 1,
    });
    // B: H4 due today (not overdue), H5 closed; one finished inspection (10 Feb, 20 days): repeats unknown.
    expect(inputs.get(B)).toEqual({
      openMajorHazards: 0,
      overdueHazards: 0,
      daysSinceLastInspection: 20,
      repeatedFindings: null,
    });
    // C: hazards but only an inspection still in progress: hazard terms known, the others not.
    expect(inputs.get(C)).toEqual({
      openMajorHazards: 0,
      overdueHazards: 0,
      daysSinceLastInspection: null,
      repeatedFindings: null,
    });
    // D: H8 open major and overdue; I5 on 20 Jan (41 days).
    expect(inputs.get(D)).toEqual({
      openMajorHazards: 1,
      overdueHazards: 1,
      daysSinceLastInspection: 41,
      repeatedFindings: null,
    });
    // E: nothing recorded at all.
    expect(inputs.get(E)).toEqual(UNKNOWN_RISK_INPUTS);
  });

  it('counts overdue by the Shanghai calendar day', () => {
    const { A } = data.institutions;
    // H3 is due 1 March: on 1 March only H1 is overdue, from 2 March both are.
    expect(riskInputsAsOf(app.registry.deps.sqlite, [A], '2026-03-01').get(A)?.overdueHazards).toBe(1);
    expect(riskInputsAsOf(app.registry.deps.sqlite, [A], '2026-03-02').get(A)?.overdueHazards).toBe(2);
  });

  it('feeds the profile risk through institutions:get', async () => {
    const got = await app.call('institutions:get', { id: data.institutions.A });
    const term = (key: string) => got.risk.terms.find((t) => t.key === key);
    expect(term('openMajorHazards')).toMatchObject({ value: 1, points: 25, known: true });
    expect(term('overdueHazards')).toMatchObject({ value: 2, points: 20 });
    expect(term('daysSinceLastInspection')).toMatchObject({ value: 56, points: 0 });
    expect(term('repeatedFindings')).toMatchObject({ value: 1, points: 5 });
    expect(got.risk).toMatchObject({ score: 50, level: '高' });

    const unknown = await app.call('institutions:get', { id: data.institutions.E });
    expect(unknown.risk).toMatchObject({ score: null, level: '未评估' });
  });

  it('answers for many ids at once and for none', () => {
    const ids = Object.values(data.institutions);
    expect(loadRiskInputs(app.registry.deps, []).size).toBe(0);
    expect([...loadRiskInputs(app.registry.deps, [...ids, ...ids]).keys()].sort()).toEqual([...ids].sort());
  });
});
