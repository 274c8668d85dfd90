import type { StatisticsTotals } from '../api';
import { formatArabicDate } from './chinese-date';
import { GOV_RED, GOV_SIZES, GovDocument, mm, type CellBlock, type TableRow } from './gov-document';
import type { RenderedDocument, RenderOptions } from './rectification-notice';
import { computeVerification } from './verification';

/** Document kind key of the 会商材料. */
export const MEETING_BRIEF_KIND = 'consultation-material';

/** One row of the by-town or by-department figures (the 统计 screen's row, with a printable name). */
export interface MeetingRow {
  name: string;
  found: number;
  closed: number;
  open: number;
  overdue: number;
  majorOpen: number;
}

/** One hazard of the major-open or overdue list. */
export interface MeetingHazard {
  code: string;
  institution: string;
  town: string;
  description: string;
  isMajor: boolean;
  /** Short names of the responsible departments, joined (消防、市场监管). */
  departments: string;
  /** YYYY-MM-DD. */
  deadline: string;
  /** Days past the deadline on `asOf`; 0 when not overdue. */
  overdueDays: number;
}

/** A capped list with the full count (the statistics module caps its lists). */
export interface MeetingHazardList {
  total: number;
  items: MeetingHazard[];
}

/** Everything a 会商材料 prints: the 统计 screen's figures for one period and scope. */
export interface MeetingBriefData {
  issuingOrgan: string;
  number: string;
  issueDate: string;
  period: { from: string; to: string };
  /** The day the stock figures (open, overdue, major open) describe. */
  asOf: string;
  /** Town name when narrowed to one town, else null (全区). */
  town: string | null;
  /** Department name when narrowed to one department, else null (全部责任部门). */
  department: string | null;
  totals: StatisticsTotals;
  byTown: MeetingRow[];
  byDepartment: MeetingRow[];
  byMonth: { month: string; found: number; closed: number }[];
  majorOpen: MeetingHazardList;
  overdue: MeetingHazardList;
}

const COLORS = { found: '#2F5597', closed: '#4E9A3A', open: '#E07B24', axis: '#555555', grid: '#D9D9D9' } as const;

/** A rate as printed: 83.3%, or — when nothing was found. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Days as printed: whole days plain, halves (a median of an even count) with one decimal; — when none. */
export function formatDays(days: number | null): string {
  if (days === null) return '—';
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

/** The summary paragraph; the service test compares its figures with statistics:dashboard. */
export function summaryText(data: MeetingBriefData): string {
  const t = data.totals;
  const period = `${formatArabicDate(data.period.from)}至${formatArabicDate(data.period.to)}`;
  const scope = data.town ?? '全区';
  return (
    `${period}，${scope}在册养老机构${t.institutions}家，开展检查${t.inspections}次，覆盖机构${t.inspectedInstitutions}家；` +
    `发现隐患${t.found}处，其中重大事故隐患${t.majorFound}处；期内发现的隐患已整改闭环${t.closed}处，整改率${formatRate(t.rectificationRate)}。` +
    `截至${formatArabicDate(data.asOf)}，尚未闭环隐患${t.open}处，其中逾期未整改${t.overdue}处，重大事故隐患未闭环${t.majorOpen}处。` +
    `期内闭环隐患${t.closedInPeriod}处，整改用时中位数${formatDays(t.medianDaysToClose)}天、平均${formatDays(t.meanDaysToClose)}天。`
  );
}

/** Axis maximum and step: 1, 2 or 5 × 10ⁿ so the gridlines fall on round numbers. */
function niceScale(max: number, ticks = 5): { max: number; step: number } {
  // Small counts get a 0–5 axis: one hazard filling the whole width would overstate it.
  if (max <= ticks) return { max: ticks, step: 1 };
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow;
  const stepInt = Math.max(1, Math.round(step));
  return { max: Math.ceil(max / stepInt) * stepInt, step: stepInt };
}

/** A row of colour keys (■ 发现隐患 ■ 已闭环) at the top right of a chart. */
function legend(doc: GovDocument, top: number, series: { name: string; color: string }[]): void {
  const size = 9;
  const measure = doc.measure('regular', size);
  let x = doc.left + doc.width;
  for (const s of [...series].reverse()) {
    const w = measure(s.name);
    x -= w;
    doc.label(s.name, x, top, { size, color: '#333333' });
    x -= 12;
    doc.pdf
      .save()
      .rect(x, top + 3.5, 8, 8)
      .fill(s.color)
      .restore();
    x -= 12;
  }
}

/**
 * Horizontal grouped bars, one group per row, split over pages when long; every part keeps the same scale so
 * bars on two pages compare. Values are written at the bar ends.
 */
function horizontalBars(
  doc: GovDocument,
  caption: string,
  rows: { label: string; values: number[] }[],
  series: { name: string; color: string }[],
): void {
  const bar = 5.5;
  const groupHeight = series.length * bar + 6;
  const labelWidth = 78;
  const valueRoom = 26;
  const chartLeft = doc.left + labelWidth;
  const chartWidth = doc.width - labelWidth - valueRoom;
  const scale = niceScale(Math.max(0, ...rows.flatMap((r) => r.values)));
  const headHeight = 22;
  const axisHeight = 16;
  let start = 0;
  while (start < rows.length) {
    // At least five groups per part, otherwise start the chart on a fresh page.
    const fit = Math.floor((doc.remaining - headHeight - axisHeight - 8) / groupHeight);
    if (fit < Math.min(5, rows.length - start)) {
      doc.pageBreak();
      continue;
    }
    const part = rows.slice(start, start + fit);
    const height = headHeight + part.length * groupHeight + axisHeight + 8;
    const top = doc.reserve(height);
    doc.label(start === 0 ? caption : `${caption}（续）`, doc.left, top, { size: 10.5, weight: 'bold' });
    legend(doc, top, series);
    const plotTop = top + headHeight;
    const plotBottom = plotTop + part.length * groupHeight;
    const pdf = doc.pdf;
    pdf.save().lineWidth(0.4).strokeColor(COLORS.grid);
    for (let v = scale.step; v <= scale.max; v += scale.step) {
      const x = chartLeft + (v / scale.max) * chartWidth;
      pdf.moveTo(x, plotTop).lineTo(x, plotBottom).stroke();
    }
    pdf.restore();
    part.forEach((row, i) => {
      const gTop = plotTop + i * groupHeight + 3;
      doc.label(row.label, doc.left, gTop + (series.length * bar) / 2 - 6.5, {
        size: 9,
        align: 'right',
        width: labelWidth - 6,
      });
      row.values.forEach((v, k) => {
        const y = gTop + k * bar;
        const w = (v / scale.max) * chartWidth;
        if (w > 0)
          pdf
            .save()
            .rect(chartLeft, y, w, bar - 0.8)
            .fill(series[k]?.color ?? '#888888')
            .restore();
        // A zero of the second series is left unwritten: "0" under every bar only adds noise.
        if (v > 0 || k === 0)
          doc.label(String(v), chartLeft + w + 2, y + (bar - 0.8) / 2 - 6.5 * 0.7, { size: 6.5, color: '#333333' });
      });
    });
    pdf
      .save()
      .lineWidth(0.8)
      .strokeColor(COLORS.axis)
      .moveTo(chartLeft, plotTop)
      .lineTo(chartLeft, plotBottom)
      .lineTo(chartLeft + chartWidth, plotBottom)
      .stroke()
      .restore();
    for (let v = 0; v <= scale.max; v += scale.step) {
      const x = chartLeft + (v / scale.max) * chartWidth;
      doc.label(String(v), x - 20, plotBottom + 2, { size: 7, align: 'center', width: 40, color: '#555555' });
    }
    start += part.length;
  }
  doc.space(6);
}

/** Monthly found-vs-closed bars with a labelled y axis; month labels thinned out when months are many. */
function monthChart(doc: GovDocument, months: MeetingBriefData['byMonth']): void {
  const height = 220;
  const top = doc.reserve(height);
  doc.label('图1  各月发现与闭环隐患数', doc.left, top, { size: 10.5, weight: 'bold' });
  const series = [
    { name: '当月发现', color: COLORS.found },
    { name: '当月闭环', color: COLORS.closed },
  ];
  legend(doc, top, series);
  const axisLeft = doc.left + 30;
  const plotTop = top + 26;
  const plotBottom = top + height - 34;
  const plotWidth = doc.left + doc.width - axisLeft;
  const scale = niceScale(Math.max(0, ...months.flatMap((m) => [m.found, m.closed])));
  const pdf = doc.pdf;
  const yOf = (v: number) => plotBottom - (v / scale.max) * (plotBottom - plotTop);
  for (let v = 0; v <= scale.max; v += scale.step) {
    const y = yOf(v);
    if (v > 0)
      pdf
        .save()
        .lineWidth(0.4)
        .strokeColor(COLORS.grid)
        .moveTo(axisLeft, y)
        .lineTo(axisLeft + plotWidth, y)
        .stroke()
        .restore();
    doc.label(String(v), doc.left, y - 6, { size: 7, align: 'right', width: 26, color: '#555555' });
  }
  const slot = plotWidth / Math.max(1, months.length);
  const barWidth = Math.min(9, slot * 0.36);
  // One month label in every `every` slots, so labels never overlap (a label needs about 16 pt).
  const every = Math.max(1, Math.ceil(16 / slot));
  months.forEach((m, i) => {
    const center = axisLeft + slot * (i + 0.5);
    [m.found, m.closed].forEach((v, k) => {
      const h = plotBottom - yOf(v);
      const x = center - barWidth + k * barWidth;
      if (h > 0)
        pdf
          .save()
          .rect(x + 0.3, plotBottom - h, barWidth - 0.6, h)
          .fill(series[k]?.color ?? '#888888')
          .restore();
    });
    const [year, month] = m.month.split('-');
    if (i % every === 0)
      doc.label(`${Number(month)}月`, center - 14, plotBottom + 3, {
        size: 7,
        align: 'center',
        width: 28,
        color: '#333333',
      });
    // The year under January and under the first month, so a two-year chart reads unambiguously.
    if (i === 0 || month === '01')
      doc.label(`${year}年`, center - 20, plotBottom + 13, { size: 7, align: 'center', width: 40, color: '#333333' });
  });
  pdf
    .save()
    .lineWidth(0.8)
    .strokeColor(COLORS.axis)
    .moveTo(axisLeft, plotTop)
    .lineTo(axisLeft, plotBottom)
    .lineTo(axisLeft + plotWidth, plotBottom)
    .stroke()
    .restore();
  doc.space(4);
}

/** The key figures as eight framed tiles, four to a row. */
function keyFigures(doc: GovDocument, data: MeetingBriefData): void {
  const t = data.totals;
  const tiles: { label: string; value: string; unit: string; note: string; alert?: boolean }[] = [
    { label: '在册机构', value: String(t.institutions), unit: '家', note: `期内受检${t.inspectedInstitutions}家` },
    { label: '检查次数', value: String(t.inspections), unit: '次', note: '期内开展' },
    { label: '发现隐患', value: String(t.found), unit: '处', note: `其中重大${t.majorFound}处` },
    { label: '整改率', value: formatRate(t.rectificationRate), unit: '', note: `已闭环${t.closed}处` },
    { label: '未闭环隐患', value: String(t.open), unit: '处', note: `截至${formatArabicDate(data.asOf)}` },
    { label: '逾期未整改', value: String(t.overdue), unit: '处', note: '超过整改期限', alert: t.overdue > 0 },
    { label: '重大隐患未闭环', value: String(t.majorOpen), unit: '处', note: '重大事故隐患', alert: t.majorOpen > 0 },
    {
      label: '整改用时（中位/平均）',
      value: `${formatDays(t.medianDaysToClose)}/${formatDays(t.meanDaysToClose)}`,
      unit: '天',
      note: `期内闭环${t.closedInPeriod}处`,
    },
  ];
  const gap = mm(3);
  const w = (doc.width - 3 * gap) / 4;
  const h = 56;
  const top = doc.reserve(2 * h + gap);
  tiles.forEach((tile, i) => {
    const x = doc.left + (i % 4) * (w + gap);
    const y = top + Math.floor(i / 4) * (h + gap);
    doc.pdf
      .save()
      .rect(x, y, w, h)
      .fill(tile.alert ? '#FFF3F3' : '#F5F7FA')
      .restore();
    doc.pdf
      .save()
      .lineWidth(0.6)
      .strokeColor(tile.alert ? GOV_RED : '#B8C2CC')
      .rect(x, y, w, h)
      .stroke()
      .restore();
    doc.label(tile.label, x, y + 3, { size: 9, align: 'center', width: w, color: '#333333' });
    const valueSize = tile.value.length > 7 ? 15 : 20;
    const valueWidth = doc.measure('bold', valueSize)(tile.value);
    const unitWidth = tile.unit ? doc.measure('regular', 9)(tile.unit) + 2 : 0;
    const vx = x + (w - valueWidth - unitWidth) / 2;
    doc.label(tile.value, vx, y + 15 + (20 - valueSize) / 2, {
      size: valueSize,
      weight: 'bold',
      color: tile.alert ? GOV_RED : '#1F3864',
    });
    if (tile.unit) doc.label(tile.unit, vx + valueWidth + 2, y + 23, { size: 9, color: '#333333' });
    doc.label(tile.note, x, y + h - 15, { size: 8, align: 'center', width: w, color: '#666666' });
  });
  doc.space(6);
}

/** Figures table of towns or departments; `total` adds a bold 合计 row. */
function figuresTable(doc: GovDocument, first: string, rows: MeetingRow[], total?: MeetingRow): void {
  const cells = (r: MeetingRow): string[] => [
    r.name,
    String(r.found),
    String(r.closed),
    formatRate(r.found ? r.closed / r.found : null),
    String(r.open),
    String(r.overdue),
    String(r.majorOpen),
  ];
  const body: TableRow[] = rows.map(cells);
  if (total) body.push({ cells: cells(total).map((text) => [{ text, weight: 'bold' as const }]), fill: '#F4F4F4' });
  doc.table({
    columns: [
      { header: first, width: 0.22 },
      { header: '发现隐患', width: 0.13, align: 'center' },
      { header: '已闭环', width: 0.12, align: 'center' },
      { header: '整改率', width: 0.13, align: 'center' },
      { header: '未闭环', width: 0.12, align: 'center' },
      { header: '逾期未整改', width: 0.14, align: 'center' },
      { header: '重大未闭环', width: 0.14, align: 'center' },
    ],
    rows: body,
    size: GOV_SIZES.five,
  });
}

/** A hazard list: institution, hazard, departments, deadline, overdue days; header repeated on each page. */
function hazardTable(doc: GovDocument, list: MeetingHazardList, empty: string): void {
  if (list.total === 0) {
    doc.body(empty);
    return;
  }
  if (list.total > list.items.length)
    doc.paragraph(`共${list.total}处，以下列出逾期时间最长的${list.items.length}处。`, {
      size: GOV_SIZES.smallFour,
      color: '#444444',
    });
  const rows: TableRow[] = list.items.map((h, i) => {
    const desc: CellBlock[] = [];
    if (h.isMajor) desc.push({ text: '【重大事故隐患】', weight: 'bold', color: GOV_RED });
    desc.push({ text: h.description });
    const overdue: CellBlock[] =
      h.overdueDays > 0 ? [{ text: `${h.overdueDays}天`, weight: 'bold', color: GOV_RED }] : [{ text: '未逾期' }];
    return [
      String(i + 1),
      [{ text: h.institution }, { text: `${h.town}\u3000${h.code}`, size: 8, color: '#666666' }],
      desc,
      h.departments || '—',
      // 9 pt keeps 2025年12月28日 on one line in its column.
      [{ text: formatArabicDate(h.deadline), size: 9 }],
      overdue,
    ];
  });
  doc.table({
    columns: [
      { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
      { header: '机构', width: 0.21 },
      { header: '隐患情况', width: 0.29 },
      { header: '责任部门', width: 0.12, align: 'center', valign: 'middle' },
      { header: '整改期限', width: 0.19, align: 'center', valign: 'middle' },
      { header: '逾期天数', width: 0.12, align: 'center', valign: 'middle' },
    ],
    rows,
    size: GOV_SIZES.five,
  });
}

/**
 * Renders a 会商材料 for the joint-supervision meeting: the cover and a one-page summary (key figures as
 * tiles), the monthly trend and the by-town and by-department charts drawn as pdfkit vectors, the figures
 * tables, and the lists of major hazards still open and of overdue hazards.
 */
export async function renderMeetingBrief(data: MeetingBriefData, options: RenderOptions): Promise<RenderedDocument> {
  const verification = computeVerification({ kind: MEETING_BRIEF_KIND, number: data.number, data });
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title: `会商材料 ${data.number}`,
    author: data.issuingOrgan,
    documentId: options.documentId,
    verificationCode: verification.code,
    documentNumber: data.number,
    draft: options.draft ?? false,
  });
  const period = `${formatArabicDate(data.period.from)}至${formatArabicDate(data.period.to)}`;
  doc.header(data.issuingOrgan, data.number);
  doc.title('养老机构综合监管“一件事”会商材料');
  doc.keyValues(
    [
      { label: '统计期间', value: period },
      {
        label: '统计范围',
        value: `${data.town ?? '全区'}；${data.department ? `责任部门：${data.department}` : '全部责任部门'}`,
      },
      { label: '数据截至', value: formatArabicDate(data.asOf) },
      { label: '编制单位', value: `${data.issuingOrgan}（${formatArabicDate(data.issueDate)}）` },
    ],
    { size: GOV_SIZES.smallFour },
  );
  doc.space(6);
  doc.heading('一、总体情况');
  doc.body(summaryText(data));
  doc.space(4);
  keyFigures(doc, data);
  doc.paragraph(
    '口径说明：发现隐患、已闭环和整改率按期内登记的隐患统计；未闭环、逾期和重大隐患未闭环为截至数据截止日的存量，含期前登记尚未闭环的隐患；整改用时为期内闭环隐患自登记至闭环的自然日数。一条隐患涉及多个责任部门的，分部门统计时各计一次。',
    { size: 9, pitch: 14, color: '#555555' },
  );

  doc.pageBreak();
  doc.heading('二、隐患发现与整改趋势');
  monthChart(doc, data.byMonth);
  doc.heading('三、分街镇情况');
  horizontalBars(
    doc,
    '图2  各街镇发现隐患与未闭环隐患',
    data.byTown.map((r) => ({ label: r.name, values: [r.found, r.open] })),
    [
      { name: '发现隐患', color: COLORS.found },
      { name: '未闭环', color: COLORS.open },
    ],
  );
  const t = data.totals;
  figuresTable(doc, '街镇', data.byTown, {
    name: '合计',
    found: t.found,
    closed: t.closed,
    open: t.open,
    overdue: t.overdue,
    majorOpen: t.majorOpen,
  });

  doc.heading('四、分责任部门情况');
  horizontalBars(
    doc,
    '图3  各责任部门发现隐患与未闭环隐患',
    data.byDepartment.map((r) => ({ label: r.name, values: [r.found, r.open] })),
    [
      { name: '发现隐患', color: COLORS.found },
      { name: '未闭环', color: COLORS.open },
    ],
  );
  figuresTable(doc, '责任部门', data.byDepartment);

  doc.heading(`五、重大事故隐患未闭环清单（${data.majorOpen.total}处）`);
  hazardTable(doc, data.majorOpen, '截至数据截止日，没有未闭环的重大事故隐患。');
  doc.heading(`六、逾期未整改隐患清单（${data.overdue.total}处）`);
  hazardTable(doc, data.overdue, '截至数据截止日，没有逾期未整改的隐患。');

  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, verification, pageCount };
}
