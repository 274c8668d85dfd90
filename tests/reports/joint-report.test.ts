import { beforeAll, describe, expect, it } from 'vitest';
import { renderJointReport, summarise, type JointReportData } from '../../electron/reports/joint-report';
import type { RenderedDocument } from '../../electron/reports/rectification-notice';
import { sampleJointReport } from './fixtures/sample-joint';
import { FIXED_CREATION, testFonts } from './fixtures/sample-notice';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from './support/pdf-tools';

describe('联合监管报告 (joint report for one department)', () => {
  let data: JointReportData;
  let rendered: RenderedDocument;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    data = await sampleJointReport(40);
    rendered = await renderJointReport(data, {
      fonts: testFonts(),
      documentId: 'joint-1',
      creationDate: FIXED_CREATION,
    });
    file = savePdfWithPages('joint-report', rendered.pdf);
    pages = pageTexts(file);
  }, 60_000);

  it('opens with a one-page summary of the department’s hazards: figures, towns, closing rate', () => {
    const s = summarise(data.hazards);
    const first = squash(pages[0] ?? '');
    expect(first).toContain('养老机构消防救援领域隐患联合监管报告');
    expect(first).toContain('上海市浦东新区消防救援支队：');
    expect(first).toContain(
      `发现涉及贵单位职责的隐患${s.total}处，涉及${s.institutions}家机构，其中重大事故隐患${s.major}处`,
    );
    expect(first).toContain(`逾期未整改${s.overdue}处，整改闭环率${s.rate}`);
    for (const t of data.byTown) expect(first).toContain(`${t.town}${t.total}${t.major}${t.open}${t.overdue}`);
    expect(first).toContain(`合计${s.total}${s.major}${s.open}${s.overdue}`);
    expect(first).not.toContain('隐患清单');
  });

  it('lists every hazard with its state, deadline and overdue days under a header repeated on each page', () => {
    const all = squash(pages.join(''));
    for (const h of data.hazards) {
      expect(all, h.code).toContain(h.code);
      if (h.overdueDays > 0) expect(all).toContain(`${h.overdueDays}天`);
    }
    const listPages = pages.filter((p) => /YH-2026-\d{4}/.test(p));
    expect(listPages.length).toBeGreaterThanOrEqual(2);
    for (const p of listPages) expect(squash(p)).toContain('序号机构隐患位置及情况状态整改期限逾期');
  });

  it('attaches the photos with captions, a missing one as a placeholder, and stays within bounds', () => {
    const all = squash(pages.join(''));
    expect(all).toContain('照片1：浦东新区第1养老院');
    expect(all).toContain('照片文件缺失');
    const info = pageInfo(file);
    expect(info.pages).toBe(rendered.pageCount);
    expect(info.pages).toBeLessThanOrEqual(40);
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
    for (const f of fontsOf(file)) expect(f.subset && f.embedded).toBe(true);
    // 40 photos shrunk for print: a few MB, not the 10+ MB of the originals.
    expect(rendered.pdf.length).toBeLessThan(8_000_000);
  });
});
