import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LAW_ALIASES,
  lawFileForSource,
  parseLegalBasis,
  resolveCitation,
  type Citation,
} from '../../../electron/services/laws/citations';
import { loadLawLibrary } from '../../../electron/services/laws/law-library';

const root = path.resolve(__dirname, '..', '..', '..');
const library = loadLawLibrary(path.join(root, 'resources', 'laws'));

const FIRE = '消防法(2021-04-29).md';
const SH_FIRE = '上海市消防条例(2020-03-19).md';
const EBIKE = '上海市非机动车安全管理条例(2024-05-10).md';
const ELDERLY = '老年人权益保障法(2018-12-29).md';
const FOOD = '食品安全法(2021-04-29).md';
const WORK_SAFETY = '安全生产法(2021-06-10).md';

/** A citation with every field spelled out; the overrides carry what the case is about. */
function cite(raw: string, fields: Partial<Citation>): Citation {
  return {
    raw,
    source: null,
    lawFile: null,
    kind: 'unspecified',
    articleNumber: null,
    insertSuffix: null,
    articleKey: null,
    articleLabel: null,
    paragraph: null,
    item: null,
    locator: null,
    note: null,
    mark: null,
    ...fields,
  };
}

function article(number: number, label: string): Partial<Citation> {
  return { articleNumber: number, insertSuffix: 0, articleKey: String(number), articleLabel: label };
}

describe('parseLegalBasis', () => {
  it('splits several articles of one law', () => {
    const raw = '消防法 第十三条、第五十八条 [V]';
    const law = { source: '消防法', lawFile: FIRE, kind: 'law', mark: 'V' } as const;
    expect(parseLegalBasis(raw)).toEqual([
      cite(raw, { ...law, ...article(13, '第十三条') }),
      cite(raw, { ...law, ...article(58, '第五十八条') }),
    ]);
  });

  it('reads items, normalised to full width, across two segments and two laws', () => {
    const s1 = '消防法 第二十八条、第六十条(三) [V]';
    const s2 = '上海消防条例 第四十三条 [V]';
    expect(parseLegalBasis(`${s1}; ${s2}`)).toEqual([
      cite(s1, { source: '消防法', lawFile: FIRE, kind: 'law', mark: 'V', ...article(28, '第二十八条') }),
      cite(s1, { source: '消防法', lawFile: FIRE, kind: 'law', mark: 'V', ...article(60, '第六十条'), item: '（三）' }),
      cite(s2, { source: '上海消防条例', lawFile: SH_FIRE, kind: 'law', mark: 'V', ...article(43, '第四十三条') }),
    ]);
  });

  it('keeps a notice section as a locator, not an article', () => {
    const raw = '民发〔2023〕37号 二 [P]';
    expect(parseLegalBasis(raw)).toEqual([
      cite(raw, { source: '民发〔2023〕37号', kind: 'document', locator: '二', mark: 'P' }),
    ]);
    expect(parseLegalBasis('消防法 第十八条 [V]; 民发〔2023〕37号 一(三) [P]')[1]).toMatchObject({
      locator: '一(三)',
      articleNumber: null,
    });
  });

  it('lets a segment without a document name continue the previous one, each with its own mark', () => {
    expect(parseLegalBasis('GB 50016 8.4.1 注 [P]; 8.4.1 条文说明 [S]')).toEqual([
      cite('GB 50016 8.4.1 注 [P]', { source: 'GB 50016', kind: 'document', locator: '8.4.1 注', mark: 'P' }),
      cite('8.4.1 条文说明 [S]', { source: 'GB 50016', kind: 'document', locator: '8.4.1 条文说明', mark: 'S' }),
    ]);
    expect(parseLegalBasis('老年人权益保障法 第四十八条 [V]; 第三条 [S]')).toEqual([
      cite('老年人权益保障法 第四十八条 [V]', {
        source: '老年人权益保障法',
        lawFile: ELDERLY,
        kind: 'law',
        mark: 'V',
        ...article(48, '第四十八条'),
      }),
      cite('第三条 [S]', {
        source: '老年人权益保障法',
        lawFile: ELDERLY,
        kind: 'law',
        mark: 'S',
        ...article(3, '第三条'),
      }),
    ]);
  });

  it('never invents an article: 安全生产法 (article [U]) has none, and its mark comes from the parenthesis', () => {
    expect(parseLegalBasis('安全生产法 (article [U]); yanglao-regulator E2 [S]')).toEqual([
      cite('安全生产法 (article [U])', {
        source: '安全生产法',
        lawFile: WORK_SAFETY,
        kind: 'law',
        note: '(article [U])',
        mark: 'U',
      }),
      cite('yanglao-regulator E2 [S]', { source: 'yanglao-regulator', kind: 'document', locator: 'E2', mark: 'S' }),
    ]);
  });

  it('reads an article of a document outside the library (判定标准 第四条(三))', () => {
    const raw = '判定标准 第四条(三) [P]';
    expect(parseLegalBasis(raw)).toEqual([
      cite(raw, { source: '判定标准', kind: 'document', ...article(4, '第四条'), item: '（三）', mark: 'P' }),
    ]);
  });

  it('reads 第X款 and keeps quoted or parenthesised remarks as notes', () => {
    expect(parseLegalBasis('上海消防条例 第三十九条第二款 "鼓励" [V]')[0]).toMatchObject({
      lawFile: SH_FIRE,
      articleKey: '39',
      paragraph: 2,
      item: null,
      note: '"鼓励"',
      mark: 'V',
    });
    expect(
      parseLegalBasis('上海非机动车条例 第二十九条第一款、第四十四条第一款 [V]').map((c) => [
        c.lawFile,
        c.articleKey,
        c.paragraph,
      ]),
    ).toEqual([
      [EBIKE, '29', 1],
      [EBIKE, '44', 1],
    ]);
    expect(parseLegalBasis('特种设备安全法 第二条 (气瓶) [V]; detail [U]')).toEqual([
      cite('特种设备安全法 第二条 (气瓶) [V]', {
        source: '特种设备安全法',
        lawFile: '特种设备安全法(2013-06-29).md',
        kind: 'law',
        ...article(2, '第二条'),
        note: '(气瓶)',
        mark: 'V',
      }),
      cite('detail [U]', { source: 'detail', kind: 'remark', mark: 'U' }),
    ]);
    expect(parseLegalBasis('消防法 第二十八条 [V] (停用消防设施)')[0]).toMatchObject({
      articleKey: '28',
      note: '(停用消防设施)',
      mark: 'V',
    });
    expect(parseLegalBasis('食品安全法 第三十三条(九) (food use) [V]')[0]).toMatchObject({
      item: '（九）',
      note: '(food use)',
    });
  });

  it('expands several items of one article into one citation each', () => {
    expect(
      parseLegalBasis('食品安全法 第三十三条(一)(二)(四) [V]').map((c) => [c.lawFile, c.articleKey, c.item, c.mark]),
    ).toEqual([
      [FOOD, '33', '（一）', 'V'],
      [FOOD, '33', '（二）', 'V'],
      [FOOD, '33', '（四）', 'V'],
    ]);
    expect(
      parseLegalBasis('安全生产法 第四十一条、第一百零一条(五) [V]').map((c) => [c.articleKey, c.articleLabel, c.item]),
    ).toEqual([
      ['41', '第四十一条', null],
      ['101', '第一百零一条', '（五）'],
    ]);
    expect(parseLegalBasis('食品安全法 第三十三条(三)、第一百二十六条(十二) [V]')[1]).toMatchObject({
      articleKey: '126',
      item: '（十二）',
    });
  });

  it('handles a leading mark, remarks, bare marks and cross-references', () => {
    expect(parseLegalBasis('[S] yanglao-regulator C4; law [U]')).toEqual([
      cite('[S] yanglao-regulator C4', { source: 'yanglao-regulator', kind: 'document', locator: 'C4', mark: 'S' }),
      cite('law [U]', { source: 'law', kind: 'remark', mark: 'U' }),
    ]);
    expect(parseLegalBasis('[U]')).toEqual([cite('[U]', { mark: 'U' })]);
    expect(parseLegalBasis('local rules [S]; [U]')).toEqual([
      cite('local rules [S]', { source: 'local rules', kind: 'remark', mark: 'S' }),
      cite('[U]', { mark: 'U' }),
    ]);
    expect(parseLegalBasis('see D01, M01, S03; practice [S]')).toEqual([
      cite('see D01, M01, S03', { source: 'see D01, M01, S03', kind: 'cross-reference' }),
      cite('practice [S]', { source: 'practice', kind: 'remark', mark: 'S' }),
    ]);
    // A number-led remark is not a clause of the previous document.
    expect(parseLegalBasis('老年人权益保障法 第四十三条 [V]; 10-working-day rule [S]')[1]).toEqual(
      cite('10-working-day rule [S]', { source: '10-working-day rule', kind: 'remark', mark: 'S' }),
    );
  });

  it('prefers the mark outside parentheses and keeps names that contain parentheses', () => {
    expect(parseLegalBasis('GB 50016 8.3.4 [S] (2018 wording [U])')).toEqual([
      cite('GB 50016 8.3.4 [S] (2018 wording [U])', {
        source: 'GB 50016',
        kind: 'document',
        locator: '8.3.4',
        note: '(2018 wording [U])',
        mark: 'S',
      }),
    ]);
    expect(parseLegalBasis('GB 50016 (clause no. [U]); summary at 233.com [S]').map((c) => [c.source, c.mark])).toEqual(
      [
        ['GB 50016', 'U'],
        ['summary at 233.com', 'S'],
      ],
    );
    expect(parseLegalBasis('上海消防条例 第五十四条第二款 [V]; 微型消防站建设标准(试行) [S]')[1]).toEqual(
      cite('微型消防站建设标准(试行) [S]', { source: '微型消防站建设标准(试行)', kind: 'document', mark: 'S' }),
    );
    expect(parseLegalBasis('GB/T 40248 (GA 654) 7.8 [S]')).toEqual([
      cite('GB/T 40248 (GA 654) 7.8 [S]', {
        source: 'GB/T 40248',
        kind: 'document',
        locator: '7.8',
        note: '(GA 654)',
        mark: 'S',
      }),
    ]);
    expect(parseLegalBasis('GB 50016 5.4.4B、5.3.1A [S]').map((c) => c.locator)).toEqual(['5.4.4B', '5.3.1A']);
    expect(parseLegalBasis('GB 50016 8.2.1(3) [S]')[0]?.locator).toBe('8.2.1(3)');
  });

  it('reads inserted articles and full-width punctuation', () => {
    expect(parseLegalBasis('《中华人民共和国消防法》第四十一条之一（二）[V]')).toEqual([
      cite('《中华人民共和国消防法》第四十一条之一（二）[V]', {
        source: '消防法',
        lawFile: FIRE,
        kind: 'law',
        articleNumber: 41,
        insertSuffix: 1,
        articleKey: '41-1',
        articleLabel: '第四十一条之一',
        item: '（二）',
        mark: 'V',
      }),
    ]);
    expect(parseLegalBasis('消防法 第十六条(二)；上海消防条例 第四十五条 [V]').map((c) => c.lawFile)).toEqual([
      FIRE,
      SH_FIRE,
    ]);
  });
});

describe('alias table', () => {
  it('maps every alias to a file in the library, and every library file has an alias', () => {
    const files = new Set(library.laws.map((l) => l.fileName));
    for (const [alias, file] of Object.entries(LAW_ALIASES)) expect(files.has(file), `${alias} → ${file}`).toBe(true);
    expect(new Set(Object.values(LAW_ALIASES))).toEqual(files);
  });

  it('matches names exactly, never by prefix', () => {
    expect(lawFileForSource('食品安全法')).toBe(FOOD);
    expect(lawFileForSource('食品安全法实施条例')).toBe('食品安全法实施条例(2019-10-11).md');
    expect(lawFileForSource('中华人民共和国食品安全法')).toBe(FOOD);
    expect(lawFileForSource('上海市实施《中华人民共和国食品安全法》办法')).toBe('上海市实施《食品安全法》办法.md');
    expect(lawFileForSource('城镇燃气管理条例')).toBe('城镇燃气管理条例(2016-02-06).md');
    expect(lawFileForSource('上海市燃气管理条例')).toBe('上海市燃气管理条例.md');
    expect(lawFileForSource('上海市非机动车安全管理条例')).toBe(EBIKE);
    expect(lawFileForSource('特种设备安全监督检查办法')).toBe('特种设备安全监督检查办法(2022-05-26).md');
    expect(lawFileForSource('养老机构管理办法')).toBeNull();
    expect(lawFileForSource('判定标准')).toBeNull();
    expect(lawFileForSource('消防')).toBeNull();
    expect(parseLegalBasis('食品安全法实施条例 第三条 [V]')[0]).toMatchObject({
      source: '食品安全法实施条例',
      lawFile: '食品安全法实施条例(2019-10-11).md',
    });
  });
});

describe('resolveCitation', () => {
  it('returns the article, and the cited item or 款', () => {
    const [a28, a60] = parseLegalBasis('消防法 第二十八条、第六十条(三) [V]');
    const r28 = a28 && resolveCitation(a28, library);
    expect(r28?.ok && r28.article.label).toBe('第二十八条');
    expect(r28?.ok && r28.article.text).toContain('不得占用、堵塞、封闭疏散通道');
    const r60 = a60 && resolveCitation(a60, library);
    expect(r60?.ok && r60.itemEntry?.text).toBe('占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为的；');
    const [k] = parseLegalBasis('上海消防条例 第四十六条第三款 [V]');
    const rk = k && resolveCitation(k, library);
    expect(rk?.ok && rk.paragraphText).toContain('敬老院、养老院');
    expect(rk?.ok && rk.partMissing).toBe(false);
  });

  it('gives a reason when there is no text to show', () => {
    const reason = (s: string): string | undefined => {
      const c = parseLegalBasis(s)[0];
      const r = c && resolveCitation(c, library);
      return r && !r.ok ? r.reason : undefined;
    };
    expect(reason('判定标准 第四条(三) [P]')).toBe('not-in-library');
    expect(reason('GB 50016 8.4.1 注 [P]')).toBe('not-in-library');
    expect(reason('养老机构管理办法 第二十八条 [S]')).toBe('not-in-library');
    expect(reason('[U]')).toBe('not-in-library');
    expect(reason('安全生产法 (article [U])')).toBe('no-article-given');
    expect(reason('消防法 第七十五条 [V]')).toBe('article-missing');
    expect(reason('消防法 第二十八条之一 [V]')).toBe('article-missing');
  });

  it('flags a cited item or 款 the article does not have', () => {
    const [c] = parseLegalBasis('消防法 第二十八条(三) [V]');
    const r = c && resolveCitation(c, library);
    expect(r?.ok && r.partMissing).toBe(true);
    expect(r?.ok && r.itemEntry).toBeNull();
  });
});

interface ChecklistRow {
  id: string;
  legalBasis: string;
}

/** The seed file when present; otherwise the legal-basis column of the checklist table it is generated from. */
function checklistRows(): ChecklistRow[] {
  const seed = path.join(root, 'resources', 'seed', 'checklist-items.json');
  if (fs.existsSync(seed)) {
    const parsed: unknown = JSON.parse(fs.readFileSync(seed, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error('checklist-items.json is not an array');
    return parsed.map((row: unknown) => {
      const r = row as Partial<ChecklistRow>;
      if (typeof r.id !== 'string' || typeof r.legalBasis !== 'string')
        throw new Error('checklist item without id/legalBasis');
      return { id: r.id, legalBasis: r.legalBasis };
    });
  }
  const md = fs.readFileSync(path.join(root, 'resources', 'domain', 'regulations-and-checklist.md'), 'utf8');
  return md
    .split('\n')
    .filter((l) => /^\| [A-Z]\d{2} \|/.test(l))
    .map((l) => {
      const cells = l.split(' | ');
      return { id: (cells[0] ?? '').replace(/^\|\s*/, ''), legalBasis: cells[4] ?? '' };
    });
}

describe('the 120 checklist legal-basis strings', () => {
  const rows = checklistRows();
  const all = rows.flatMap((row) => parseLegalBasis(row.legalBasis).map((c) => ({ id: row.id, c })));

  it('are all present and each yields at least one citation with a mark', () => {
    expect(rows).toHaveLength(120);
    for (const row of rows) expect(parseLegalBasis(row.legalBasis).length, row.id).toBeGreaterThan(0);
    // The only segment without a mark is N07's pointer to other items.
    expect(all.filter(({ c }) => c.mark === null).map(({ id, c }) => `${id} ${c.raw}`)).toEqual([
      'N07 see D01, M01, S03',
    ]);
  });

  it('resolve to an existing article (and item/款) whenever a library law and an article are given', () => {
    const cited = all.filter(({ c }) => c.lawFile !== null && c.articleKey !== null);
    const problems = cited.flatMap(({ id, c }) => {
      const r = resolveCitation(c, library);
      if (!r.ok) return [`${id} ${c.source} ${c.articleLabel}: ${r.reason}`];
      if (r.partMissing)
        return [
          `${id} ${c.source} ${c.articleLabel}${c.paragraph ? `第${c.paragraph}款` : ''}${c.item ?? ''}: 款/项不存在`,
        ];
      return [];
    });
    expect(problems).toEqual([]);
    expect(cited.length).toBe(92);
  });

  it('map only the expected documents to the library', () => {
    const sources = new Map<string, string | null>();
    for (const { c } of all) if (c.kind === 'law' || c.kind === 'document') sources.set(c.source ?? '', c.lawFile);
    expect(Object.fromEntries([...sources].filter(([, f]) => f !== null))).toEqual({
      消防法: FIRE,
      上海消防条例: SH_FIRE,
      上海非机动车条例: EBIKE,
      特种设备安全法: '特种设备安全法(2013-06-29).md',
      特种设备安全监督检查办法: '特种设备安全监督检查办法(2022-05-26).md',
      食品安全法: FOOD,
      食品生产经营监督检查管理办法: '食品生产经营监督检查管理办法(2021-12-24).md',
      老年人权益保障法: ELDERLY,
      安全生产法: WORK_SAFETY,
    });
    expect(
      [...sources]
        .filter(([, f]) => f === null)
        .map(([s]) => s)
        .sort(),
    ).toEqual(
      [
        '民发〔2023〕37号',
        'GB 50016',
        '判定标准',
        'GB 50974',
        'GB 50140',
        '61号令',
        '十项规定',
        '养老机构管理办法',
        '微型消防站建设标准(试行)',
        'GB/T 40248',
        'GB 38600',
        'MZ/T 185-2021',
        '餐饮服务食品安全操作规范',
        'yanglao-regulator',
        '医疗废物管理条例',
        'MZ/T 132-2019',
        'JGJ 450-2018',
        '养老设施建筑设计规范',
        'JGJ 450',
        'GB/T 35796',
      ].sort(),
    );
  });
});
