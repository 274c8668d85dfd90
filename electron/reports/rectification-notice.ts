import { formatArabicDate } from './chinese-date';
import type { ReportFonts } from './fonts';
import {
  BODY_PITCH,
  GOV_RED,
  GOV_SIZES,
  GovDocument,
  SIGNATURE_HEIGHT,
  type CellBlock,
  type Figure,
  type ReceiptData,
  type TableRow,
} from './gov-document';
import { computeVerification, type Verification } from './verification';

// Space before the attachment note and the receipt.
const BODY_GAP = 14;

/** Document kind key of the 整改通知书 (number sequence, issued_documents.kind). */
export const RECTIFICATION_NOTICE_KIND = 'rectification-notice';

/** Verification mark of a cited rule: V verified text, P partly verified, S secondary source, U unverified. */
export type CitationMark = 'V' | 'P' | 'S' | 'U';

/** The rule a hazard breaks. */
export interface BrokenRule {
  /** e.g. 《中华人民共和国消防法》第二十八条. */
  citation: string;
  mark: CitationMark;
  /** The article text, when the notice quotes it in full. */
  articleText?: string | null;
  /** Version of the law the quote was taken from (e.g. 2021年4月29日版), printed with the quote. */
  versionLabel?: string | null;
  /** Quotes of several articles (a rule citing more than one); used instead of `articleText` when given. */
  quotes?: ArticleQuote[];
}

/** One quoted article: what it is, its text, and the law version it was taken from. */
export interface ArticleQuote {
  citation: string;
  text: string;
  versionLabel?: string | null;
}

/** 整改期限: 立即 or a calendar date (YYYY-MM-DD). */
export type Deadline = '立即' | `${number}-${number}-${number}`;

/** One hazard of the notice. */
export interface NoticeHazard {
  seq: number;
  /** Precise place, e.g. 三楼东侧疏散楼梯间. */
  location: string;
  description: string;
  /** JPEG bytes of the photo, or null. */
  photo: Buffer | null;
  /** Set when the hazard has a photo whose file cannot be read: printed as a captioned placeholder. */
  photoMissing?: string | null;
  /** What the photo shows; printed after the location in its caption. */
  photoCaption: string | null;
  rule: BrokenRule;
  requiredAction: string;
  deadline: Deadline;
  /** 重大事故隐患: highlighted, and its interim measures get their own section. */
  isMajor: boolean;
  /** 整改期间安全防范措施 for hazards that cannot be removed at once. */
  interimMeasures: string | null;
}

/** Everything a 整改通知书 prints; a plain object so it can be hashed for the verification code. */
export interface RectificationNoticeData {
  issuingOrgan: string;
  /** 机关代字 used in document numbers (e.g. 浦民养), from the settings. */
  issuingOrganShort: string;
  /** How the organ refers to itself in the text (我局). */
  selfReference?: string;
  /** 发文字号, e.g. 浦民养整〔2026〕第001号. */
  number: string;
  institution: {
    name: string;
    /** 统一社会信用代码. */
    code: string;
    address: string;
    legalRepresentative?: string | null;
    phone?: string | null;
  };
  inspection: {
    /** YYYY-MM-DD. */
    date: string;
    /** 检查依据 / 任务来源. */
    basis: string;
    inspectors: { name: string; certificateNo: string }[];
  };
  hazards: NoticeHazard[];
  /** 逾期不改的后果, with the penalty article. */
  consequences: string;
  /** How and where to report back (整改报告, 复查). */
  reportBack: string;
  contact: { name: string; phone: string };
  /** 成文日期, YYYY-MM-DD. */
  issueDate: string;
  receipt?: ReceiptData;
  /** 抄送 departments (joint supervision). */
  copyTo?: string[];
}

/** What rendering gives back: the PDF, its verification and page count. */
export interface RenderedDocument {
  pdf: Buffer;
  verification: Verification;
  pageCount: number;
}

/** How a document is rendered: fonts, the record id, the fixed creation date, and whether it is a 样稿. */
export interface RenderOptions {
  fonts: ReportFonts;
  documentId: string;
  creationDate: Date;
  /** Preview without a number: 样稿 watermark, not valid for verification. */
  draft?: boolean;
}

const MARK_NOTES: Record<CitationMark, string | null> = {
  V: null,
  P: '（条文部分核实）',
  S: '（条文待核实）',
  U: '（条文待核实）',
};

// The year on a line of its own: the deadline column is too narrow for 2026年3月16日前 and breaks it badly.
function deadlineText(deadline: Deadline): string {
  return deadline === '立即' ? '立即整改' : `${formatArabicDate(deadline).replace('年', '年\n')}前`;
}

/** Photo numbers in hazard order: hazards without a photo get none (a missing file keeps its number). */
function photoNumbers(hazards: NoticeHazard[]): Map<number, number> {
  const numbers = new Map<number, number>();
  for (const h of hazards) if (h.photo || h.photoMissing) numbers.set(h.seq, numbers.size + 1);
  return numbers;
}

/** Renders a 整改通知书 as an A4 公文 with red header, hazards table, photo attachment and receipt. */
export async function renderRectificationNotice(
  data: RectificationNoticeData,
  options: RenderOptions,
): Promise<RenderedDocument> {
  const verification = computeVerification({ kind: RECTIFICATION_NOTICE_KIND, number: data.number, data });
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title: `整改通知书 ${data.number}`,
    author: data.issuingOrgan,
    documentId: options.documentId,
    verificationCode: verification.code,
    documentNumber: data.number,
    draft: options.draft ?? false,
  });
  const self = data.selfReference ?? '我局';
  const majors = data.hazards.filter((h) => h.isMajor);
  const photos = photoNumbers(data.hazards);

  doc.header(data.issuingOrgan, data.number);
  doc.title('整改通知书');
  doc.addressee(data.institution.name);
  const inspectors = data.inspection.inspectors.map((i) => `${i.name}（执法证号：${i.certificateNo}）`).join('、');
  doc.body(
    `${formatArabicDate(data.inspection.date)}，${self}执法人员${inspectors}依据${data.inspection.basis}，对你单位进行了现场检查，` +
      `发现你单位存在下列问题${data.hazards.length ? `共${data.hazards.length}项` : ''}${majors.length ? `（其中重大事故隐患${majors.length}项）` : ''}。` +
      '现责令你单位按照下列要求予以整改。',
  );

  doc.heading('一、被检查单位基本情况');
  doc.keyValues([
    { label: '单位名称', value: data.institution.name },
    { label: '统一社会信用代码', value: data.institution.code },
    { label: '地址', value: data.institution.address },
    ...(data.institution.legalRepresentative
      ? [{ label: '法定代表人（负责人）', value: data.institution.legalRepresentative }]
      : []),
    ...(data.institution.phone ? [{ label: '联系电话', value: data.institution.phone }] : []),
    { label: '检查日期', value: formatArabicDate(data.inspection.date) },
    { label: '检查依据', value: data.inspection.basis },
  ]);
  doc.space(10);

  // The heading travels with the table header and a first row (about 90 pt), never alone at a page foot.
  doc.ensureSpace(BODY_PITCH + 120);
  doc.heading('二、存在的问题及整改要求');
  const rows: TableRow[] = data.hazards.map((h) => {
    const description: CellBlock[] = [];
    if (h.isMajor) description.push({ text: '【重大事故隐患】', weight: 'bold', color: GOV_RED });
    description.push({ text: h.description });
    const photo = photos.get(h.seq);
    if (photo) description.push({ text: `（见附件照片${photo}）`, color: '#444444' });
    const rule: CellBlock[] = [{ text: h.rule.citation }];
    const note = MARK_NOTES[h.rule.mark];
    if (note) rule.push({ text: note, size: 9, color: '#8A6D00' });
    const cells = [String(h.seq), h.location, description, rule, h.requiredAction, deadlineText(h.deadline)];
    return h.isMajor ? { cells, fill: '#FFF3F3' } : cells;
  });
  doc.table({
    columns: [
      { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
      { header: '隐患位置', width: 0.13 },
      { header: '问题描述', width: 0.26 },
      { header: '违反的规定', width: 0.21 },
      { header: '整改要求', width: 0.2 },
      { header: '整改期限', width: 0.13, align: 'center', valign: 'middle' },
    ],
    rows,
    size: GOV_SIZES.five,
  });
  doc.space(8);

  let section = 3;
  const numeral = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const nextHeading = (text: string) => doc.heading(`${numeral[section++ - 1] ?? String(section)}、${text}`);

  // Article texts once each, after the table: quoted inside narrow cells they made every row a page tall.
  const quoted = new Map<string, { citation: string; text: string; seqs: number[] }>();
  for (const h of data.hazards) {
    const quotes: ArticleQuote[] =
      h.rule.quotes ??
      (h.rule.articleText
        ? [{ citation: h.rule.citation, text: h.rule.articleText, versionLabel: h.rule.versionLabel ?? null }]
        : []);
    for (const q of quotes) {
      const citation = q.versionLabel ? `${q.citation}（${q.versionLabel}）` : q.citation;
      const key = `${citation}\u0000${q.text}`;
      const entry = quoted.get(key) ?? { citation, text: q.text, seqs: [] };
      if (!entry.seqs.includes(h.seq)) entry.seqs.push(h.seq);
      quoted.set(key, entry);
    }
  }
  if (quoted.size) {
    nextHeading('相关法律法规条文');
    for (const entry of quoted.values()) {
      doc.paragraph(`${entry.citation}（第${entry.seqs.join('、')}项）：“${entry.text}”`, {
        size: GOV_SIZES.four,
        indent: true,
      });
    }
  }

  const withMeasures = majors.filter((h) => h.interimMeasures);
  if (withMeasures.length) {
    nextHeading('重大事故隐患整改期间的安全防范措施');
    doc.body(
      '重大事故隐患排除前或者排除过程中无法保证安全的，你单位应当从危险区域内撤出人员，暂时停止使用相关场所、设施设备，并落实以下措施：',
    );
    for (const h of withMeasures) doc.body(`第${h.seq}项（${h.location}）：${h.interimMeasures ?? ''}`);
  }
  nextHeading('逾期未整改的后果');
  doc.body(data.consequences);
  nextHeading('整改情况报告');
  const attachmentNote = photos.size ? `附件：隐患照片（共${photos.size}张）` : null;
  // The signature, the attachment note and the contact line travel with the last lines of the text.
  const tail = (attachmentNote ? BODY_GAP + BODY_PITCH : 0) + SIGNATURE_HEIGHT + BODY_PITCH;
  doc.body(data.reportBack, { keepWithNext: tail });
  if (attachmentNote) {
    doc.space(BODY_GAP);
    doc.paragraph(attachmentNote, { indent: true, justify: false });
  }
  doc.signature(data.issuingOrgan, data.issueDate);
  doc.paragraph(`（联系人：${data.contact.name}；联系电话：${data.contact.phone}）`, { indent: true, justify: false });
  doc.space(BODY_GAP);
  doc.receipt(data.receipt);

  if (photos.size) {
    doc.attachment('附件', '隐患照片');
    const figures: Figure[] = data.hazards.flatMap((h) => {
      const n = photos.get(h.seq);
      if (!n) return [];
      const figure: Figure = {
        image: h.photo,
        caption: `照片${n}（第${h.seq}项）：${h.location}${h.photoCaption ? `——${h.photoCaption}` : ''}`,
      };
      if (!h.photo && h.photoMissing) figure.missingText = h.photoMissing;
      return [figure];
    });
    doc.figures(figures, { columns: 2, maxHeight: 230 });
  }
  if (data.copyTo?.length) {
    doc.recordBlock({ copyTo: data.copyTo, printedBy: data.issuingOrgan, printedDate: data.issueDate });
  }

  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, verification, pageCount };
}
