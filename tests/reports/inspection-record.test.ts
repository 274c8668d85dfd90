import { beforeAll, describe, expect, it } from 'vitest';
import { renderInspectionRecord, type InspectionRecordData } from '../../electron/reports/inspection-record';
import type { RenderedDocument } from '../../electron/reports/rectification-notice';
import { extractVerificationFromPdf } from '../../electron/reports/verification';
import { sampleRecord } from './fixtures/sample-record';
import { FIXED_CREATION, testFonts } from './fixtures/sample-notice';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from './support/pdf-tools';

describe('现场检查记录 (inspection record)', () => {
  let data: InspectionRecordData;
  let rendered: RenderedDocument;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    data = await sampleRecord();
    rendered = await renderInspectionRecord(data, {
      fonts: testFonts(),
      documentId: 'record-1',
      creationDate: FIXED_CREATION,
    });
    file = savePdfWithPages('inspection-record', rendered.pdf);
    pages = pageTexts(file);
  });

  it('prints the team, times, every item with its result, the findings, signatures and the refusal', () => {
    const all = squash(pages.join(''));
    for (const field of [
      '现场检查记录',
      data.number,
      data.institution.name,
      data.institution.code,
      '2026年3月2日9时30分至2026年3月2日12时05分',
      '张明（民政，执法证号：31011520001）',
      '李华（消防救援，执法证号：31011520017）',
      '钱主任，办公室主任',
      '本次检查共12项，其中符合9项、不符合2项、不适用1项；发现问题2处，其中当场整改1处。',
      '食堂厨房（无食堂）',
      '位置：1号楼2层东侧走廊',
      '《中华人民共和国消防法》第六十条第（一）项',
      '【已当场整改】',
      '照片文件缺失',
      '整改后照片：洗衣房',
      '检查人员：张明',
      '检查人员：李华',
      '被检查单位拒绝签字。拒签原因：负责人不在现场，陪同人员无权签字；见证人：孙社工',
      '楼栋：2号楼→1号楼',
      '楼号记录笔误',
      '上海市浦东新区民政局2026年3月2日',
    ]) {
      expect(all, field).toContain(squash(field));
    }
    for (const s of data.sections) for (const item of s.items) expect(all, item.code).toContain(squash(item.text));
  });

  it('repeats the items table header across pages, numbers and codes every page, embeds subset fonts', () => {
    const info = pageInfo(file);
    expect(info.pages).toBe(rendered.pageCount);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pages).toBeLessThanOrEqual(8);
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
      expect(p).toContain(`核验码 ${rendered.verification.code}`);
    });
    // Items that appear only as table rows: the table continues from page 1 to page 2 under a repeated header.
    const tablePages = pages.filter(
      (x) => squash(x).includes('用电安全检查项第') || squash(x).includes('消防安全标志配置'),
    );
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(squash(p)).toContain('序号检查内容结果情况记录');
    for (const f of fontsOf(file)) expect(f.subset && f.embedded).toBe(true);
    expect(extractVerificationFromPdf(rendered.pdf)?.documentId).toBe('record-1');
  });

  it('is byte-identical for the same data and creation date', async () => {
    const again = await renderInspectionRecord(await sampleRecord(), {
      fonts: testFonts(),
      documentId: 'record-1',
      creationDate: FIXED_CREATION,
    });
    expect(again.pdf.equals(rendered.pdf)).toBe(true);
  });
});
