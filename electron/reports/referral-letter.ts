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

/** 移送 (the department handles the case) or 抄告 (the department is informed and supervises). */
export type ReferralLetterKind = 'transfer' | 'notify';

/** Document kind keys of the two letters: each has its own number sequence. */
export const REFERRAL_LETTER_KINDS: Record<ReferralLetterKind, 'referral-letter' | 'notify-letter'> = {
  transfer: 'referral-letter',
  notify: 'notify-letter',
};

/** One hazard handed over or reported to the department. */
export interface ReferralHazard {
  seq: number;
  /** 隐患编号 YH-2026-0001. */
  code: string;
  institution: string;
  institutionAddress: string;
  town: string;
  location: string;
  description: string;
  isMajor: boolean;
  /** Why it was judged major or general. */
  severityRationale: string;
  /** 待整改 / 整改中 / 待复查. */
  state: string;
  /** YYYY-MM-DD. */
  deadline: string;
  /** Days past the deadline on the issue date (0 when not overdue). */
  overdueDays: number;
  photo: Buffer | null;
  photoMissing: string | null;
}

/** Everything a 移送函 or 抄告函 prints. */
export interface ReferralLetterData {
  letterKind: ReferralLetterKind;
  issuingOrgan: string;
  selfReference: string;
  number: string;
  issueDate: string;
  department: { key: string; name: string };
  /** Citations found in the hazards' legal basis through the law library (never typed by hand); may be empty. */
  legalBasis: string[];
  hazards: ReferralHazard[];
  /** Numbers of the 整改通知书 already issued for these hazards, sent along as attachments. */
  noticeNumbers: string[];
  contact: { name: string; phone: string };
}

const TITLES: Record<ReferralLetterKind, string> = { transfer: '移送函', notify: '抄告函' };

/** Citations with the law title printed once per run: 《消防法》第六十条、第二十七条. */
function joinCitations(citations: readonly string[]): string {
  let last = '';
  return citations
    .map((c) => {
      const title = /^《[^》]+》/.exec(c)?.[0] ?? '';
      const text = title && title === last ? c.slice(title.length) : c;
      last = title;
      return text;
    })
    .join('、');
}

/** The opening: what was found, and the provisions the hazards' own legal basis names (none invented). */
export function letterOpening(data: ReferralLetterData): string {
  const institutions = new Set(data.hazards.map((h) => h.institution)).size;
  const majors = data.hazards.filter((h) => h.isMajor).length;
  const overdue = data.hazards.filter((h) => h.overdueDays > 0).length;
  return (
    `${data.selfReference}在养老机构综合监管检查中发现，${institutions}家养老机构存在涉及贵单位职责的隐患${data.hazards.length}处` +
    `${majors ? `（其中重大事故隐患${majors}处）` : ''}${overdue ? `，其中${overdue}处已逾期未整改` : ''}。` +
    `${data.legalBasis.length ? `上述隐患涉嫌违反${joinCitations(data.legalBasis)}的规定。` : ''}具体情况如下：`
  );
}

/** What the department is asked to do: 移送 → handle and report back; 抄告 → note and supervise. */
export function letterRequest(data: Pick<ReferralLetterData, 'letterKind' | 'selfReference'>): string {
  return data.letterKind === 'transfer'
    ? `现将有关情况移送贵单位，请依法处理，并将处理结果书面反馈${data.selfReference}。`
    : `现将有关情况抄告贵单位，请知悉，并依职责督促相关机构落实整改。`;
}

/**
 * Renders a 移送函 or 抄告函 to a department: the request, the hazards with institution, severity, state and
 * overdue days, the contact, the attachment list, and the photos as an attachment.
 */
export async function renderReferralLetter(
  data: ReferralLetterData,
  options: RenderOptions,
): Promise<RenderedDocument> {
  const kind = REFERRAL_LETTER_KINDS[data.letterKind];
  const title = TITLES[data.letterKind];
  const verification = computeVerification({ kind, number: data.number, data });
  const photos = await shrinkPhotos(data.hazards.map((h) => h.photo));
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title: `${title} ${data.number}`,
    author: data.issuingOrgan,
    documentId: options.documentId,
    verificationCode: verification.code,
    documentNumber: data.number,
    draft: options.draft ?? false,
  });
  const photoNo = new Map<number, number>();
  for (const h of data.hazards) if (h.photo || h.photoMissing) photoNo.set(h.seq, photoNo.size + 1);

  doc.header(data.issuingOrgan, data.number);
  doc.title(`关于养老机构隐患情况的${title}`);
  doc.addressee(data.department.name);
  doc.body(letterOpening(data));
  doc.table({
    columns: [
      { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
      { header: '机构', width: 0.2 },
      { header: '隐患位置及情况', width: 0.33 },
      { header: '等级及依据', width: 0.18 },
      { header: '状态', width: 0.1, align: 'center', valign: 'middle' },
      { header: '逾期', width: 0.12, align: 'center', valign: 'middle' },
    ],
    rows: data.hazards.map((h) => {
      const desc: CellBlock[] = [{ text: `${h.location}：${h.description}` }];
      desc.push({ text: `${h.code}\u3000整改期限${formatArabicDate(h.deadline)}`, size: 8, color: '#666666' });
      const n = photoNo.get(h.seq);
      if (n) desc.push({ text: `（见附件1照片${n}）`, size: 9, color: '#444444' });
      const severity: CellBlock[] = h.isMajor
        ? [{ text: '重大事故隐患', weight: 'bold', color: GOV_RED }]
        : [{ text: '一般隐患' }];
      if (h.severityRationale) severity.push({ text: h.severityRationale, size: 9, color: '#444444' });
      const overdue: CellBlock[] =
        h.overdueDays > 0 ? [{ text: `${h.overdueDays}天`, weight: 'bold', color: GOV_RED }] : [{ text: '未逾期' }];
      const cells = [
        String(h.seq),
        [{ text: h.institution }, { text: `${h.town}\u3000${h.institutionAddress}`, size: 8, color: '#666666' }],
        desc,
        severity,
        h.state,
        overdue,
      ];
      return h.overdueDays > 0 || h.isMajor ? { cells, fill: '#FFF3F3' } : cells;
    }),
    size: GOV_SIZES.five,
  });
  doc.space(8);
  const attachments = [
    ...(photoNo.size ? [`隐患照片（共${photoNo.size}张）`] : []),
    ...(data.noticeNumbers.length ? [`整改通知书（${data.noticeNumbers.join('、')}）`] : []),
  ];
  const tail = (attachments.length + 1) * BODY_PITCH + SIGNATURE_HEIGHT + BODY_PITCH;
  // The request, the contact, the attachment list and the signature stay together.
  doc.body(letterRequest(data), { keepWithNext: tail });
  doc.paragraph(`联系人：${data.contact.name}；联系电话：${data.contact.phone}。`, { indent: true, justify: false });
  if (attachments.length) {
    doc.space(14);
    attachments.forEach((a, i) =>
      doc.paragraph(`${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${attachments.length > 1 ? `${i + 1}.` : ''}${a}`, {
        indent: true,
        justify: false,
      }),
    );
  }
  doc.signature(data.issuingOrgan, data.issueDate);
  if (photoNo.size) {
    doc.attachment(attachments.length > 1 ? '附件1' : '附件', '隐患照片');
    const figures: Figure[] = data.hazards.flatMap((h, i) => {
      const n = photoNo.get(h.seq);
      if (!n) return [];
      const image = photos[i] ?? null;
      const fig: Figure = { image, caption: `照片${n}（第${h.seq}项）：${h.institution} ${h.location}` };
      if (!image) fig.missingText = h.photoMissing ?? '照片无法读取';
      return [fig];
    });
    doc.figures(figures, { columns: 2, maxHeight: 200 });
  }
  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, verification, pageCount };
}
