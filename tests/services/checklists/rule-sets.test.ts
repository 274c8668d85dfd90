import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/services';
import { createChecklistApp, signInAs } from './support';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

describe('major-hazard rule sets', () => {
  it('adds the missing criteria in a revision draft and publishes it without changing mca-2023', async () => {
    app = await createChecklistApp();
    const [mca] = await app.call('checklists:list-rule-sets', {});
    if (!mca) throw new Error('no rule set');
    const refused = await app.raw('checklists:add-criterion', {
      ruleSetId: mca.id,
      clause: '第六条(一)',
      textZh: '未建立安全管理制度',
      mark: 'V',
      sourceNote: '民政部官网原文',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const draft = await app.call('checklists:new-rule-set-draft', { fromId: mca.id, version: 'mca-2023-r1' });
    expect(draft).toMatchObject({ status: 'draft', basedOnVersion: 'mca-2023', isCurrent: false });
    const added = await app.call('checklists:add-criterion', {
      ruleSetId: draft.id,
      clause: '第六条(一)',
      textZh: '未建立安全管理制度',
      mark: 'V',
      sourceNote: '民政部官网原文',
      leadDepartments: ['civil-affairs'],
    });
    expect(added.criteria.at(-1)).toMatchObject({
      code: 'MH-8',
      clause: '第六条(一)',
      mark: 'V',
      origin: 'local',
      sourceNote: '民政部官网原文',
    });
    expect(
      await app.raw('checklists:add-criterion', {
        ruleSetId: draft.id,
        clause: '第六条(一)',
        textZh: 'x',
        mark: 'U',
        sourceNote: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const published = await app.call('checklists:publish-rule-set', { id: draft.id });
    expect(published).toMatchObject({ status: 'published', isCurrent: true, publishedByName: '王管理' });
    const sets = await app.call('checklists:list-rule-sets', {});
    const old = sets.find((s) => s.version === 'mca-2023');
    expect(old?.criteria).toEqual(mca.criteria);
    expect(old?.isCurrent).toBe(false);
  });

  it('imports a newer rule set all or nothing, with precise errors', async () => {
    app = await createChecklistApp();
    const [mca] = await app.call('checklists:list-rule-sets', {});
    const exported = JSON.parse((await app.call('checklists:export-rule-set', { id: mca?.id ?? '' })).json) as Record<
      string,
      unknown
    >;
    const national = {
      ...exported,
      version: 'gb-2026',
      title: '养老机构重大事故隐患判定准则',
      issuer: '国家市场监督管理总局',
      mark: 'V',
    };
    const bad = { ...national, criteria: [{ code: 'A-1', textZh: '情形一', mark: 'X' }] };
    const result = await app.raw('checklists:import-rule-set', { json: JSON.stringify(bad) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('位置 criteria[0].mark') },
    });
    expect(await app.call('checklists:list-rule-sets', {})).toHaveLength(1);
    const dup = await app.raw('checklists:import-rule-set', {
      json: JSON.stringify({ ...national, version: 'mca-2023' }),
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const loaded = await app.call('checklists:import-rule-set', { json: JSON.stringify(national) });
    expect(loaded).toMatchObject({ version: 'gb-2026', status: 'published', isCurrent: true });
    expect(loaded.criteria.map((c) => c.origin)).toEqual(Array(7).fill('import'));
    const sets = await app.call('checklists:list-rule-sets', {});
    expect(sets.find((s) => s.version === 'mca-2023')?.criteria).toEqual(mca?.criteria);
  });

  it('viewers read rule sets but cannot change them', async () => {
    app = await createChecklistApp();
    await signInAs(app, 'viewer');
    const [mca] = await app.call('checklists:list-rule-sets', {});
    expect(mca?.criteria).toHaveLength(7);
    expect(await app.raw('checklists:new-rule-set-draft', { fromId: mca?.id ?? '', version: 'x-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
