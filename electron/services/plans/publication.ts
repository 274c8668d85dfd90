import ExcelJS from 'exceljs';
import { renderDrawLog, type DrawLogData, type DrawLogDraw } from '../../reports/draw-log';
import { resolveReportFonts } from '../../reports/fonts';
import type { CallContext } from '../context';
import { readDocumentSettings } from '../documents/settings';
import { AppError } from '../errors';
import { DRAW_ALGORITHM_VERSION } from './draw';
import { chinaDate, departmentLabels, planDetail } from './records';
import { formatDay } from './schedule';

const CST_OFFSET_MS = 8 * 3_600_000;

/** 2026-03-02T01:30:00Z → 2026年3月2日 09:30 (China Standard Time). */
export function formatDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString();
  return `${formatDay(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** What an unannounced plan shows instead of a date or a period that has not passed yet. */
export const WITHHELD_DATE = '按计划';
/** What an unannounced plan shows instead of a team before its date has passed. */
export const WITHHELD_TEAM = '检查后公布';

/**
 * The public content of a plan's draw log, as of `ctx.now()`. Published: plan name and type, period, the
 * participating departments, the drawn institutions (name, town), and for each draw the algorithm version, the
 * seed and the candidate hash (so anyone handed the candidate lists can re-run it) with the redraw reasons.
 * Never published: phone numbers, the scope (towns, types, risk threshold), notes. For an unannounced plan a
 * date and the team appear only once that date has passed, and the period only once it has ended.
 */
export function buildDrawLogData(ctx: CallContext, planId: string): DrawLogData {
  const detail = planDetail(ctx.deps, planId);
  const { plan } = detail;
  if (plan.status === '已作废') throw new AppError('CONFLICT', '该计划已作废，不能导出抽取结果公示');
  const current = detail.draws.find((d) => d.id === plan.currentDrawId);
  if (!current) throw new AppError('VALIDATION', '该计划还没有抽取，无法导出抽取结果公示');
  const today = chinaDate(ctx.now());
  const labels = departmentLabels(ctx.deps);
  const dept = (key: string) => labels.names.get(key) ?? key;
  const seqOf = new Map(detail.draws.map((d) => [d.id, d.seq]));
  const toDraw = (d: (typeof detail.draws)[number]): DrawLogDraw => ({
    seq: d.seq,
    drawnAt: formatDateTime(d.drawnAt),
    algorithmVersion: d.algorithmVersion,
    seed: d.seed,
    candidateHash: d.candidateHash,
    institutionCount: d.institutions.length,
    reason: d.reason,
    state: d.supersededById ? `已被第${seqOf.get(d.supersededById) ?? '?'}次抽取取代` : '有效',
  });
  const periodHidden = plan.isFlying && today <= plan.periodEnd;
  const rows = detail.assignments.map((a) => {
    const passed = a.scheduledDate !== null && a.scheduledDate < today;
    const hidden = plan.isFlying && !passed;
    return {
      seq: a.sortOrder,
      institutionName: a.institutionName,
      townName: a.townName,
      date: hidden ? WITHHELD_DATE : a.scheduledDate ? formatDay(a.scheduledDate) : '待定',
      team: hidden ? WITHHELD_TEAM : a.team.map((m) => `${m.name}（${dept(m.departmentKey)}）`).join('、'),
    };
  });
  const notes = [
    `抽取采用 ${DRAW_ALGORITHM_VERSION} 算法，随机种子在抽取时由计算机随机生成。本公示公布每次抽取的随机种子和候选名单哈希（SHA-256），任何人使用备查的候选名单和相同种子重新计算，结果应与本公示一致。`,
    ...(detail.draws.length > 1 ? ['重新抽取均已记录原因，历次抽取结果一并存档备查。'] : []),
    ...(plan.isFlying ? ['本计划为飞行检查，检查日期和检查组成员在检查日期过后公布。'] : []),
    '本公示不含检查人员联系方式。',
  ];
  return {
    organ: readDocumentSettings(ctx.deps).issuingOrgan,
    planName: plan.name,
    planType: plan.type,
    period: periodHidden ? WITHHELD_DATE : `${formatDay(plan.periodStart)}至${formatDay(plan.periodEnd)}`,
    departments: plan.departmentKeys.map(dept),
    current: toDraw(current),
    rows,
    draws: detail.draws.map(toDraw),
    notes,
    publishedOn: formatDay(today),
  };
}

/** The draw log as an Excel workbook: the same content as the PDF, one sheet for the result, one for the draws. */
export async function drawLogWorkbook(data: DrawLogData, created: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = data.organ;
  wb.created = created;
  wb.modified = created;
  const sheet = wb.addWorksheet('抽取结果');
  sheet.columns = [{ width: 8 }, { width: 36 }, { width: 16 }, { width: 18 }, { width: 40 }];
  sheet.addRow([`${data.planName}抽取结果公示`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 5);
  const facts: Array<[string, string]> = [
    ['计划名称', data.planName],
    ['检查类型', data.planType],
    ['检查时间', data.period],
    ['参与部门', data.departments.join('、')],
    ['抽取时间', data.current.drawnAt],
    ['抽取算法', data.current.algorithmVersion],
    ['随机种子', data.current.seed],
    ['候选名单哈希', data.current.candidateHash],
    ['发布单位', data.organ],
    ['发布日期', data.publishedOn],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(['序号', '被检查机构', '所在街镇', '检查日期', '检查组成员']);
  header.font = { bold: true };
  for (const r of data.rows) sheet.addRow([r.seq, r.institutionName, r.townName, r.date, r.team]);
  sheet.addRow([]);
  for (const note of data.notes) sheet.addRow([note]);

  const draws = wb.addWorksheet('抽取记录');
  draws.columns = [
    { width: 8 },
    { width: 20 },
    { width: 20 },
    { width: 36 },
    { width: 68 },
    { width: 10 },
    { width: 22 },
    { width: 40 },
  ];
  draws.addRow(['次序', '抽取时间', '算法版本', '随机种子', '候选名单哈希', '抽中家数', '状态', '重新抽取原因']).font =
    {
      bold: true,
    };
  for (const d of data.draws) {
    draws.addRow([
      d.seq,
      d.drawnAt,
      d.algorithmVersion,
      d.seed,
      d.candidateHash,
      d.institutionCount,
      d.state,
      d.reason ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Exports the draw log (PDF or Excel) through the app's file saver under a Chinese name. */
export async function exportDrawLog(
  ctx: CallContext,
  planId: string,
  format: 'pdf' | 'xlsx',
): Promise<{ fileName: string; saved: { path: string; bytes: number } | null }> {
  const data = buildDrawLogData(ctx, planId);
  const created = ctx.deps.clock();
  const drawId = planDetail(ctx.deps, planId).plan.currentDrawId ?? planId;
  const bytes =
    format === 'pdf'
      ? (
          await renderDrawLog(data, {
            fonts: resolveReportFonts(ctx.deps.resourcesDir),
            documentId: drawId,
            creationDate: created,
          })
        ).pdf
      : await drawLogWorkbook(data, created);
  const fileName = `${data.planName}_抽取结果公示.${format}`;
  const saved = await ctx.deps.saveFile(fileName, bytes);
  return { fileName, saved };
}
