import { beforeAll, describe, expect, it } from 'vitest';
import { formatArabicDate } from '../../electron/reports/chinese-date';
import {
  renderRectificationNotice,
  type RectificationNoticeData,
  type RenderedDocument,
} from '../../electron/reports/rectification-notice';
import { extractVerificationFromPdf } from '../../electron/reports/verification';
import { FIXED_CREATION, sampleNotice, testFonts } from './fixtures/sample-notice';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from './support/pdf-tools';

const DOC_ID = '019cad1e-7a00-7000-8000-000000000001';

describe('整改通知书 (rectification notice)', () => {
  let data: RectificationNoticeData;
  let rendered: RenderedDocument;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    data = await sampleNotice();
    rendered = await renderRectificationNotice(data, {
      fonts: testFonts(),
      documentId: DOC_ID,
      creationDate: FIXED_CREATION,
    });
    file = savePdfWithPages('rectification-notice', rendered.pdf);
    pages = pageTexts(file);
  });

  it('contains every required field of the notice', () => {
    const all = squash(pages.join(''));
    const required = [
      data.issuingOrgan,
      data.number,
      '整改通知书',
      data.institution.name,
      data.institution.code,
      data.institution.address,
      formatArabicDate(data.inspection.date),
      squash(data.inspection.basis),
      ...data.inspection.inspectors.flatMap((i) => [i.name, i.certificateNo]),
      squash(data.consequences),
      squash(data.reportBack),
      data.contact.name,
      data.contact.phone,
      `${data.issuingOrgan}2026年3月2日`,
      '签收人',
      '签收时间',
      '拒签情况',
      '见证人',
      '抄送',
      ...(data.copyTo ?? []),
    ];
    for (const field of required) expect(all, field).toContain(field);
    for (const h of data.hazards) {
      for (const text of [h.location, h.description, h.rule.citation, h.requiredAction])
        expect(all, `第${h.seq}项 ${text}`).toContain(squash(text));
      if (h.rule.articleText) expect(all).toContain(squash(h.rule.articleText));
      if (h.isMajor && h.interimMeasures) expect(all).toContain(squash(h.interimMeasures));
    }
    expect(all.match(/【重大事故隐患】/g)).toHaveLength(data.hazards.filter((h) => h.isMajor).length);
    for (let n = 1; n <= 5; n++) expect(all).toContain(`照片${n}（第`);
    expect(all).toContain('立即整改');
    expect(all).toContain('条文待核实');
  });

  it('is A4 throughout, with a page count in bounds', () => {
    const info = pageInfo(file);
    expect(info.pages).toBe(rendered.pageCount);
    expect(info.pages).toBeGreaterThanOrEqual(5);
    expect(info.pages).toBeLessThanOrEqual(10);
    for (const size of info.sizes) {
      expect(size.width).toBeCloseTo(595.28, 1);
      expect(size.height).toBeCloseTo(841.89, 1);
    }
  });

  it('embeds both Noto Sans SC fonts as subsets and no other font', () => {
    const fonts = fontsOf(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansSC-Bold',
      'NotoSansSC-Regular',
    ]);
    for (const f of fonts) {
      expect(f.embedded).toBe(true);
      expect(f.subset).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    // Subset: a few hundred glyphs, not the 10 MB font files.
    expect(rendered.pdf.length).toBeLessThan(1_500_000);
  });

  it('prints “第 X 页 共 Y 页” and the verification code on every page', () => {
    expect(pages).toHaveLength(rendered.pageCount);
    pages.forEach((text, i) => {
      expect(text).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
      expect(text).toContain(`核验码 ${rendered.verification.code}`);
      expect(text).toContain(data.number);
    });
  });

  it('repeats the hazards table header on each page the table continues on', () => {
    const withRows = pages.filter((p) => /隐患位置/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const p of withRows) expect(squash(p)).toMatch(/序号隐患位置问题描述违反的规定整改要求整改期限/);
    // Rows stay whole: each hazard's required action is on a single page.
    for (const h of data.hazards) {
      const holders = pages.filter((p) => squash(p).includes(squash(h.requiredAction)));
      expect(holders, `第${h.seq}项`).toHaveLength(1);
    }
  });

  it('keeps the signature with text above it on the same page', () => {
    const page = pages.find(
      (p) => squash(p).includes(`${data.issuingOrgan}2026年3月2日`) && p.includes(data.contact.phone),
    );
    expect(page).toBeDefined();
    expect(squash(page ?? '')).toContain('报送我局');
  });

  it('round-trips the verification code and document id through the PDF', () => {
    expect(extractVerificationFromPdf(rendered.pdf)).toEqual({
      code: rendered.verification.code,
      documentId: DOC_ID,
      source: 'metadata',
    });
  });

  it('is byte-identical for the same input and creation date', async () => {
    const again = await renderRectificationNotice(await sampleNotice(), {
      fonts: testFonts(),
      documentId: DOC_ID,
      creationDate: FIXED_CREATION,
    });
    expect(again.pdf.equals(rendered.pdf)).toBe(true);
    const changed = await renderRectificationNotice(
      { ...data, contact: { ...data.contact, phone: '021-68540000' } },
      { fonts: testFonts(), documentId: DOC_ID, creationDate: FIXED_CREATION },
    );
    expect(changed.verification.code).not.toBe(rendered.verification.code);
  });

  it('renders a notice without photos, majors or 抄送 on fewer pages', async () => {
    const plain = await sampleNotice();
    const small = {
      ...plain,
      number: '浦民养整〔2026〕第002号',
      hazards: plain.hazards
        .slice(0, 2)
        .map((h) => ({ ...h, photo: null, isMajor: false, rule: { ...h.rule, articleText: null } })),
      copyTo: [],
    };
    const out = await renderRectificationNotice(small, {
      fonts: testFonts(),
      documentId: 'doc-small',
      creationDate: FIXED_CREATION,
    });
    const f = savePdfWithPages('rectification-notice-small', out.pdf);
    const texts = pageTexts(f);
    expect(texts.length).toBeLessThanOrEqual(3);
    const all = squash(texts.join(''));
    expect(all).not.toContain('附件');
    expect(all).not.toContain('抄送');
    expect(all).not.toContain('重大事故隐患');
  });
});
