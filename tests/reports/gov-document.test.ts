import { beforeAll, describe, expect, it } from 'vitest';
import { formatArabicDate, formatChineseDate } from '../../electron/reports/chinese-date';
import { GovDocument } from '../../electron/reports/gov-document';
import { wrapText } from '../../electron/reports/text-layout';
import { FIXED_CREATION, samplePhoto, testFonts } from './fixtures/sample-notice';
import { pageInfo, pageTexts, savePdfWithPages, squash } from './support/pdf-tools';

describe('formatChineseDate', () => {
  it('writes dates with 〇-style numerals (kept for quoted old documents; 成文日期 uses Arabic)', () => {
    expect(formatChineseDate('2026-03-02')).toBe('二〇二六年三月二日');
    expect(formatChineseDate('2026-10-10')).toBe('二〇二六年十月十日');
    expect(formatChineseDate('2030-12-31')).toBe('二〇三〇年十二月三十一日');
    expect(formatChineseDate('2026-11-20')).toBe('二〇二六年十一月二十日');
    expect(formatChineseDate('2026-01-21')).toBe('二〇二六年一月二十一日');
    expect(formatArabicDate('2026-03-09')).toBe('2026年3月9日');
  });

  it('reads Date values in China time whatever the machine zone', () => {
    // 2026-03-01 17:30 UTC is already 2 March in Shanghai.
    expect(formatChineseDate(new Date('2026-03-01T17:30:00Z'))).toBe('二〇二六年三月二日');
  });
});

describe('wrapText', () => {
  const measure = (t: string) => [...t].reduce((s, c) => s + (c.charCodeAt(0) < 0x2000 ? 5 : 10), 0);

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const text =
      '检查发现：疏散通道堵塞，安全出口锁闭。（见照片）整改要求：立即清除，保持畅通；落实“每日巡查”。'.repeat(4);
    for (const width of [60, 70, 80, 90, 100, 130]) {
      const lines = wrapText(text, width, measure);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const l of lines) {
        expect('，。、；：）”'.includes(l.text[0] ?? ''), `${width}: ${l.text}`).toBe(false);
        expect('（“'.includes(l.text[l.text.length - 1] ?? ''), `${width}: ${l.text}`).toBe(false);
        expect(l.width).toBeLessThanOrEqual(width + 5.01);
      }
    }
  });

  it('keeps Latin words and numbers whole and indents first lines', () => {
    const lines = wrapText('依据GB/T 9704-2012排版，电话021-58881234。', 60, measure, { firstLineIndent: 20 });
    expect(lines[0]?.indent).toBe(20);
    expect(lines.some((l) => l.text.includes('021-58881234'))).toBe(true);
  });
});

describe('GovDocument layout', () => {
  let file: string;
  let pages: string[];
  const tall = '超长内容'.repeat(700);

  beforeAll(async () => {
    const doc = new GovDocument({
      fonts: testFonts(),
      creationDate: FIXED_CREATION,
      title: '版式测试',
      author: '上海市浦东新区民政局',
      documentId: 'layout-test',
      verificationCode: 'AAAAA-AAAAA',
      documentNumber: '浦民养测〔2026〕第001号',
    });
    doc.header('上海市浦东新区民政局', '浦民养测〔2026〕第001号');
    doc.title('版式测试文书');
    doc.addressee('各养老机构');
    doc.body('这是一段正文。'.repeat(30));
    doc.heading('一、长表格');
    doc.table({
      columns: [
        { header: '序号', width: 0.1, align: 'center' },
        { header: '名称', width: 0.4 },
        { header: '说明', width: 0.5 },
      ],
      rows: Array.from({ length: 60 }, (_, i) => [
        String(i + 1),
        `第${i + 1}行机构名称`,
        i === 30 ? tall : `说明文字${i + 1}，`.repeat(1 + (i % 4)),
      ]),
      size: 12,
    });
    doc.heading('二、照片');
    doc.figures(
      [
        { image: await samplePhoto(1), caption: '照片1：位置甲——说明' },
        { image: await samplePhoto(2, true), caption: '照片2：位置乙——说明' },
        { image: await samplePhoto(3), caption: '照片3：位置丙——说明' },
      ],
      { columns: 1, maxHeight: 300 },
    );
    doc.signature('上海市浦东新区民政局', '2026-03-02');
    doc.receipt({ signedBy: '王建国', signedAt: '2026年3月2日 15时20分' });
    file = savePdfWithPages('gov-document-layout', await doc.render());
    pages = pageTexts(file);
  });

  it('repeats the table header on every page the table continues on', () => {
    const tablePages = pages.filter((p) => /第\d+行机构名称/.test(p) || p.includes('超长内容'));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const p of tablePages) expect(squash(p)).toContain('序号名称说明');
  });

  it('splits a row taller than a page between lines and loses no text', () => {
    const holders = pages.filter((p) => p.includes('超长内容'));
    expect(holders.length).toBeGreaterThanOrEqual(2);
    const joined = holders
      .map(
        (p) =>
          squash(p)
            .match(/[超长内容]{8,}/g)
            ?.join('') ?? '',
      )
      .join('');
    expect(joined).toBe(tall);
  });

  it('keeps ordinary rows whole', () => {
    for (let i = 1; i <= 60; i++) {
      if (i === 31) continue;
      const marker = `第${i}行机构名称`;
      expect(
        pages.filter((p) => squash(p).includes(marker)),
        marker,
      ).toHaveLength(1);
    }
  });

  it('keeps each photo with its caption and numbers every page', () => {
    const info = pageInfo(file);
    expect(info.pages).toBe(pages.length);
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
    // 成文日期 in Arabic numerals (GB/T 9704-2012 7.3.5.1), never the 〇-numerals of the 1999 edition.
    expect(squash(pages.join(''))).toContain('上海市浦东新区民政局2026年3月2日');
    expect(pages.join('')).not.toContain('二〇二六');
    expect(squash(pages.join(''))).toContain('王建国');
  });
});
