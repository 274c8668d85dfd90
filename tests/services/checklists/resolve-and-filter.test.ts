import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { institutionFeatureSchema, type InstitutionFeatures, type TemplateSnapshot } from '../../../electron/api';
import { resolveTemplateForInstitution } from '../../../electron/services/checklists/resolve';
import type { TestApp } from '../../support/services';
import { createChecklistApp } from './support';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

async function shipped(a: TestApp, name: string): Promise<{ versionId: string; snapshot: TemplateSnapshot }> {
  const t = (await a.call('checklists:list-templates', {})).find((x) => x.name === name);
  const versionId = t?.versions[0]?.id ?? '';
  return { versionId, snapshot: (await a.call('checklists:get-template-version', { versionId })).snapshot };
}

describe('resolveTemplateForInstitution', () => {
  it('switches the food section off without a canteen and gas on with LPG only', async () => {
    app = await createChecklistApp();
    const { snapshot, versionId } = await shipped(app, '服务质量监测');
    const none = resolveTemplateForInstitution(snapshot, {});
    expect(none.sections.map((s) => s.title)).not.toContain('食品安全');
    expect(none.excluded.map((s) => s.title)).toEqual([
      '医疗与药品（内设医疗机构）',
      '医疗与药品（医用氧气）',
      '食品安全',
    ]);
    const canteen = resolveTemplateForInstitution(snapshot, { hasCanteen: true });
    expect(canteen.sections.map((s) => s.title)).toContain('食品安全');
    expect(canteen.itemCount).toBe(none.itemCount + 11);
    // The channel answers the same as the pure function.
    expect(await app.call('checklists:preview-template', { versionId, features: { hasCanteen: true } })).toEqual(
      canteen,
    );

    const flight = (await shipped(app, '消防安全飞行检查')).snapshot;
    const lpg = resolveTemplateForInstitution(flight, { hasLpg: true });
    expect(lpg.sections.map((s) => s.title)).toContain('燃气安全');
    expect(resolveTemplateForInstitution(flight, { hasPipedGas: false }).excluded.map((s) => s.title)).toEqual([
      '燃气安全',
      '特种设备（电梯）',
    ]);
  });

  it('always keeps unconditional sections and partitions sections between applied and excluded', async () => {
    app = await createChecklistApp();
    const { snapshot } = await shipped(app, '多部门联合检查');
    const features = fc.dictionary(
      fc.constantFrom(...institutionFeatureSchema.options),
      fc.boolean(),
    ) as fc.Arbitrary<InstitutionFeatures>;
    fc.assert(
      fc.property(features, (f) => {
        const r = resolveTemplateForInstitution(snapshot, f);
        expect(r.sections.length + r.excluded.length).toBe(snapshot.sections.length);
        for (const s of snapshot.sections.filter((x) => x.appliesWhen.length === 0))
          expect(r.sections).toContainEqual(s);
        for (const s of r.excluded) expect(s.appliesWhen.some((k) => f[k] === true)).toBe(false);
      }),
    );
  });
});

describe('rule library filters', () => {
  it('finds the 2025 priorities, by department, category, mark, flag and text', async () => {
    app = await createChecklistApp();
    const a = app;
    const priority = await a.call('checklists:list-rule-items', { priority: 'any' });
    expect(priority.length).toBeGreaterThan(0);
    expect(priority.every((i) => i.priorities2025.length > 0)).toBe(true);
    expect((await a.call('checklists:list-rule-items', { priority: 'e-bike' })).map((i) => i.code)).toEqual([
      'E06',
      'E07',
      'E08',
    ]);
    expect((await a.call('checklists:list-rule-items', { priority: 'arc-fault' })).map((i) => i.code)).toEqual(['E05']);
    const gas = await a.call('checklists:list-rule-items', { category: 'gas', department: 'market' });
    expect(gas.map((i) => i.code)).toEqual(['G04', 'G05']);
    const yes = await a.call('checklists:list-rule-items', { majorFlag: 'yes', mark: 'V' });
    expect(yes.every((i) => i.majorHazard.flag === 'yes' && i.weakestMark === 'V')).toBe(true);
    expect((await a.call('checklists:list-rule-items', { query: '灭火器 压力' })).map((i) => i.code)).toContain('F20');
    expect((await a.call('checklists:list-rule-items', { query: 'f01' })).map((i) => i.code)).toEqual(['F01']);
  });
});
