import type { ReportFonts } from './fonts';
import { GOV_SIZES, GovDocument, type TableRow } from './gov-document';
import { computeVerification } from './verification';

/** Document kind of the published draw log (verification content kind). */
export const DRAW_LOG_KIND = 'plan-draw-log';

/** One drawn institution as published. `date` and `team` are already withheld text for unannounced plans. */
export interface DrawLogRow {
  seq: number;
  institutionName: string;
  townName: string;
  date: string;
  team: string;
}

/** One draw of the plan as published: the facts anyone needs to re-run it, and why it was redone. */
export interface DrawLogDraw {
  seq: number;
  drawnAt: string;
  algorithmVersion: string;
  seed: string;
  candidateHash: string;
  institutionCount: number;
  /** Reason of a redraw; null for the first draw. */
  reason: string | null;
  /** 有效 or 已被第 N 次抽取取代. */
  state: string;
}

/**
 * Everything the 抽取结果公示 prints. Built by the plans service from public facts only: no phone numbers, no
 * scope internals, and for unannounced plans no date or team before it has passed.
 */
export interface DrawLogData {
  organ: string;
  planName: string;
  planType: string;
  /** 2026年1月1日至2026年3月31日, or 按计划 for an unannounced plan whose period has not ended. */
  period: string;
  departments: string[];
  current: DrawLogDraw;
  rows: DrawLogRow[];
  draws: DrawLogDraw[];
  /** Notes under the result (what is withheld and why, how to verify). */
  notes: string[];
  /** Date of publication, 2026年3月2日. */
  publishedOn: string;
}

/** Options of {@link renderDrawLog}. */
export interface DrawLogRenderOptions {
  fonts: ReportFonts;
  /** Id of the draw (ASCII). */
  documentId: string;
  creationDate: Date;
}

/** Renders the 抽取结果公示 as an A4 公文: plan facts, the drawn institutions, every draw with its reasons. */
export async function renderDrawLog(
  data: DrawLogData,
  options: DrawLogRenderOptions,
): Promise<{ pdf: Buffer; pageCount: number; code: string }> {
  const verification = computeVerification({ kind: DRAW_LOG_KIND, number: options.documentId, data });
  const title = `${data.planName}抽取结果公示`;
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title,
    author: data.organ,
    documentId: options.documentId,
    verificationCode: verification.code,
  });
  doc.header(data.organ);
  doc.title(title);
  doc.keyValues([
    { label: '计划名称', value: data.planName },
    { label: '检查类型', value: data.planType },
    { label: '检查时间', value: data.period },
    { label: '参与部门', value: data.departments.join('、') },
    { label: '抽取时间', value: data.current.drawnAt },
    { label: '抽中机构', value: `${data.rows.length} 家` },
  ]);
  doc.space(10);

  doc.heading('一、抽取结果');
  const rows: TableRow[] = data.rows.map((r) => [
    String(r.seq),
    r.institutionName,
    r.townName,
    r.date,
    r.team.split('、').join('\n'),
  ]);
  doc.table({
    columns: [
      { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
      { header: '被检查机构', width: 0.24 },
      { header: '所在街镇', width: 0.18 },
      { header: '检查日期', width: 0.21, align: 'center' },
      { header: '检查组成员', width: 0.3 },
    ],
    rows,
    size: GOV_SIZES.five,
  });
  doc.space(8);

  doc.heading('二、抽取记录');
  doc.table({
    columns: [
      { header: '次序', width: 0.1, align: 'center', valign: 'middle' },
      { header: '抽取时间', width: 0.24 },
      { header: '抽中家数', width: 0.12, align: 'center' },
      { header: '状态', width: 0.26 },
      { header: '重新抽取原因', width: 0.28 },
    ],
    rows: data.draws.map((d) => [`第${d.seq}次`, d.drawnAt, `${d.institutionCount} 家`, d.state, d.reason ?? '—']),
    size: GOV_SIZES.five,
  });
  doc.space(8);

  // Seeds and hashes on lines of their own: split inside narrow table cells they could not be copied whole.
  doc.heading('三、验证数据');
  const line = { size: GOV_SIZES.five, justify: false, pitch: 16 } as const;
  for (const d of data.draws) {
    doc.ensureSpace(5 * 16);
    doc.paragraph(`第${d.seq}次抽取（${d.state}）`, { ...line, weight: 'bold' });
    doc.paragraph(`算法版本：${d.algorithmVersion}`, line);
    doc.paragraph(`随机种子：${d.seed}`, line);
    doc.paragraph('候选名单哈希（SHA-256）：', line);
    doc.paragraph(d.candidateHash, line);
    doc.space(6);
  }

  doc.heading('四、说明');
  for (const note of data.notes) doc.paragraph(note, { size: GOV_SIZES.smallFour, indent: true });
  doc.space(8);
  doc.paragraph(data.organ, { align: 'right', size: GOV_SIZES.four });
  doc.paragraph(data.publishedOn, { align: 'right', size: GOV_SIZES.four });

  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, pageCount, code: verification.code };
}
