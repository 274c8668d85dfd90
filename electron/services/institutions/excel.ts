import ExcelJS from 'exceljs';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type Institution, type InstitutionFields } from '../../api';
import { AppError } from '../errors';
import { columnLetter, DATA_SHEET, EXCEL_COLUMNS, NO, YES, type ExcelColumn } from './columns';

/** Rows of the template that carry drop-down lists (the file stays small; typing past them still works). */
const TEMPLATE_VALIDATION_ROWS = 1000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** exceljs supports range validations at runtime but does not declare `dataValidations` in its types. */
type WorksheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void };
};

/** Header text of a column as written in the sheet: required columns end with '*'. */
export function headerText(column: ExcelColumn): string {
  return column.required ? `${column.header}*` : column.header;
}

function addDataSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXCEL_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.kind === 'code' || c.kind === 'date' || c.kind === 'text' ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.getRow(1);
  EXCEL_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c);
    cell.font = { bold: true };
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.numFmt = 'General';
  });
  header.height = 32;
  return ws;
}

/** Text written for a field's value; the importer reads these back to the same value. */
export function cellValueOf(column: ExcelColumn, inst: Institution): string | number | null {
  if (column.kind === 'town') return inst.townName;
  const v = inst[column.key];
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? YES : NO;
  return v;
}

async function toTransfer(wb: ExcelJS.Workbook, fileName: string): Promise<{ fileName: string; base64: string }> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName, base64: buffer.toString('base64') };
}

/**
 * The import template: the data sheet with drop-down lists for types, statuses, yes/no and towns, a 填写说明
 * sheet explaining every column, and the town list the drop-down uses.
 */
export async function buildTemplate(townNames: string[]): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CareInspect';
  const ws = addDataSheet(wb);
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 28 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'hint', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of EXCEL_COLUMNS) help.addRow({ header: c.header, required: c.required ? '必填' : '', hint: c.hint });
  help.addRow({});
  help.addRow({
    header: '说明',
    hint: '第 1 行为表头，请勿修改或合并；从第 2 行起每行一个机构。不要使用公式和合并单元格。',
  });
  help.addRow({ hint: '按统一社会信用代码匹配：系统中已有的机构将被更新，没有的将被新增。' });
  const townSheet = wb.addWorksheet('街镇');
  townNames.forEach((name, i) => (townSheet.getCell(i + 1, 1).value = name));
  const last = TEMPLATE_VALIDATION_ROWS + 1;
  EXCEL_COLUMNS.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${last}`;
    const list =
      c.kind === 'bool'
        ? `"${YES},${NO}"`
        : c.kind === 'enum' && c.options
          ? `"${c.options.join(',')}"`
          : c.kind === 'town' && townNames.length
            ? `'街镇'!$A$1:$A$${townNames.length}`
            : null;
    if (!list) return;
    (ws as WorksheetWithValidations).dataValidations.add(range, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [list],
      showErrorMessage: true,
      errorTitle: '取值无效',
      error: c.hint || '请从下拉列表中选择',
    });
  });
  return toTransfer(wb, '机构档案导入模板.xlsx');
}

/** The registry (or a filtered part) in the template's columns, so the file re-imports without change. */
export async function buildExport(
  rows: Institution[],
  fileName: string,
): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CareInspect';
  const ws = addDataSheet(wb);
  for (const inst of rows) ws.addRow(EXCEL_COLUMNS.map((c) => cellValueOf(c, inst)));
  return toTransfer(wb, fileName);
}

/** A cell as the importer sees it: empty, a plain value, or a problem that makes the row invalid. */
export type RawCell =
  { kind: 'empty' } | { kind: 'value'; value: string | number | boolean | Date } | { kind: 'problem'; reason: string };

/** One data row of the sheet: its Excel row number and its cells by field. */
export interface RawRow {
  row: number;
  cells: Map<keyof InstitutionFields, RawCell>;
}

/** The data sheet as read: rows, which columns were present (and where), and notes for the user. */
export interface RawSheet {
  rows: RawRow[];
  columns: Array<{ column: ExcelColumn; index: number }>;
  warnings: string[];
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Buffer): boolean {
  return (
    bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
  );
}

/** Decodes the transferred bytes and refuses, with a clear message, files that cannot be a usable .xlsx. */
export function decodeFile(base64: string, fileName: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', `文件“${fileName}”是空文件，未导入任何数据`);
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new AppError(
      'VALIDATION',
      `文件“${fileName}”大小为 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 上限，未导入任何数据。请分批导入`,
    );
  }
  if (isOle(bytes)) {
    throw new AppError(
      'VALIDATION',
      `文件“${fileName}”是旧版 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 后再导入`,
    );
  }
  if (!isZip(bytes)) {
    throw new AppError(
      'VALIDATION',
      `文件“${fileName}”不是 Excel 表格（.xlsx），未导入任何数据。请使用“下载导入模板”得到的格式`,
    );
  }
  return bytes;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return String(value);
}

/** Normalised header text: no star, no spaces, no line breaks. */
function normalizeHeader(text: string): string {
  return text.replace(/[*＊\s]/g, '');
}

function readCell(cell: ExcelJS.Cell): RawCell {
  if (cell.isMerged) {
    // Named by the merged area's first cell, so an area spanning several columns is reported once.
    return { kind: 'problem', reason: `从 ${cell.master.address} 开始的单元格是合并单元格，请取消合并并逐格填写` };
  }
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) {
      return { kind: 'problem', reason: `单元格 ${cell.address} 含有公式，请复制后“粘贴为数值”` };
    }
    if ('error' in v) return { kind: 'problem', reason: `单元格 ${cell.address} 是错误值 ${v.error}` };
    const text = cellText(v).trim();
    return text === '' ? { kind: 'empty' } : { kind: 'value', value: text };
  }
  if (typeof v === 'string') {
    const text = v.trim();
    return text === '' ? { kind: 'empty' } : { kind: 'value', value: text };
  }
  return { kind: 'value', value: v };
}

/**
 * Reads the data sheet of an import file (the sheet named 机构档案, else the first one): checks the header row,
 * then reads every non-empty row's cells. File-level problems (not a spreadsheet, no header, no rows, too many
 * rows) throw VALIDATION with a Chinese message; row-level problems stay in the cells for the preview.
 */
export async function readImportFile(base64: string, fileName: string): Promise<RawSheet> {
  const bytes = decodeFile(base64, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError(
      'VALIDATION',
      `无法读取文件“${fileName}”：它不是有效的 Excel（.xlsx）表格或已损坏，未导入任何数据`,
    );
  }
  const ws = wb.getWorksheet(DATA_SHEET) ?? wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) throw new AppError('VALIDATION', `文件“${fileName}”中没有数据，未导入任何内容`);
  if (ws.rowCount - 1 > IMPORT_MAX_ROWS) {
    throw new AppError(
      'VALIDATION',
      `文件“${fileName}”有 ${ws.rowCount - 1} 行，超过单次导入 ${IMPORT_MAX_ROWS} 行的上限，未导入任何数据。请分批导入`,
    );
  }
  const header = ws.getRow(1);
  const byHeader = new Map(EXCEL_COLUMNS.map((c) => [c.header, c]));
  const columns: RawSheet['columns'] = [];
  const warnings: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (let i = 1; i <= ws.columnCount; i++) {
    const cell = header.getCell(i);
    const text = normalizeHeader(cellText(cell.value));
    if (!text) continue;
    if (cell.isMerged) {
      throw new AppError('VALIDATION', `表头单元格 ${cell.address} 是合并单元格，请使用导入模板的表头，未导入任何数据`);
    }
    const column = byHeader.get(text);
    if (!column) {
      unknown.push(text);
      continue;
    }
    if (seen.has(column.header)) {
      throw new AppError(
        'VALIDATION',
        `表头中“${column.header}”出现了两次（第 ${columnLetter(i)} 列），未导入任何数据`,
      );
    }
    seen.add(column.header);
    columns.push({ column, index: i });
  }
  const missingRequired = EXCEL_COLUMNS.filter((c) => c.required && !seen.has(c.header));
  if (missingRequired.length) {
    throw new AppError(
      'VALIDATION',
      `第 1 行表头缺少必填列：${missingRequired.map((c) => c.header).join('、')}。请使用“下载导入模板”得到的表头，未导入任何数据`,
    );
  }
  if (unknown.length) warnings.push(`以下列不是机构档案的列，已忽略：${unknown.join('、')}`);
  const missingOptional = EXCEL_COLUMNS.filter((c) => !seen.has(c.header));
  if (missingOptional.length) {
    warnings.push(
      `文件中没有以下列，已有机构的这些信息保持不变，新机构按空白处理：${missingOptional.map((c) => c.header).join('、')}`,
    );
  }
  const rows: RawRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const cells = new Map<keyof InstitutionFields, RawCell>();
    let anyValue = false;
    for (const { column, index } of columns) {
      const raw = readCell(row.getCell(index));
      if (raw.kind !== 'empty') anyValue = true;
      cells.set(column.key, raw);
    }
    if (anyValue) rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw new AppError('VALIDATION', `文件“${fileName}”只有表头，没有数据行，未导入任何内容`);
  return { rows, columns, warnings };
}
