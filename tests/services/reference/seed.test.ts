import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeed, parseCountLine, serializeSeedFile } from '../../../scripts/build-seed';
import { SEED_FILES, loadSeed, type ChecklistItem, type Mark } from '../../../electron/services/reference/seed-schema';

const root = path.resolve(__dirname, '..', '..', '..');
const domainDir = path.join(root, 'resources', 'domain');
const seedDir = path.join(root, 'resources', 'seed');
const regulationsMd = readFileSync(path.join(domainDir, 'regulations-and-checklist.md'), 'utf8');

const seed = loadSeed(seedDir);
const byId = (id: string): ChecklistItem => {
  const item = seed.checklistItems.find((i) => i.id === id);
  if (item === undefined) throw new Error(`no item ${id}`);
  return item;
};

describe('seed files', () => {
  it('validate against the schemas, cross-references included', () => {
    expect(() => loadSeed(seedDir)).not.toThrow();
  });

  it('are exactly what the extraction produces from resources/domain (no drift from the source)', () => {
    const rebuilt = buildSeed(domainDir);
    for (const key of Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>) {
      const committed = readFileSync(path.join(seedDir, SEED_FILES[key]), 'utf8');
      expect(committed, SEED_FILES[key]).toBe(serializeSeedFile(rebuilt[key]));
    }
  });

  it('keep the domain markdown unchanged from the shared research copy when that copy is present', () => {
    const shared = '/work/shared/domain/regulations-and-checklist.md';
    let original: string | null = null;
    try {
      original = readFileSync(shared, 'utf8');
    } catch {
      // The shared folder only exists on the build machine; the copy in resources/ is what ships.
    }
    if (original !== null) expect(regulationsMd).toBe(original);
  });
});

describe('checklist items', () => {
  const expectedCounts: Record<string, number> = {
    fire: 39,
    electric: 9,
    gas: 5,
    water: 3,
    food: 11,
    medicine: 6,
    'care-safety': 17,
    building: 5,
    'special-equipment': 8,
    'service-quality': 10,
    management: 7,
  };

  it('are 120 with unique ids', () => {
    expect(seed.checklistItems).toHaveLength(120);
    expect(new Set(seed.checklistItems.map((i) => i.id)).size).toBe(120);
  });

  it('match the category counts of the source count line', () => {
    const actual: Record<string, number> = {};
    for (const item of seed.checklistItems) actual[item.category] = (actual[item.category] ?? 0) + 1;
    expect(actual).toEqual(expectedCounts);
    expect(parseCountLine(regulationsMd)).toEqual({ counts: expectedCounts, total: 120 });
  });

  it('keep every verification mark of every legal basis', () => {
    // Counted straight from the markdown table, independently of the extraction code.
    const basisCells = regulationsMd
      .split('\n')
      .filter((l) => /^\| [A-Z]\d{2} \| /.test(l))
      .map((l) => l.split('|')[5] ?? '');
    expect(basisCells).toHaveLength(120);
    const tally = (texts: string[], mark: Mark): number =>
      texts.reduce((n, t) => n + (t.match(new RegExp(`\\[${mark}\\]`, 'g'))?.length ?? 0), 0);
    const json = seed.checklistItems.flatMap((i) => i.marks);
    const expected: Record<Mark, number> = { V: 67, P: 20, S: 67, U: 25 };
    for (const mark of ['V', 'P', 'S', 'U'] as const) {
      expect(tally(basisCells, mark), `[${mark}] in the table`).toBe(expected[mark]);
      expect(json.filter((m) => m === mark).length, `[${mark}] in the JSON`).toBe(expected[mark]);
    }
    for (const item of seed.checklistItems) {
      expect(item.legalBasis.match(/\[[VPSU]\]/g)?.map((m) => m[1])).toEqual(item.marks);
    }
  });

  it('take the weakest mark as U < S < P < V', () => {
    expect(byId('Q05').weakestMark).toBe('U'); // "[S] yanglao-regulator F1/F2; law [U]"
    expect(byId('C17').weakestMark).toBe('S'); // "[V]; 第三条 [S]"
    expect(byId('G01').weakestMark).toBe('P'); // "[P]; … [V]"
    expect(byId('F01').weakestMark).toBe('V');
  });

  it('pass hand-checked spot checks', () => {
    expect(byId('F05').majorHazard).toEqual({
      flag: 'yes',
      raw: 'YES',
      clause: '第四条(三)',
      clauseSource: 'legalBasis',
      note: null,
    });
    expect(byId('F01').departments).toEqual(['construction', 'fire']);
    expect(byId('F01').majorHazard).toMatchObject({ flag: 'possible', clause: '第四条(二)', clauseSource: 'cell' });
    expect(byId('N03')).toMatchObject({
      allDepartments: true,
      departmentsRaw: 'all',
      departments: ['fire', 'market', 'construction', 'civil-affairs', 'health'],
      majorHazard: { flag: 'yes', raw: 'YES (by definition)', clause: null, note: 'by definition' },
    });
    expect(byId('F06').majorHazard).toMatchObject({
      flag: 'yes',
      raw: 'YES (if 大量)',
      note: 'if 大量',
      clause: '第四条(三)',
    });
    expect(byId('S02').majorHazard).toMatchObject({ flag: 'possible', clause: null });
    expect(byId('G05').majorHazard).toMatchObject({ flag: 'possible', clause: '第四条(四)', clauseSource: 'cell' });
    expect(byId('F14').majorHazard).toMatchObject({ flag: 'unknown', clause: null });
    expect(byId('E08')).toMatchObject({
      departments: ['fire'],
      otherBodies: [{ nameZh: '城管执法', note: 'Shanghai' }],
    });
    expect(byId('C17')).toMatchObject({
      departments: ['civil-affairs'],
      departmentNotes: [{ department: 'civil-affairs', note: 'crimes: 公安' }],
      otherBodies: [{ nameZh: '公安', note: 'crimes' }],
    });
    expect(byId('G04')).toMatchObject({
      departments: ['construction', 'market'],
      departmentNotes: [{ department: 'construction', note: '燃气' }],
    });
    expect(byId('D01')).toMatchObject({
      textZh: '内设食堂未取得食品经营许可证',
      legalBasis: '判定标准 第五条(二) [P]; 食品安全法 第三十五条、第一百二十二条 [V]',
      marks: ['P', 'V'],
      majorHazard: { flag: 'yes', clause: '第五条(二)' },
      departments: ['market'],
    });
  });

  it('have major-hazard flags in the counts of the table', () => {
    const flags: Record<string, number> = {};
    for (const item of seed.checklistItems) flags[item.majorHazard.flag] = (flags[item.majorHazard.flag] ?? 0) + 1;
    expect(flags).toEqual({ yes: 9, possible: 26, unknown: 15, no: 70 });
  });

  it('keep derived values apart and follow the documented deadline rules', () => {
    for (const item of seed.checklistItems) {
      expect(item.derived.source).toBe('derived');
      if (item.majorHazard.flag === 'yes') expect(item.derived.deadlineClass, item.id).toBe('immediate');
    }
    expect(byId('F14').derived).toMatchObject({ deadlineClass: 'immediate', deadlineRule: 'on-the-spot' });
    expect(byId('F08').derived).toMatchObject({ deadlineClass: 'immediate', deadlineRule: 'on-the-spot' });
    expect(byId('F20').derived).toMatchObject({
      deadlineClass: 'short',
      measurement: { unit: 'MPa', label: '灭火器压力表读数' },
    });
    expect(byId('F26').derived).toMatchObject({
      deadlineClass: 'normal',
      deadlineRule: 'default-normal',
      measurement: null,
    });
    expect(byId('E05').derived.priorities2025).toEqual(['electricity', 'arc-fault']);
    expect(byId('E06').derived.priorities2025).toEqual(['electricity', 'e-bike']);
    const classes = seed.derivedRules.deadlineRules.map((r) => r.id);
    for (const item of seed.checklistItems) expect(classes).toContain(item.derived.deadlineRule);
  });
});

describe('major-hazard rule set (2023)', () => {
  const mh = seed.majorHazard;

  it('holds exactly the 7 criteria that were read and says 22 in total', () => {
    expect(mh.id).toBe('mca-2023');
    expect(mh.title).toBe('养老机构重大事故隐患判定标准');
    expect(mh.totalCriteria).toBe(22);
    expect(mh.criteria.map((c) => c.id)).toEqual(['MH-1', 'MH-2', 'MH-3', 'MH-4', 'MH-5', 'MH-6', 'MH-7']);
    expect(mh.criteria.map((c) => c.clause)).toEqual([
      '第四条(一)',
      '第四条(二)',
      '第四条(三)',
      '第四条(四)',
      '第五条(一)',
      '第五条(二)',
      '第五条(三)',
    ]);
    expect(mh.criteria.every((c) => c.mark === 'P')).toBe(true);
    expect(mh.missing).toMatchObject({
      retrievedCount: 7,
      missingCount: 15,
      mark: 'U',
      clausesZh: ['第五条(四)', '第六条', '第七条', '第八条'],
    });
  });

  it('records what is unknown as unknown', () => {
    expect(mh.docNumber).toBeNull();
    expect(mh.docNumberMark).toBe('U');
    expect(mh.issuer).toBe('民政部办公厅');
    expect(mh.noticeDate).toBe('2023-11-27');
    expect(mh.aspects).toHaveLength(5);
    expect(mh.generalTest.clause).toBe('第二条');
    expect(mh.successor).toMatchObject({ titleZh: '养老机构重大事故隐患判定准则', gbNumber: null, mark: 'U' });
  });

  it('leads MH-2 with fire and construction, MH-5 with health', () => {
    expect(mh.criteria[1]?.leadDepartments).toEqual(['fire', 'construction']);
    expect(mh.criteria[4]?.leadDepartments).toEqual(['health']);
  });

  it('covers every clause a checklist item cites', () => {
    const clauses = new Set(mh.criteria.map((c) => c.clause));
    for (const item of seed.checklistItems)
      if (item.majorHazard.clause !== null) expect(clauses.has(item.majorHazard.clause), item.id).toBe(true);
  });
});

describe('departments, towns and routing', () => {
  it('lists the six departments in order', () => {
    expect(seed.departments.map((d) => d.key)).toEqual([
      'civil-affairs',
      'fire',
      'market',
      'construction',
      'health',
      'development',
    ]);
    expect(seed.departments.map((d) => d.shortZh)).toEqual(['民政', '消防救援', '市场监管', '住建', '卫健', '发改']);
  });

  it('has the 36 Pudong towns: 12 街道 then 24 镇', () => {
    const { district, towns } = seed.towns;
    expect(district).toBe('浦东新区');
    expect(towns).toHaveLength(36);
    expect(towns.filter((t) => t.kind === '街道')).toHaveLength(12);
    expect(towns.filter((t) => t.kind === '镇')).toHaveLength(24);
    expect(towns[0]).toEqual({ code: 'PD-S01', name: '潍坊新村街道', kind: '街道', order: 1 });
    expect(towns[11]).toEqual({ code: 'PD-S12', name: '花木街道', kind: '街道', order: 12 });
    expect(towns[12]).toEqual({ code: 'PD-T01', name: '川沙新镇', kind: '镇', order: 13 });
    expect(towns[35]).toEqual({ code: 'PD-T24', name: '南汇新城镇', kind: '镇', order: 36 });
  });

  it('routes by the section 5.5 table with its marks', () => {
    const { rows, categoryDefaults } = seed.routing;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ leadDepartments: ['fire'], marks: ['V', 'V', 'V'] });
    expect(rows[3]).toMatchObject({ leadDepartments: ['construction'], alsoDepartments: ['fire', 'market'] });
    expect(rows[9]).toMatchObject({ leadDepartments: [], leadOtherBodies: ['城管执法'] });
    expect(categoryDefaults.map((d) => d.category).sort()).toEqual(
      Object.keys(Object.fromEntries(seed.checklistItems.map((i) => [i.category, true]))).sort(),
    );
    expect(categoryDefaults.every((d) => d.source === 'derived')).toBe(true);
  });
});
