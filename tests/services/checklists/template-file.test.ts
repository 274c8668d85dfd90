import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/services';
import { createChecklistApp } from './support';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

/** Everything an import could touch, to prove a refused file wrote nothing. */
async function state(a: TestApp) {
  return {
    templates: await a.call('checklists:list-templates', {}),
    rules: (await a.call('checklists:list-rule-items', {})).length,
    audit: (await a.call('audit:list', { limit: 500 })).length,
  };
}

const goodFile = {
  format: 'careinspect-checklist-template',
  formatVersion: 1,
  name: '导入的燃气检查',
  kind: '消防安全飞行检查',
  sections: [
    {
      title: '燃气',
      appliesWhen: ['hasPipedGas', 'hasLpg'],
      items: [
        { ruleCode: 'G01', photoRequiredOnFail: true },
        { ruleCode: 'L001', photoRequiredOnFail: false, hint: '看报警器标签' },
      ],
    },
  ],
  localRules: [
    {
      code: 'L001',
      category: 'gas',
      textZh: '燃气报警器未每年检测',
      legalBasis: '本区要求',
      mark: 'U',
      majorFlag: 'unknown',
      departments: ['construction'],
      deadlineClass: 'short',
      hintZh: '查看检测记录',
    },
  ],
};

describe('template import and export', () => {
  it('round-trips a shipped template through its JSON file', async () => {
    app = await createChecklistApp();
    const [flight] = await app.call('checklists:list-templates', {});
    const v1 = flight?.versions[0];
    if (!v1) throw new Error('no version');
    const exported = await app.call('checklists:export-template', { versionId: v1.id });
    expect(exported.fileName).toBe('检查表模板-消防安全飞行检查-v1.json');
    const imported = await app.call('checklists:import-template', { json: exported.json });
    expect(imported.versions.map((v) => [v.version, v.status])).toEqual([[1, 'draft']]);
    const original = await app.call('checklists:get-template-version', { versionId: v1.id });
    const copy = await app.call('checklists:get-template-version', { versionId: imported.versions[0]?.id ?? '' });
    const shape = (s: typeof original.snapshot) =>
      s.sections.map((x) => ({
        title: x.title,
        when: x.appliesWhen,
        items: x.items.map((i) => [i.code, i.answer, i.photoRequiredOnFail, i.hint]),
      }));
    expect(shape(copy.snapshot)).toEqual(shape(original.snapshot));
  });

  it('imports local rules with the file, and exports them again', async () => {
    app = await createChecklistApp();
    const imported = await app.call('checklists:import-template', { json: JSON.stringify(goodFile) });
    const detail = await app.call('checklists:get-template-version', { versionId: imported.versions[0]?.id ?? '' });
    expect(detail.snapshot.sections[0]?.items.map((i) => [i.code, i.source, i.hint])).toEqual([
      ['G01', 'seed', expect.any(String)],
      ['L001', 'local', '看报警器标签'],
    ]);
    const exported = JSON.parse(
      (await app.call('checklists:export-template', { versionId: detail.summary.id })).json,
    ) as typeof goodFile;
    expect(exported.localRules[0]).toMatchObject({
      code: 'L001',
      textZh: '燃气报警器未每年检测',
      legalBasis: '本区要求',
    });
    // Importing the same file again reuses the identical local rule instead of duplicating it.
    await app.call('checklists:import-template', { json: JSON.stringify(goodFile) });
    expect(await app.call('checklists:list-rule-items', { source: 'local' })).toHaveLength(1);
  });

  const badCases: Array<[string, unknown, string, RegExp]> = [
    [
      'a wrong type deep inside',
      { ...goodFile, sections: [{ ...goodFile.sections[0], items: [{ ruleCode: 'G01', photoRequiredOnFail: '是' }] }] },
      'sections[0].items[0].photoRequiredOnFail',
      /boolean/,
    ],
    [
      'an unknown rule code',
      { ...goodFile, sections: [{ title: '燃气', items: [{ ruleCode: 'Z99', photoRequiredOnFail: true }] }] },
      'sections[0].items[0].ruleCode',
      /Z99 不在规则库中/,
    ],
    [
      'an unknown feature',
      { ...goodFile, sections: [{ ...goodFile.sections[0], appliesWhen: ['hasPool'] }] },
      'sections[0].appliesWhen[0]',
      /./,
    ],
    ['a bad kind', { ...goodFile, kind: '随便检查' }, 'kind', /./],
    ['an unexpected field', { ...goodFile, extra: 1 }, '（根）', /extra/],
    [
      'a duplicate item',
      {
        ...goodFile,
        sections: [
          { title: 'a', items: [{ ruleCode: 'G01', photoRequiredOnFail: true }] },
          { title: 'b', items: [{ ruleCode: 'G01', photoRequiredOnFail: true }] },
        ],
      },
      'sections[1].items[0].ruleCode',
      /重复/,
    ],
    [
      'a measurement without unit',
      {
        ...goodFile,
        localRules: [],
        sections: [{ title: 'a', items: [{ ruleCode: 'F20', photoRequiredOnFail: true, answerExtra: 'measurement' }] }],
      },
      'sections[0].items[0].measurementUnit',
      /计量单位/,
    ],
  ];

  for (const [what, file, where, message] of badCases) {
    it(`rejects ${what} naming ${where}, and imports nothing`, async () => {
      app = await createChecklistApp();
      const before = await state(app);
      const result = await app.raw('checklists:import-template', { json: JSON.stringify(file) });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain('模板文件校验失败，未导入任何内容');
      expect(result.error.message).toContain(`位置 ${where}：`);
      expect(result.error.issues?.find((i) => i.path === where)?.message).toMatch(message);
      expect(await state(app)).toEqual(before);
    });
  }

  it('rejects text that is not JSON, and a file whose second section fails after a valid first', async () => {
    app = await createChecklistApp();
    const before = await state(app);
    const notJson = await app.raw('checklists:import-template', {
      json: '{"format": "careinspect-checklist-template",',
    });
    expect(notJson).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('不是合法的 JSON') },
    });
    const partlyGood = {
      ...goodFile,
      sections: [goodFile.sections[0], { title: '坏分组', items: [{ ruleCode: 'NOPE', photoRequiredOnFail: true }] }],
    };
    const result = await app.raw('checklists:import-template', { json: JSON.stringify(partlyGood) });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('位置 sections[1].items[0].ruleCode') },
    });
    expect(await state(app)).toEqual(before);
  });
});
