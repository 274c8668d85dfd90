import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getArticle, getLaw, loadLawLibrary, searchArticles } from '../../../electron/services/laws/law-library';
import { LawParseError } from '../../../electron/services/laws/parse-law';

const lawsDir = path.resolve(__dirname, '..', '..', '..', 'resources', 'laws');
const library = loadLawLibrary(lawsDir);

describe('loadLawLibrary', () => {
  it('parses the 16 laws and skips README.md', () => {
    expect(library.laws).toHaveLength(16);
    expect(library.laws.some((l) => l.fileName === 'README.md')).toBe(false);
  });

  it('finds a law by file name, full title, short title and dateless file name', () => {
    const byFile = getLaw(library, '消防法(2021-04-29).md');
    expect(byFile?.title).toBe('中华人民共和国消防法');
    expect(getLaw(library, '中华人民共和国消防法')).toBe(byFile);
    expect(getLaw(library, '消防法')).toBe(byFile);
    expect(getLaw(library, '上海市消防条例')?.fileName).toBe('上海市消防条例(2020-03-19).md');
    expect(getLaw(library, '食品安全法')?.fileName).toBe('食品安全法(2021-04-29).md');
    expect(getLaw(library, '食品安全法实施条例')?.fileName).toBe('食品安全法实施条例(2019-10-11).md');
    expect(getLaw(library, '上海市燃气管理条例.md')?.versionDate).toBeNull();
    expect(getLaw(library, '养老机构管理办法')).toBeUndefined();
  });

  it('finds an article by key', () => {
    expect(getArticle(library, '消防法', '28')?.label).toBe('第二十八条');
    expect(getArticle(library, '安全生产法(2021-06-10).md', '102')?.label).toBe('第一百零二条');
    expect(getArticle(library, '消防法', '75')).toBeUndefined();
    expect(getArticle(library, '不存在的法', '1')).toBeUndefined();
  });

  it('fails loudly on a malformed file instead of skipping it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'laws-'));
    try {
      fs.writeFileSync(path.join(dir, 'README.md'), '# not a law\n');
      fs.writeFileSync(path.join(dir, '坏条例.md'), '# 坏条例\n\n第一条 甲。\n');
      expect(() => loadLawLibrary(dir)).toThrow(LawParseError);
      expect(() => loadLawLibrary(dir)).toThrow('法规文件《坏条例.md》');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('searchArticles', () => {
  it('finds 电动自行车 in 上海市非机动车安全管理条例 with offsets pointing at the phrase', () => {
    const hits = searchArticles(library, '电动自行车', 500);
    expect(hits.length).toBeGreaterThan(10);
    expect(new Set(hits.map((h) => h.law.fileName))).toEqual(new Set(['上海市非机动车安全管理条例(2024-05-10).md']));
    for (const h of hits) {
      expect(h.matches.length).toBeGreaterThan(0);
      for (const m of h.matches) expect(h.article.text.slice(m.start, m.end)).toBe('电动自行车');
    }
    const a29 = hits.find((h) => h.article.key === '29');
    expect(a29?.matches.length).toBeGreaterThan(1);
  });

  it('returns 消防法 第二十八条 among the hits for 疏散通道', () => {
    const hits = searchArticles(library, '疏散通道', 500);
    const labels = hits.map((h) => `${h.law.title} ${h.article.label}`);
    expect(labels).toContain('中华人民共和国消防法 第二十八条');
    expect(labels).toContain('上海市消防条例 第四十三条');
  });

  it('honours the limit, ignores surrounding blanks and returns nothing for an empty query', () => {
    expect(searchArticles(library, '消防', 5)).toHaveLength(5);
    expect(searchArticles(library, '  疏散通道  ', 500).length).toBe(searchArticles(library, '疏散通道', 500).length);
    expect(searchArticles(library, '   ')).toEqual([]);
    expect(searchArticles(library, '完全不存在的短语ZZZ')).toEqual([]);
  });

  it('reports every non-overlapping occurrence in order', () => {
    const hit = searchArticles(library, '消防', 500).find(
      (h) => h.law.fileName === '消防法(2021-04-29).md' && h.article.key === '16',
    );
    const text = hit?.article.text ?? '';
    const expected = text.split('消防').length - 1;
    expect(hit?.matches).toHaveLength(expected);
    const starts = hit?.matches.map((m) => m.start) ?? [];
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('is fast enough to run on every keystroke', () => {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) searchArticles(library, i % 2 === 0 ? '疏散通道' : '养老机构', 50);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
