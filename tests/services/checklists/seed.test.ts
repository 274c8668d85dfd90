import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  institutionFeatureSchema,
  majorFlagSchema,
  priorityTagSchema,
  ruleCategorySchema,
  ruleDepartmentSchema,
  ruleMarkSchema,
} from '../../../electron/api';
import { seedChecklists } from '../../../electron/services/checklists/seed';
import {
  categorySchema,
  checklistDepartmentSchema,
  checklistItemsSchema,
  majorHazardFlagSchema,
  markSchema,
  priorityTagSchema as seedPriorityTagSchema,
} from '../../../electron/services/reference/seed-schema';
import { createTestApp, repoRoot, type TestApp } from '../../support/services';
import { createChecklistApp } from './support';

const seedFile = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'resources', 'seed', 'checklist-items.json'), 'utf8'),
) as unknown;
const seedItems = checklistItemsSchema.parse(seedFile);

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

describe('checklist seed', () => {
  it('keeps the contract enums equal to the seed schema', () => {
    expect(ruleMarkSchema.options).toEqual(markSchema.options);
    expect(ruleCategorySchema.options).toEqual(categorySchema.options);
    expect(ruleDepartmentSchema.options).toEqual(checklistDepartmentSchema.options);
    expect(majorFlagSchema.options).toEqual(majorHazardFlagSchema.options);
    expect(priorityTagSchema.options).toEqual(seedPriorityTagSchema.options);
    expect(institutionFeatureSchema.options).toEqual([
      'hasCanteen',
      'hasClinic',
      'hasLifts',
      'hasPipedGas',
      'hasLpg',
      'hasOxygen',
      'hasEbikeParking',
    ]);
  });

  it('loads all 120 rule items with every field and mark exactly as in the seed file', async () => {
    app = await createChecklistApp();
    const items = await app.call('checklists:list-rule-items', {});
    expect(items).toHaveLength(120);
    expect(items.map((i) => i.code)).toEqual(seedItems.map((s) => s.id));
    const byCode = new Map(items.map((i) => [i.code, i]));
    for (const s of seedItems) {
      const item = byCode.get(s.id);
      expect(item, s.id).toBeDefined();
      expect(item).toMatchObject({
        source: 'seed',
        category: s.category,
        textZh: s.textZh,
        glossEn: s.glossEn,
        legalBasis: s.legalBasis,
        marks: s.marks,
        weakestMark: s.weakestMark,
        majorHazard: s.majorHazard,
        departments: s.departments,
        allDepartments: s.allDepartments,
        departmentsRaw: s.departmentsRaw,
        departmentNotes: s.departmentNotes,
        otherBodies: s.otherBodies,
        deadlineClass: s.derived.deadlineClass,
        deadlineRule: s.derived.deadlineRule,
        measurement: s.derived.measurement,
        photoRequiredOnFail: s.derived.photoRequiredOnFail,
        priorities2025: s.derived.priorities2025,
        hintZh: s.derived.hintZh,
      });
    }
    // The mark distribution of the research table survives the trip into the database.
    const tally = (list: string[]) =>
      list.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    expect(tally(items.map((i) => i.weakestMark))).toEqual(tally(seedItems.map((s) => s.weakestMark)));
  });

  it('loads the 2023 standard as rule set mca-2023 with its 7 criteria and the 15 missing', async () => {
    app = await createChecklistApp();
    const sets = await app.call('checklists:list-rule-sets', {});
    expect(sets).toHaveLength(1);
    const [mca] = sets;
    expect(mca).toMatchObject({
      version: 'mca-2023',
      status: 'published',
      isCurrent: true,
      totalCriteria: 22,
      missing: { retrievedCount: 7, missingCount: 15 },
    });
    expect(mca?.criteria.map((c) => [c.code, c.clause, c.mark])).toEqual([
      ['MH-1', '第四条(一)', 'P'],
      ['MH-2', '第四条(二)', 'P'],
      ['MH-3', '第四条(三)', 'P'],
      ['MH-4', '第四条(四)', 'P'],
      ['MH-5', '第五条(一)', 'P'],
      ['MH-6', '第五条(二)', 'P'],
      ['MH-7', '第五条(三)', 'P'],
    ]);
  });

  it('ships four published templates built from the library, each with version 1', async () => {
    app = await createChecklistApp();
    const templates = await app.call('checklists:list-templates', {});
    expect(templates.map((t) => [t.name, t.isReinspection, t.versions.map((v) => [v.version, v.status])])).toEqual([
      ['消防安全飞行检查', false, [[1, 'published']]],
      ['服务质量监测', false, [[1, 'published']]],
      ['多部门联合检查', false, [[1, 'published']]],
      ['复查', true, [[1, 'published']]],
    ]);
    const detail = async (name: string) => {
      const t = templates.find((x) => x.name === name);
      if (!t?.versions[0]) throw new Error(name);
      return (await app!.call('checklists:get-template-version', { versionId: t.versions[0].id })).snapshot;
    };
    const categories = (snap: Awaited<ReturnType<typeof detail>>) =>
      new Set(snap.sections.flatMap((s) => s.items.map((i) => i.category)));

    const flight = await detail('消防安全飞行检查');
    expect(categories(flight)).toEqual(new Set(['fire', 'electric', 'gas', 'water', 'building', 'special-equipment']));
    const gas = flight.sections.find((s) => s.title === '燃气安全');
    expect(gas?.appliesWhen).toEqual(['hasPipedGas', 'hasLpg']);
    expect(flight.sections.find((s) => s.title === '特种设备（电梯）')?.items.map((i) => i.code)).toEqual([
      'S02',
      'S03',
      'S04',
    ]);

    const service = await detail('服务质量监测');
    expect(categories(service)).toEqual(new Set(['service-quality', 'care-safety', 'medicine', 'food', 'management']));
    expect(service.sections.find((s) => s.title === '食品安全')?.appliesWhen).toEqual(['hasCanteen']);

    const joint = await detail('多部门联合检查');
    const jointCodes = joint.sections.flatMap((s) => s.items.map((i) => i.code));
    expect(jointCodes).toHaveLength(120);
    expect(new Set(jointCodes).size).toBe(120);
    expect(joint.sections[0]?.title).toBe('消防救援机构');

    const recheck = await detail('复查');
    expect(recheck.isReinspection).toBe(true);
    expect(recheck.sections).toHaveLength(1);
    expect(recheck.sections[0]?.items).toEqual([]);

    // Items carry the library's derived settings: F20 asks for the extinguisher pressure in MPa.
    const f20 = flight.sections.flatMap((s) => s.items).find((i) => i.code === 'F20');
    expect(f20?.answer).toEqual({ extra: 'measurement', unit: 'MPa', label: '灭火器压力表读数' });
  });

  it('is seeded on first start, audited as the system, and fills only empty tables (a second run changes nothing)', async () => {
    app = createTestApp();
    // startServices already ran the seed on this fresh database; running it again must add nothing.
    expect(seedChecklists(app.registry.deps)).toEqual({ ruleItems: 0, ruleSets: 0, templates: 0 });
    const counts = app.database.sqlite
      .prepare('SELECT (SELECT count(*) FROM rule_items) AS items, (SELECT count(*) FROM checklist_templates) AS templates')
      .get();
    expect(counts).toEqual({ items: 120, templates: 4 });
    await app.call('auth:setup-admin', {
      username: 'admin',
      password: 'Admin#2026',
      displayName: '王管理',
      departmentKey: 'civil-affairs',
    });
    const log = await app.call('audit:list', { entity: 'rule-item', limit: 500 });
    expect(log.length).toBe(120);
    expect(new Set(log.map((r) => r.actorName))).toEqual(new Set(['系统']));
    const published = await app.call('audit:list', { entity: 'checklist-template-version' });
    expect(published.filter((r) => r.action === 'publish')).toHaveLength(4);
  });
});
