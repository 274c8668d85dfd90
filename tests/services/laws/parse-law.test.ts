import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromChineseNumeral } from '../../../electron/services/laws/chinese-numerals';
import { LawParseError, parseLaw, type ParsedLaw } from '../../../electron/services/laws/parse-law';

const lawsDir = path.resolve(__dirname, '..', '..', '..', 'resources', 'laws');
const sourceDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'domain', 'laws');

function readLaw(fileName: string): ParsedLaw {
  return parseLaw(fs.readFileSync(path.join(lawsDir, fileName), 'utf8'), fileName);
}

/** Expected per file: [articles, last article number, chapters, version date]; no file has 之一 articles. */
const EXPECTED: Record<string, [number, number, number, string | null]> = {
  '上海市安全生产条例(2018-05-24).md': [73, 73, 7, '2018-05-24'],
  '上海市实施《食品安全法》办法.md': [62, 62, 6, null],
  '上海市消防条例(2020-03-19).md': [77, 77, 7, '2020-03-19'],
  '上海市燃气管理条例.md': [53, 53, 9, null],
  '上海市老年人权益保障条例(2016-01-29).md': [64, 64, 9, '2016-01-29'],
  '上海市非机动车安全管理条例(2024-05-10).md': [50, 50, 7, '2024-05-10'],
  '城镇燃气管理条例(2016-02-06).md': [55, 55, 8, '2016-02-06'],
  '安全生产法(2021-06-10).md': [119, 119, 7, '2021-06-10'],
  '消防法(2021-04-29).md': [74, 74, 7, '2021-04-29'],
  '特种设备安全法(2013-06-29).md': [101, 101, 7, '2013-06-29'],
  '特种设备安全监督检查办法(2022-05-26).md': [40, 40, 5, '2022-05-26'],
  '老年人权益保障法(2018-12-29).md': [85, 85, 9, '2018-12-29'],
  '行政处罚法(2021-01-22).md': [86, 86, 8, '2021-01-22'],
  '食品安全法(2021-04-29).md': [154, 154, 10, '2021-04-29'],
  '食品安全法实施条例(2019-10-11).md': [86, 86, 10, '2019-10-11'],
  '食品生产经营监督检查管理办法(2021-12-24).md': [55, 55, 7, '2021-12-24'],
};

describe('resources/laws', () => {
  const files = fs.readdirSync(lawsDir).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it('holds the 16 law files and README.md, byte-identical to the shared sources', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of [...files, 'README.md']) {
      if (!fs.existsSync(path.join(sourceDir, f))) continue; // the shared folder is not part of a checkout
      expect(fs.readFileSync(path.join(lawsDir, f)).equals(fs.readFileSync(path.join(sourceDir, f))), f).toBe(true);
    }
  });

  describe.each(Object.entries(EXPECTED))('%s', (fileName, [count, lastNumber, chapterCount, versionDate]) => {
    const law = readLaw(fileName);

    it('has as many articles as its last article number plus inserted (之一) articles', () => {
      // Independent of the parser: the last line of the raw file that starts with a 第X条 label.
      const raw = fs.readFileSync(path.join(lawsDir, fileName), 'utf8');
      const labels = [...raw.matchAll(/^第([〇零一二两三四五六七八九十百千]+)条(之[一二三四五六七八九十]+)?\s/gm)];
      const lastRaw = labels[labels.length - 1];
      expect(fromChineseNumeral(lastRaw?.[1] ?? '')).toBe(lastNumber);
      const inserted = law.articles.filter((a) => a.insertSuffix > 0).length;
      expect(law.articles).toHaveLength(count);
      expect(law.articles.length).toBe(lastNumber + inserted);
      expect(law.articles[law.articles.length - 1]?.number).toBe(lastNumber);
    });

    it('numbers articles contiguously with unique keys', () => {
      const ordinary = law.articles.filter((a) => a.insertSuffix === 0).map((a) => a.number);
      expect(ordinary).toEqual(Array.from({ length: lastNumber }, (_, i) => i + 1));
      expect(new Set(law.articles.map((a) => a.key)).size).toBe(law.articles.length);
    });

    it('reads chapters, version date and non-empty article texts', () => {
      expect(law.chapters).toHaveLength(chapterCount);
      expect(law.chapters[0]).toMatchObject({ label: '第一章', number: 1, title: '总则' });
      expect(law.versionDate).toBe(versionDate);
      expect(law.title).not.toBe('');
      for (const a of law.articles) {
        expect(a.text.trim(), a.label).not.toBe('');
        expect(a.text.startsWith(a.label), `${a.label} keeps its label`).toBe(false);
        expect(a.chapter, a.label).not.toBeNull();
      }
    });
  });
});

describe('parseLaw on the real texts', () => {
  it('reads 消防法 第二十八条 without its label, with chapter and items of 第十六条', () => {
    const law = readLaw('消防法(2021-04-29).md');
    expect(law.title).toBe('中华人民共和国消防法');
    expect(law.history).toHaveLength(4);
    const a28 = law.articles.find((a) => a.key === '28');
    expect(a28).toMatchObject({
      number: 28,
      insertSuffix: 0,
      label: '第二十八条',
      chapter: { label: '第二章', title: '火灾预防' },
      section: null,
    });
    expect(a28?.text.startsWith('任何单位、个人不得损坏、挪用')).toBe(true);
    const a16 = law.articles.find((a) => a.key === '16');
    expect(a16?.items.map((i) => i.label)).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
      '（六）',
      '（七）',
    ]);
    expect(a16?.items[3]).toMatchObject({ number: 4, paragraph: 1 });
    expect(a16?.items[3]?.text.startsWith('保障疏散通道')).toBe(true);
    expect(a16?.clauses).toEqual([
      '机关、团体、企业、事业等单位应当履行下列消防安全职责：',
      '单位的主要负责人是本单位的消防安全责任人。',
    ]);
    expect(a16?.text.split('\n')).toHaveLength(9);
  });

  it('keeps cross-references such as 违反本条例第十八条第一款 inside their article', () => {
    const law = readLaw('上海市消防条例(2020-03-19).md');
    const holder = law.articles.find((a) => a.text.includes('违反本条例第十八条第一款第三项规定'));
    expect(holder?.number).toBeGreaterThan(18);
    expect(law.articles.filter((a) => a.number === 18)).toHaveLength(1);
  });

  it('classifies headings by 章/节, not by # depth (上海市实施《食品安全法》办法 uses ### for chapters)', () => {
    const law = readLaw('上海市实施《食品安全法》办法.md');
    expect(law.chapters[2]).toMatchObject({
      label: '第三章',
      title: '食品生产加工小作坊和食品摊贩',
      sections: [
        { label: '第一节', title: '食品生产加工小作坊' },
        { label: '第二节', title: '食品摊贩' },
      ],
    });
    const a26 = law.articles.find((a) => a.key === '26');
    expect(a26?.chapter?.label).toBe('第三章');
    expect(a26?.section).toMatchObject({ label: '第一节', title: '食品生产加工小作坊' });
    expect(law.versionDate).toBeNull();
    expect(law.versionDateSource).toBeNull();
  });

  it('assigns sections and resets them at the next chapter (特种设备安全法)', () => {
    const law = readLaw('特种设备安全法(2013-06-29).md');
    expect(law.articles.find((a) => a.key === '32')?.section).toMatchObject({ label: '第四节', title: '使用' });
    const firstOfChapter3 = law.articles.find((a) => a.chapter?.label === '第三章');
    expect(firstOfChapter3?.section).toBeNull();
    expect(law.chapters[1]?.title).toBe('生产、经营、使用');
  });

  it('ignores zero-width blank lines (上海市非机动车安全管理条例)', () => {
    const law = readLaw('上海市非机动车安全管理条例(2024-05-10).md');
    expect(law.articles.every((a) => !a.text.includes('\u200B'))).toBe(true);
    expect(law.chapters[0]?.title).toBe('总则');
  });

  it('attaches a paragraph that explains an item to that item, not to a new 款 (上海市燃气管理条例 第五十二条)', () => {
    const a52 = readLaw('上海市燃气管理条例.md').articles.find((a) => a.key === '52');
    expect(a52?.clauses).toEqual(['本条例中有关用语的含义：']);
    expect(a52?.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(a52?.items[1]?.text).toContain('\n燃气设施的改动，是指');
  });
});

const HEAD = '# 测试条例\n\n2020年1月2日 某某会议通过\n\n<!-- INFO END -->\n\n## 第一章 总 则\n\n';

function parseError(markdown: string, fileName = '测试条例(2020-01-02).md'): LawParseError {
  try {
    parseLaw(markdown, fileName);
  } catch (e) {
    if (e instanceof LawParseError) return e;
    throw e;
  }
  throw new Error('expected a LawParseError');
}

describe('parseLaw on synthetic input', () => {
  it('starts an article only where a paragraph begins with the label followed by a space', () => {
    const law = parseLaw(
      `${HEAD}第一条 总则。\n\n第二条 依照本法第二十八条的规定处理。\n\n第三条规定的情形除外。\n\n第三条\u3000全角空格也可以。\n`,
      'x.md',
    );
    expect(law.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条']);
    expect(law.articles[1]?.text).toBe('依照本法第二十八条的规定处理。\n第三条规定的情形除外。');
    expect(law.articles[2]?.text).toBe('全角空格也可以。');
  });

  it('parses inserted articles (之一, 之二) with stable keys and counts them', () => {
    const law = parseLaw(`${HEAD}第一条 甲。\n\n第一条之一 乙。\n\n第一条之二 丙。\n\n第二条 丁。\n`, 'x.md');
    expect(law.articles.map((a) => [a.key, a.label, a.number, a.insertSuffix])).toEqual([
      ['1', '第一条', 1, 0],
      ['1-1', '第一条之一', 1, 1],
      ['1-2', '第一条之二', 1, 2],
      ['2', '第二条', 2, 0],
    ]);
    const inserted = law.articles.filter((a) => a.insertSuffix > 0).length;
    expect(law.articles.length).toBe(2 + inserted);
  });

  it('parses items, normalising half-width parentheses', () => {
    const law = parseLaw(`${HEAD}第一条 有下列情形之一的：\n\n(一)甲；\n\n（二） 乙。\n\n前款规定外。\n`, 'x.md');
    expect(law.articles[0]?.items).toEqual([
      { label: '（一）', number: 1, text: '甲；', paragraph: 1 },
      { label: '（二）', number: 2, text: '乙。', paragraph: 1 },
    ]);
    expect(law.articles[0]?.clauses).toEqual(['有下列情形之一的：', '前款规定外。']);
  });

  it('accepts CRLF line ends and a BOM', () => {
    const law = parseLaw(`\uFEFF${HEAD}第一条 甲。\n第二条 乙。\n`.replace(/\n/g, '\r\n'), 'x.md');
    expect(law.title).toBe('测试条例');
    expect(law.articles.map((a) => a.text)).toEqual(['甲。', '乙。']);
  });

  it('takes the version date from the file name, else from the latest adoption line of the history', () => {
    const md =
      '# 某条例\n\n2010年1月1日 通过\n\n2016年2月6日 修正\n\n2016年5月1日 施行\n\n<!-- INFO END -->\n\n第一条 甲。\n';
    expect(parseLaw(md, '某条例(2019-03-04).md')).toMatchObject({
      versionDate: '2019-03-04',
      versionDateSource: 'file-name',
    });
    expect(parseLaw(md, '某条例.md')).toMatchObject({ versionDate: '2016-02-06', versionDateSource: 'history' });
    expect(parseLaw('# 某条例\n<!-- INFO END -->\n第一条 甲。\n', '某条例.md').versionDate).toBeNull();
  });

  it.each([
    [
      'no <!-- INFO END -->',
      '# 测试条例\n\n第一条 甲。\n',
      'MISSING_INFO_END',
      '法规文件《测试条例(2020-01-02).md》：全文 3 行中未找到“<!-- INFO END -->”标记，无法区分沿革与正文',
    ],
    [
      'prose without articles',
      '# 测试条例\n\n<!-- INFO END -->\n\n本条例自公布之日起施行。\n',
      'NO_ARTICLES',
      '法规文件《测试条例(2020-01-02).md》第 3 行：“<!-- INFO END -->”之后没有任何以“第X条”开头的条文',
    ],
    [
      'prose before the first article',
      `${HEAD}序言文字。\n\n第一条 甲。\n`,
      'TEXT_OUTSIDE_ARTICLE',
      '法规文件《测试条例(2020-01-02).md》第 9 行：第一条之前出现不属于任何条文的文字“序言文字。”',
    ],
    [
      'only headings',
      '# 测试条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n## 第二章 附则\n',
      'NO_ARTICLES',
      '法规文件《测试条例(2020-01-02).md》第 3 行：“<!-- INFO END -->”之后没有任何以“第X条”开头的条文',
    ],
    [
      'an empty title',
      '# \n\n<!-- INFO END -->\n\n第一条 甲。\n',
      'EMPTY_TITLE',
      '法规文件《测试条例(2020-01-02).md》第 1 行：标题为空',
    ],
    [
      'no title line',
      '第一条 甲。\n<!-- INFO END -->\n',
      'EMPTY_TITLE',
      '法规文件《测试条例(2020-01-02).md》第 1 行：首行应为以“# ”开头的标题，实为“第一条 甲。”',
    ],
    [
      'a missing article',
      `${HEAD}第一条 甲。\n\n第三条 丙。\n`,
      'ARTICLE_MISSING',
      '法规文件《测试条例(2020-01-02).md》第 11 行：条文编号不连续：第一条之后应为第二条，实为第三条',
    ],
    [
      'a duplicate article',
      `${HEAD}第一条 甲。\n\n第二条 乙。\n\n第二条 乙二。\n`,
      'ARTICLE_DUPLICATE',
      '法规文件《测试条例(2020-01-02).md》第 13 行：条文编号重复：第二条已在第 11 行出现',
    ],
    [
      'an article out of order',
      `${HEAD}第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n\n第一条之一 丁。\n`,
      'ARTICLE_OUT_OF_ORDER',
      '法规文件《测试条例(2020-01-02).md》第 15 行：条文顺序错误：第一条之一出现在第三条之后',
    ],
    [
      'a text that does not start at 第一条',
      `${HEAD}第二条 乙。\n`,
      'ARTICLE_MISSING',
      '法规文件《测试条例(2020-01-02).md》第 9 行：第一个条文应为第一条，实为第二条',
    ],
    [
      'a skipped 之一',
      `${HEAD}第一条 甲。\n\n第一条之二 乙。\n`,
      'ARTICLE_MISSING',
      '法规文件《测试条例(2020-01-02).md》第 11 行：条文编号不连续：第一条之后应为第一条之一，实为第一条之二',
    ],
    [
      'a malformed numeral',
      `${HEAD}第一条 甲。\n\n第十十条 乙。\n`,
      'INVALID_ARTICLE_NUMBER',
      '法规文件《测试条例(2020-01-02).md》第 11 行：条文编号“第十十条”不是有效的中文数字',
    ],
    [
      'prose between a heading and the next article',
      `${HEAD}第一条 甲。\n\n## 第二章 附则\n\n说明文字。\n\n第二条 乙。\n`,
      'TEXT_OUTSIDE_ARTICLE',
      '法规文件《测试条例(2020-01-02).md》第 13 行：标题之后、下一条之前出现不属于任何条文的文字“说明文字。”',
    ],
  ])('rejects %s', (_what, markdown, code, message) => {
    const err = parseError(markdown);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('LawParseError');
    expect(err.code).toBe(code);
    if (message !== null) expect(err.message).toBe(message);
    expect(err.fileName).toBe('测试条例(2020-01-02).md');
  });
});
