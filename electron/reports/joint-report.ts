import { formatArabicDate } from './chinese-date';
import { GOV_RED, GOV_SIZES, GovDocument, type CellBlock, type Figure, type TableRow } from './gov-document';
import type { RenderedDocument, RenderOptions } from './rectification-notice';
import { shrinkPhotos } from './report-images';
import { computeVerification } from './verification';

/** Document kind key of the 联合监管报告. */
export const JOINT_REPORT_KIND = 'joint-report';

/** One hazard of the department's list. */
export interface JointHazard {
  seq: number;
  /** 隐患编号 YH-2026-0001. */
  code: string;
  institution: string;
  town: string;
  location: string;
  description: string;
  isMajor: boolean;
  /** 待整改 / 整改中 / 待复查 / 已闭环. */
  state: string;
  /** YYYY-MM-DD. */
  deadline: string;
  /** Days past the deadline as of the report date (0 when not overdue). */
  overdueDays: number;
  photo: Buffer | null;
  photoMissing: string | null;
}

/** Counts of one town. */
export interface TownCount {
  town: string;
  total: number;
  major: number;
  open: number;
  overdue: number;
}

/** Everything a 联合监管报告 for one department prints. */
export interface JointReportData {
  issuingOrgan: string;
  number: string;
  issueDate: string;
  department: { key: string; name: string; short: string };
  period: { from: string; to: string };
  /** Overdue days are counted to this date (the issue date). */
  asOf: string;
  hazards: JointHazard[];
  byTown: TownCount[];
}

/** Key figures of a list of hazards. */
export function summarise(hazards: readonly JointHazard[]): {
  total: number;
  major: number;
  closed: number;
  open: number;
  overdue: number;
  institutions: number;
  rate: string;
} {
  const closed = hazards.filter((h) => h.state === '已闭环').length;
  return {
    total: hazards.length,
    major: hazards.filter((h) => h.isMajor).length,
    closed,
    open: hazards.length - closed,
    overdue: hazards.filter((h) => h.overdueDays > 0).length,
    institutions: new Set(hazards.map((h) => h.institution)).size,
    rate: hazards.length ? `${((closed / hazards.length) * 100).toFixed(1)}%` : '—',
  };
}

/**
 * Renders a 联合监管报告: a one-page summary (key figures, by town, the longest overdue), the department's
 * hazard list with state and overdue days, and the photos as an attachment.
 */
export async function renderJointReport(data: JointReportData, options: RenderOptions): Promise<RenderedDocument> {
  const verification = computeVerification({ kind: JOINT_REPORT_KIND, number: data.number, data });
  const photos = await shrinkPhotos(data.hazards.map((h) => h.photo));
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title: `联合监管报告（${data.department.short}） ${data.number}`,
    author: data.issuingOrgan,
    documentId: options.documentId,
    verificationCode: verification.code,
    documentNumber: data.number,
    draft: options.draft ?? false,
  });
  const s = summarise(data.hazards);
  const period = `${formatArabicDate(data.period.from)}至${formatArabicDate(data.period.to)}`;
  doc.header(data.issuingOrgan, data.number);
  doc.title(`养老机构${data.department.short}领域隐患联合监管报告`);
  doc.addressee(data.department.name);
  doc.body(
    `${period}，养老机构综合监管检查中发现涉及贵单位职责的隐患${s.total}处，涉及${s.institutions}家机构，其中重大事故隐患${s.major}处。` +
      `截至${formatArabicDate(data.asOf)}，已闭环${s.closed}处，尚未闭环${s.open}处，其中逾期未整改${s.overdue}处，整改闭环率${s.rate}。现将有关情况报送如下，请依职责督促整改。`,
  );
  doc.heading('一、分街镇情况');
  // The towns with a 合计 row: the key figures and their spread in one table that fits the summary page.
  const total: TownCount = { town: '合计', total: s.total, major: s.major, open: s.open, overdue: s.overdue };
  doc.table({
    columns: [
      { header: '街镇', width: 0.32 },
      { header: '隐患数', width: 0.17, align: 'center' },
      { header: '重大事故隐患', width: 0.17, align: 'center' },
      { header: '未闭环', width: 0.17, align: 'center' },
      { header: '逾期未整改', width: 0.17, align: 'center' },
    ],
    rows: [
      ...data.byTown.map((t) => [t.town, String(t.total), String(t.major), String(t.open), String(t.overdue)]),
      {
        cells: [total.town, ...[total.total, total.major, total.open, total.overdue].map(String)].map((text) => [
          { text, weight: 'bold' as const },
        ]),
        fill: '#F4F4F4',
      },
    ],
    size: GOV_SIZES.five,
  });
  // The summary stands on the first page alone; the list starts on a page of its own.
  doc.pageBreak();
  doc.heading('二、隐患清单');
  const rows: TableRow[] = data.hazards.map((h) => {
    const desc: CellBlock[] = [];
    if (h.isMajor) desc.push({ text: '【重大事故隐患】', weight: 'bold', color: GOV_RED });
    desc.push({ text: `${h.location}：${h.description}` });
    if (h.photo || h.photoMissing) desc.push({ text: `（见附件照片${h.seq}）`, color: '#444444', size: 9 });
    const overdue: CellBlock[] =
      h.overdueDays > 0 ? [{ text: `${h.overdueDays}天`, weight: 'bold', color: GOV_RED }] : [{ text: '—' }];
    const cells = [
      String(h.seq),
      [{ text: h.institution }, { text: `${h.town}\u3000${h.code}`, size: 8, color: '#666666' }],
      desc,
      h.state,
      formatArabicDate(h.deadline),
      overdue,
    ];
    return h.overdueDays > 0 ? { cells, fill: '#FFF3F3' } : cells;
  });
  doc.table({
    columns: [
      { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
      { header: '机构', width: 0.2 },
      { header: '隐患位置及情况', width: 0.38 },
      { header: '状态', width: 0.1, align: 'center', valign: 'middle' },
      { header: '整改期限', width: 0.14, align: 'center', valign: 'middle' },
      { header: '逾期', width: 0.11, align: 'center', valign: 'middle' },
    ],
    rows,
    size: GOV_SIZES.five,
  });
  doc.signature(data.issuingOrgan, data.issueDate);
  const figures: Figure[] = data.hazards.flatMap((h, i) => {
    if (!h.photo && !h.photoMissing) return [];
    const fig: Figure = { image: photos[i] ?? null, caption: `照片${h.seq}：${h.institution} ${h.location}` };
    if (!photos[i]) fig.missingText = h.photoMissing ?? '照片无法读取';
    return [fig];
  });
  if (figures.length) {
    doc.attachment('附件', '隐患照片');
    doc.figures(figures, { columns: 2, maxHeight: 170 });
  }
  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, verification, pageCount };
}
