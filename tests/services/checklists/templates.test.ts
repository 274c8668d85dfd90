import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateVersionDetail } from '../../../electron/api';
import type { TestApp } from '../../support/services';
import { createChecklistApp, signInAs } from './support';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

async function ruleId(a: TestApp, code: string): Promise<string> {
  const [item] = await a.call('checklists:list-rule-items', { query: code });
  if (!item || item.code !== code) throw new Error(`rule ${code} not found`);
  return item.id;
}

function codes(detail: TemplateVersionDetail): string[][] {
  return detail.snapshot.sections.map((s) => s.items.map((i) => i.code));
}

describe('template versions', () => {
  it('publishing freezes a version: later drafts and library edits leave its snapshot unchanged', async () => {
    app = await createChecklistApp();
    const a = app;
    const created = await a.call('checklists:create-template', { name: '燃气专项检查', kind: '消防安全飞行检查' });
    const v1 = created.versions[0];
    if (!v1) throw new Error('no draft');
    let draft = await a.call('checklists:get-template-version', { versionId: v1.id });
    const section = draft.snapshot.sections[0];
    if (!section) throw new Error('no section');

    const local = await a.call('checklists:create-local-item', {
      category: 'gas',
      textZh: '燃气报警器未每年检测',
      legalBasis: '本区燃气安全工作要求（2025）',
      departments: ['construction'],
      hintZh: '查看报警器检测标签和记录',
    });
    expect(local).toMatchObject({
      source: 'local',
      code: 'L001',
      weakestMark: 'U',
      marks: ['U'],
      majorHazard: { flag: 'unknown', clause: null },
    });

    draft = await a.call('checklists:add-items', {
      sectionId: section.key,
      ruleItemIds: [await ruleId(a, 'G01'), await ruleId(a, 'G02'), local.id, await ruleId(a, 'F20')],
    });
    expect(codes(draft)).toEqual([['G01', 'G02', 'L001', 'F20']]);
    const g02 = draft.snapshot.sections[0]?.items[1];
    if (!g02) throw new Error('no G02');
    draft = await a.call('checklists:move-item', { itemId: g02.key, direction: 'up' });
    expect(codes(draft)).toEqual([['G02', 'G01', 'L001', 'F20']]);
    draft = await a.call('checklists:update-item', {
      itemId: g02.key,
      hint: '查看厨房报警器和切断阀联动',
      required: false,
    });
    draft = await a.call('checklists:update-section', {
      sectionId: section.key,
      title: '燃气',
      appliesWhen: ['hasPipedGas', 'hasLpg'],
    });

    const published = await a.call('checklists:publish-template', { versionId: v1.id });
    expect(published.summary).toMatchObject({
      status: 'published',
      version: 1,
      publishedByName: '王管理',
      itemCount: 4,
    });
    const frozen = published.snapshot;
    expect(frozen.sections[0]?.items[0]).toMatchObject({
      code: 'G02',
      hint: '查看厨房报警器和切断阀联动',
      hintIsCustom: true,
      required: false,
    });
    expect(frozen.sections[0]?.items[3]).toMatchObject({ code: 'F20', answer: { extra: 'measurement', unit: 'MPa' } });

    // A published version refuses edits.
    const refused = await a.raw('checklists:add-section', { versionId: v1.id, title: '新分组' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Editing starts a new draft; change nearly everything in it, and in the library.
    const v2 = await a.call('checklists:new-draft', { fromVersionId: v1.id });
    expect(v2.summary).toMatchObject({ version: 2, status: 'draft', basedOnVersion: 1 });
    expect(codes(v2)).toEqual(codes(published));
    expect(v2.snapshot.sections[0]?.items[0]).toMatchObject({ hint: '查看厨房报警器和切断阀联动', hintIsCustom: true });
    const v2Section = v2.snapshot.sections[0];
    if (!v2Section) throw new Error('no section');
    await a.call('checklists:remove-item', { itemId: v2Section.items[3]?.key ?? '' });
    await a.call('checklists:update-item', {
      itemId: v2Section.items[0]?.key ?? '',
      hint: null,
      photoRequiredOnFail: false,
    });
    await a.call('checklists:update-section', { sectionId: v2Section.key, title: '燃气（修订）', appliesWhen: [] });
    await a.call('checklists:add-section', {
      versionId: v2.summary.id,
      title: '电动自行车',
      appliesWhen: ['hasEbikeParking'],
    });
    await a.call('checklists:update-local-item', {
      id: local.id,
      category: 'gas',
      textZh: '燃气报警器未按期检测（已改写）',
      legalBasis: '改写后的依据',
      mark: 'S',
      departments: ['construction', 'fire'],
      hintZh: '改写后的要点',
    });
    await a.call('checklists:rename-template', { id: created.id, name: '燃气专项检查（新名称）' });

    const again = await a.call('checklists:get-template-version', { versionId: v1.id });
    expect(again.snapshot).toEqual(frozen);
    expect(again.snapshot.name).toBe('燃气专项检查');
    expect(again.snapshot.sections[0]?.items[2]).toMatchObject({
      code: 'L001',
      textZh: '燃气报警器未每年检测',
      legalBasis: '本区燃气安全工作要求（2025）',
      weakestMark: 'U',
    });

    // Only one draft at a time.
    expect(await a.raw('checklists:new-draft', { fromVersionId: v1.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // Publishing v2 needs its empty section filled; then v2 has the new content, v1 still the old.
    expect(await a.raw('checklists:publish-template', { versionId: v2.summary.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('电动自行车') },
    });
    const v2Detail = await a.call('checklists:get-template-version', { versionId: v2.summary.id });
    const ebike = v2Detail.snapshot.sections[1];
    await a.call('checklists:add-items', { sectionId: ebike?.key ?? '', ruleItemIds: [await ruleId(a, 'E06')] });
    const v2Published = await a.call('checklists:publish-template', { versionId: v2.summary.id });
    expect(v2Published.snapshot.sections.map((s) => s.title)).toEqual(['燃气（修订）', '电动自行车']);
    expect(v2Published.snapshot.sections[0]?.items.find((i) => i.code === 'L001')?.textZh).toBe(
      '燃气报警器未按期检测（已改写）',
    );
    expect((await a.call('checklists:get-template-version', { versionId: v1.id })).snapshot).toEqual(frozen);

    const listed = (await a.call('checklists:list-templates', {})).find((t) => t.id === created.id);
    expect(listed?.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('the shipped templates can be revised without touching version 1', async () => {
    app = await createChecklistApp();
    const [flight] = await app.call('checklists:list-templates', {});
    const v1 = flight?.versions[0];
    if (!v1) throw new Error('no version');
    const before = await app.call('checklists:get-template-version', { versionId: v1.id });
    const draft = await app.call('checklists:new-draft', { fromVersionId: v1.id });
    for (const section of draft.snapshot.sections.slice(1))
      await app.call('checklists:remove-section', { sectionId: section.key });
    await app.call('checklists:publish-template', { versionId: draft.summary.id });
    const after = await app.call('checklists:get-template-version', { versionId: v1.id });
    expect(after).toEqual(before);
  });

  it('rejects a duplicate rule and a measurement without unit, changing nothing', async () => {
    app = await createChecklistApp();
    const created = await app.call('checklists:create-template', { name: '测试', kind: '服务质量监测' });
    const detail = await app.call('checklists:get-template-version', { versionId: created.versions[0]?.id ?? '' });
    const sectionId = detail.snapshot.sections[0]?.key ?? '';
    const q01 = await ruleId(app, 'Q01');
    await app.call('checklists:add-items', { sectionId, ruleItemIds: [q01] });
    const dup = await app.raw('checklists:add-items', { sectionId, ruleItemIds: [await ruleId(app, 'Q02'), q01] });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Q01') } });
    const now = await app.call('checklists:get-template-version', { versionId: created.versions[0]?.id ?? '' });
    expect(codes(now)).toEqual([['Q01']]);
    const itemId = now.snapshot.sections[0]?.items[0]?.key ?? '';
    const bad = await app.raw('checklists:update-item', { itemId, answerExtra: 'measurement' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ok = await app.call('checklists:update-item', { itemId, answerExtra: 'count' });
    expect(ok.snapshot.sections[0]?.items[0]?.answer).toEqual({ extra: 'count', unit: null, label: null });
  });

  it('seed rule items are read-only and only administrators edit templates', async () => {
    app = await createChecklistApp();
    const f01 = await ruleId(app, 'F01');
    const edit = await app.raw('checklists:update-local-item', {
      id: f01,
      category: 'fire',
      textZh: 'x',
      legalBasis: 'x',
      departments: ['fire'],
      hintZh: 'x',
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('F01') } });
    await signInAs(app, 'inspector');
    expect((await app.call('checklists:list-templates', {})).length).toBe(4);
    expect(await app.raw('checklists:create-template', { name: 'x', kind: '复查' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('discarding a never-published draft removes the template, audited', async () => {
    app = await createChecklistApp();
    const created = await app.call('checklists:create-template', { name: '临时', kind: '复查' });
    await app.call('checklists:discard-draft', { versionId: created.versions[0]?.id ?? '' });
    expect((await app.call('checklists:list-templates', {})).map((t) => t.name)).not.toContain('临时');
    const log = await app.call('audit:list', { entity: 'checklist-template', entityId: created.id });
    expect(log.map((r) => r.action).sort()).toEqual(['create', 'delete']);
  });
});
