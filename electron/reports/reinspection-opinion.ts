import { formatArabicDate } from './chinese-date';
import {
  BODY_PITCH,
  GOV_RED,
  GOV_SIZES,
  GovDocument,
  SIGNATURE_HEIGHT,
  type CellBlock,
  type Figure,
} from './gov-document';
import type { RenderedDocument, RenderOptions } from './rectification-notice';
import { shrinkPhotos } from './report-images';
import { computeVerification } from './verification';

/** Document kind key of the 复查意见书. */
export const REINSPECTION_OPINION_KIND = 'reinspection-opinion';

/** A photo of a re-inspected hazard: 整改前 (when found) or 整改后 (the rectification or the re-inspection). */
export interface ReinspectionPhoto {
  stage: '整改前' | '整改后';
  photo: Buffer | null;
  /** Why the file could not be read; printed as a captioned placeholder. */
  photoMissing: string | null;
}

/** One hazard of the opinion with its re-inspection result. */
export interface ReinspectionHazard {
  seq: number;
  /** 隐患编号 YH-2026-0001. */
  code: string;
  location: string;
  description: string;
  isMajor: boolean;
  /** The deadline the 整改通知书 set (YYYY-MM-DD). */
  originalDeadline: string;
  /** What the institution reported it did, or null when no written report came in. */
  report: string | null;
  /** YYYY-MM-DD of that report. */
  reportDate: string | null;
  passed: boolean;
  /** 现场复查 / 资料审核 / 照片核验. */
  method: string;
  /** YYYY-MM-DD of the verification. */
  verifiedOn: string;
  /** Why it did not pass, or the verifier's note when it did. */
  remark: string | null;
  /** For a hazard that did not pass: the deadline to finish rectifying (YYYY-MM-DD). */
  newDeadline: string | null;
  photos: ReinspectionPhoto[];
}

/** Everything a 复查意见书 prints. */
export interface ReinspectionOpinionData {
  issuingOrgan: string;
  selfReference: string;
  number: string;
  institution: { name: string; code: string; address: string };
  /** Numbers of the 整改通知书 issued for these hazards (none when the hazards were never noticed). */
  noticeNumbers: string[];
  /** The last day a hazard was verified (YYYY-MM-DD). */
  reinspectionDate: string;
  /** The verification methods used, in order of first use. */
  methods: string[];
  hazards: ReinspectionHazard[];
  contact: { name: string; phone: string };
  issueDate: string;
}

/** Photo numbers in hazard order, one per printed photo. */
function photoNumbering(hazards: ReinspectionHazard[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const h of hazards) h.photos.forEach((_, i) => numbers.set(`${h.seq}:${i}`, numbers.size + 1));
  return numbers;
}

/** The 复查意见 sentence: all passed → 同意销号; otherwise which items passed and which must go on, by when. */
export function overallOpinion(data: Pick<ReinspectionOpinionData, 'hazards' | 'selfReference'>): string {
  const passed = data.hazards.filter((h) => h.passed);
  const failed = data.hazards.filter((h) => !h.passed);
  const items = (list: ReinspectionHazard[]) => `第${list.map((h) => h.seq).join('、')}项`;
  if (!failed.length) return `经复查，上述${data.hazards.length}项隐患均已整改到位，复查合格，同意销号。`;
  const deadlines = [...new Set(failed.map((h) => h.newDeadline).filter((d): d is string => Boolean(d)))].sort();
  const latest = deadlines[deadlines.length - 1];
  const by = deadlines.length > 1 ? '按上表所列期限' : latest ? `于${formatArabicDate(latest)}前` : '立即';
  return (
    `经复查，${passed.length ? `${items(passed)}隐患已整改到位，同意销号；` : ''}` +
    `${items(failed)}隐患未整改到位，复查不合格，责令你单位${by}继续整改，整改完成后书面报告${data.selfReference}。` +
    `逾期仍未整改的，${data.selfReference}将依法处理；涉及其他部门职责的，移送有关部门依法处理。`
  );
}

/**
 * Renders a 复查意见书: what the 整改通知书 ordered, what the institution reported, what the re-inspection found
 * per hazard (通过 / 不通过 with reason), the overall opinion, the receipt and the before/after photos.
 */
export async function renderReinspectionOpinion(
  data: ReinspectionOpinionData,
  options: RenderOptions,
): Promise<RenderedDocument> {
  const verification = computeVerification({ kind: REINSPECTION_OPINION_KIND, number: data.number, data });
  const flat = data.hazards.flatMap((h) => h.photos.map((p) => p.photo));
  const shrunk = await shrinkPhotos(flat);
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title: `复查意见书 ${data.number}`,
    author: data.issuingOrgan,
    documentId: options.documentId,
    verificationCode: verification.code,
    documentNumber: data.number,
    draft: options.draft ?? false,
  });
  const self = data.selfReference;
  const numbers = photoNumbering(data.hazards);
  const notices = data.noticeNumbers.length ? `《整改通知书》（${data.noticeNumbers.join('、')}）` : null;

  doc.header(data.issuingOrgan, data.number);
  doc.title('复查意见书');
  doc.addressee(data.institution.name);
  doc.body(
    `${notices ? `根据${self}${notices}，` : ''}${self}于${formatArabicDate(data.reinspectionDate)}以${data.methods.join('、')}方式，` +
      `对你单位${data.hazards.length}项隐患的整改情况进行了复查。复查意见如下。`,
  );
  doc.heading('一、被复查单位基本情况');
  doc.keyValues([
    { label: '单位名称', value: data.institution.name },
    { label: '统一社会信用代码', value: data.institution.code },
    { label: '地址', value: data.institution.address },
    { label: '原整改通知书', value: data.noticeNumbers.length ? data.noticeNumbers.join('、') : '无（现场责令整改）' },
    { label: '复查日期', value: formatArabicDate(data.reinspectionDate) },
    { label: '复查方式', value: data.methods.join('、') },
  ]);
  doc.space(10);
  doc.ensureSpace(BODY_PITCH + 120);
  doc.heading('二、复查情况');
  doc.table({
    columns: [
      { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
      { header: '隐患位置', width: 0.13 },
      { header: '隐患情况', width: 0.24 },
      { header: '原整改期限', width: 0.12, align: 'center', valign: 'middle' },
      { header: '整改情况报告', width: 0.22 },
      { header: '复查结果', width: 0.22 },
    ],
    rows: data.hazards.map((h) => {
      const desc: CellBlock[] = [];
      if (h.isMajor) desc.push({ text: '【重大事故隐患】', weight: 'bold', color: GOV_RED });
      desc.push({ text: h.description }, { text: h.code, size: 8, color: '#666666' });
      const photoRefs = h.photos.map((_, i) => numbers.get(`${h.seq}:${i}`)).filter((n) => n !== undefined);
      if (photoRefs.length) desc.push({ text: `（见附件照片${photoRefs.join('、')}）`, size: 9, color: '#444444' });
      const report: CellBlock[] = h.report
        ? [
            ...(h.reportDate ? [{ text: `${formatArabicDate(h.reportDate)}报告：`, size: 9, color: '#444444' }] : []),
            { text: h.report },
          ]
        : [{ text: '未提交书面整改报告', color: '#444444' }];
      const result: CellBlock[] = h.passed
        ? [{ text: '通过', weight: 'bold' }]
        : [{ text: '不通过', weight: 'bold', color: GOV_RED }];
      result.push({ text: `${formatArabicDate(h.verifiedOn)} ${h.method}`, size: 9, color: '#444444' });
      if (h.remark) result.push({ text: h.passed ? h.remark : `原因：${h.remark}` });
      if (!h.passed && h.newDeadline)
        result.push({ text: `限${formatArabicDate(h.newDeadline)}前继续整改`, weight: 'bold' });
      // The year on a line of its own: the narrow column would break 2026年3月9日 inside the month.
      const deadline = formatArabicDate(h.originalDeadline).replace('年', '年\n');
      const cells = [String(h.seq), h.location, desc, deadline, report, result];
      return h.passed ? cells : { cells, fill: '#FFF3F3' };
    }),
    size: GOV_SIZES.five,
  });
  doc.space(8);
  doc.heading('三、复查意见');
  const attachmentNote = numbers.size ? `附件：整改前后照片（共${numbers.size}张）` : null;
  const tail = (attachmentNote ? 14 + BODY_PITCH : 0) + SIGNATURE_HEIGHT + BODY_PITCH;
  doc.body(overallOpinion(data), { keepWithNext: tail });
  if (attachmentNote) {
    doc.space(14);
    doc.paragraph(attachmentNote, { indent: true, justify: false });
  }
  doc.signature(data.issuingOrgan, data.issueDate);
  doc.paragraph(`（联系人：${data.contact.name}；联系电话：${data.contact.phone}）`, { indent: true, justify: false });
  doc.space(14);
  doc.receipt();

  if (numbers.size) {
    doc.attachment('附件', '整改前后照片');
    let k = 0;
    const figures: Figure[] = data.hazards.flatMap((h) =>
      h.photos.map((p, i) => {
        const image = shrunk[k++] ?? null;
        const fig: Figure = {
          image,
          caption: `照片${numbers.get(`${h.seq}:${i}`) ?? ''}（第${h.seq}项·${p.stage}）：${h.location}`,
        };
        if (!image) fig.missingText = p.photoMissing ?? '照片无法读取';
        return fig;
      }),
    );
    doc.figures(figures, { columns: 2, maxHeight: 200 });
  }
  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, verification, pageCount };
}
