import { institutionFieldsSchema, type ImportPreview, type ImportResult, type InstitutionFields } from '../../api';
import { institutions } from '../../../db/schema';
import { createAuditedInserter } from '../../../db/queries/audited-write';
import { insertAudit } from '../../../db/queries/audit';
import { cachedStatement } from '../../../db/queries/statement-cache';
import type { Actor } from '../../../db/queries/audit';
import type { ServiceDeps } from '../context';
import { AppError } from '../errors';
import { columnLetter, FIELD_LABELS, NO, YES, type ExcelColumn } from './columns';
import type { RawCell, RawSheet } from './excel';
import { columnName, FIELD_KEYS, type InstitutionRow } from './records';
import { validateUscc } from './uscc';

type Issue = ImportPreview['errors'][number];
type Change = ImportPreview['updates'][number]['changes'][number];

/** A valid row that adds a new institution. */
interface PlannedAdd {
  row: number;
  fields: InstitutionFields;
  townName: string;
}

/** A valid row that changes an existing institution. */
interface PlannedUpdate {
  row: number;
  id: string;
  before: InstitutionRow;
  fields: InstitutionFields;
  changes: Change[];
}

/** Everything an import would do, computed without writing. */
export interface ImportPlan {
  totalRows: number;
  errors: Issue[];
  errorRows: number;
  adds: PlannedAdd[];
  updates: PlannedUpdate[];
  unchanged: number;
}

const DEFAULTS: InstitutionFields = {
  name: '',
  uscc: '',
  licenceNo: null,
  licenceDate: null,
  address: '',
  townId: '',
  type: '民办',
  bedCount: 0,
  residentsSelfCare: 0,
  residentsSemiDisabled: 0,
  residentsDisabled: 0,
  residentsDementia: 0,
  legalRepresentative: null,
  contactPerson: null,
  contactPhone: null,
  fireSafetyResponsible: null,
  fireSafetyManager: null,
  buildingYear: null,
  buildingStoreys: null,
  buildingStructure: null,
  buildingShared: false,
  hasCanteen: false,
  hasClinic: false,
  hasLifts: false,
  hasPipedGas: false,
  hasLpg: false,
  hasOxygen: false,
  hasEbikeParking: false,
  arcFaultDetection: false,
  arcFaultDetectionDate: null,
  electricalFireMonitoring: false,
  electricalFireMonitoringDate: null,
  status: '运营',
  notes: null,
};

const TRUE_WORDS = new Set([YES, '有', 'Y', 'YES', 'TRUE', '1', '√']);
const FALSE_WORDS = new Set([NO, '无', 'N', 'NO', 'FALSE', '0', '×']);

function shown(v: string | number | boolean | Date): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads dates typed as text in the usual Chinese ways: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日. */
function parseDateText(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  return `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
}

type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

/** Converts one cell to the field's value, or explains in Chinese why it cannot. */
function convert(column: ExcelColumn, cell: RawCell, townsByName: Map<string, string>): Converted {
  if (cell.kind === 'problem') return { ok: false, reason: cell.reason };
  if (cell.kind === 'empty') {
    if (column.required) return { ok: false, reason: `${column.header}为必填项，不能为空` };
    return { ok: true, value: DEFAULTS[column.key] };
  }
  const v = cell.value;
  switch (column.kind) {
    case 'text':
      if (v instanceof Date || typeof v === 'boolean') {
        return { ok: false, reason: `${column.header}应为文字，实际为“${shown(v)}”` };
      }
      return { ok: true, value: String(v) };
    case 'code':
      if (typeof v === 'number') {
        return {
          ok: false,
          reason: `${column.header}被 Excel 存成了数字（${v}），后几位可能已丢失；请把该列设为文本格式后重新填写`,
        };
      }
      if (typeof v !== 'string') return { ok: false, reason: `${column.header}应为文字，实际为“${shown(v)}”` };
      {
        const checked = validateUscc(v);
        return checked.ok ? { ok: true, value: checked.code } : { ok: false, reason: checked.message };
      }
    case 'int': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n)) return { ok: false, reason: `${column.header}应为整数，实际为“${shown(v)}”` };
      return { ok: true, value: n };
    }
    case 'bool': {
      if (typeof v === 'boolean') return { ok: true, value: v };
      const word = String(v).trim().toUpperCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: `${column.header}应填“是”或“否”，实际为“${shown(v)}”` };
    }
    case 'date': {
      if (v instanceof Date) return { ok: true, value: v.toISOString().slice(0, 10) };
      // A date typed into a text-formatted column arrives as Excel's day number (days since 1899-12-30).
      if (typeof v === 'number' && Number.isInteger(v) && v >= 3654 && v <= 73415) {
        return { ok: true, value: new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10) };
      }
      const text = typeof v === 'string' ? parseDateText(v) : null;
      if (!text) return { ok: false, reason: `${column.header}应为日期（如 2024-03-05），实际为“${shown(v)}”` };
      return { ok: true, value: text };
    }
    case 'enum': {
      const text = String(v);
      if (!column.options?.includes(text)) {
        return { ok: false, reason: `${column.header}应为 ${column.options?.join('、')} 之一，实际为“${text}”` };
      }
      return { ok: true, value: text };
    }
    case 'town': {
      const id = townsByName.get(String(v));
      if (!id) return { ok: false, reason: `街镇“${shown(v)}”不在街镇列表中，请填写街镇全称（如“川沙新镇”）` };
      return { ok: true, value: id };
    }
  }
}

function display(key: keyof InstitutionFields, value: unknown, townNames: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (key === 'townId') return townNames.get(String(value)) ?? String(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  return String(value);
}

/** Database lookups the analysis needs, read once per import. */
interface Lookups {
  townsByName: Map<string, string>;
  townNames: Map<string, string>;
  byUscc: Map<string, InstitutionRow>;
  byName: Map<string, InstitutionRow>;
}

function loadLookups(deps: ServiceDeps): Lookups {
  const towns = deps.sqlite.prepare('SELECT id, name FROM towns').all() as Array<{ id: string; name: string }>;
  const rows = deps.db.select().from(institutions).all();
  return {
    townsByName: new Map(towns.map((t) => [t.name, t.id])),
    townNames: new Map(towns.map((t) => [t.id, t.name])),
    byUscc: new Map(rows.map((r) => [r.uscc, r])),
    byName: new Map(rows.map((r) => [r.name, r])),
  };
}

/**
 * Decides, row by row, what an import would do: each invalid row's problems (row, column, reason), which rows
 * add an institution, which update one (and which fields change), and which change nothing. Synchronous and
 * read-only, so the commit can run it again inside its transaction against the then-current data.
 */
export function planImport(deps: ServiceDeps, sheet: RawSheet): ImportPlan {
  const lookups = loadLookups(deps);
  const present = new Set(sheet.columns.map((c) => c.column.key));
  const letterOf = new Map(sheet.columns.map((c) => [c.column.key, columnLetter(c.index)]));
  const errors: Issue[] = [];
  const adds: PlannedAdd[] = [];
  const updates: PlannedUpdate[] = [];
  let unchanged = 0;
  let errorRows = 0;
  const firstRowOfCode = new Map<string, number>();
  const firstRowOfName = new Map<string, number>();

  for (const raw of sheet.rows) {
    const rowIssues: Issue[] = [];
    const failed = new Set<string>();
    const issue = (key: keyof InstitutionFields, reason: string) => {
      if (rowIssues.some((i) => i.reason === reason)) return; // one merged area spans several cells
      failed.add(key);
      rowIssues.push({ row: raw.row, column: FIELD_LABELS[key], columnLetter: letterOf.get(key) ?? '', reason });
    };
    const values: Partial<Record<keyof InstitutionFields, unknown>> = {};
    for (const { column } of sheet.columns) {
      const converted = convert(column, raw.cells.get(column.key) ?? { kind: 'empty' }, lookups.townsByName);
      if (converted.ok) values[column.key] = converted.value;
      else issue(column.key, converted.reason);
    }

    // Duplicates inside the file: the first occurrence is kept, later ones are errors pointing back to it.
    const code = typeof values.uscc === 'string' ? values.uscc : null;
    if (code) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) issue('uscc', `统一社会信用代码与第 ${first} 行重复`);
      else firstRowOfCode.set(code, raw.row);
    }
    const existing = code ? lookups.byUscc.get(code) : undefined;
    const base: InstitutionFields = existing ? { ...existing } : { ...DEFAULTS };
    // Columns absent from the file keep the stored value (or the default for a new institution).
    const merged: Record<string, unknown> = { ...base };
    for (const key of FIELD_KEYS) if (present.has(key) && key in values) merged[key] = values[key];

    const name = typeof values.name === 'string' ? values.name.trim() : null;
    if (name && code && !failed.has('name') && !failed.has('uscc')) {
      const firstName = firstRowOfName.get(name);
      if (firstName !== undefined) issue('name', `机构名称与第 ${firstName} 行重复`);
      else firstRowOfName.set(name, raw.row);
      const holder = lookups.byName.get(name);
      if (holder && holder.uscc !== code) {
        issue('name', `系统中已有同名机构（统一社会信用代码 ${holder.uscc}）；如为同一机构，请使用相同的代码`);
      }
    }

    if (rowIssues.length === 0) {
      const parsed = institutionFieldsSchema.safeParse(merged);
      if (!parsed.success) {
        for (const zi of parsed.error.issues) {
          const key = (zi.path[0] ?? 'name') as keyof InstitutionFields;
          issue(key, zi.message);
        }
      } else {
        const fields = parsed.data;
        if (existing) {
          const changes: Change[] = [];
          for (const key of FIELD_KEYS) {
            if (existing[key] !== fields[key]) {
              changes.push({
                field: key,
                label: FIELD_LABELS[key],
                before: display(key, existing[key], lookups.townNames),
                after: display(key, fields[key], lookups.townNames),
              });
            }
          }
          if (changes.length) updates.push({ row: raw.row, id: existing.id, before: existing, fields, changes });
          else unchanged += 1;
        } else {
          adds.push({ row: raw.row, fields, townName: lookups.townNames.get(fields.townId) ?? '' });
        }
      }
    }
    if (rowIssues.length) {
      errorRows += 1;
      errors.push(...rowIssues);
    }
  }
  return { totalRows: sheet.rows.length, errors, errorRows, adds, updates, unchanged };
}

/** The preview the renderer shows: problems, additions and updates (with their changed fields). */
export function toPreview(plan: ImportPlan, fileName: string, warnings: string[]): ImportPreview {
  return {
    fileName,
    totalRows: plan.totalRows,
    validRows: plan.adds.length + plan.updates.length + plan.unchanged,
    errors: plan.errors,
    errorRows: plan.errorRows,
    warnings,
    additions: plan.adds.map((a) => ({ row: a.row, name: a.fields.name, uscc: a.fields.uscc, townName: a.townName })),
    updates: plan.updates.map((u) => ({
      row: u.row,
      id: u.id,
      name: u.fields.name,
      uscc: u.fields.uscc,
      changes: u.changes,
    })),
    unchanged: plan.unchanged,
  };
}

/** Columns of a new row, in the order the audited inserter binds them. */
const INSERT_COLUMNS = ['id', ...FIELD_KEYS.map(columnName), 'archived_at', 'created_at', 'updated_at'] as const;

type SqlRow = Record<string, string | number | null>;

function sqlValue(v: unknown): string | number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === undefined) return null;
  return v as string | number | null;
}

/**
 * Writes a plan: every valid row, nothing of the invalid ones, all in the caller's transaction with one audit
 * record per added or changed institution (before and after images for updates). Returns what it did.
 */
export function writePlan(deps: ServiceDeps, plan: ImportPlan, actor: Actor, at: string, reason: string): ImportResult {
  const insert = createAuditedInserter<SqlRow>(deps.sqlite, 'institutions', INSERT_COLUMNS, 'institution', actor);
  for (const add of plan.adds) {
    const row: SqlRow = { id: deps.newId() };
    for (const key of FIELD_KEYS) row[columnName(key)] = sqlValue(add.fields[key]);
    row.archived_at = null;
    row.created_at = at;
    row.updated_at = at;
    insert(row, { auditId: deps.newId(), at, entityId: String(row.id), action: 'import-create', reason });
  }
  const update = cachedStatement(
    deps.sqlite,
    `UPDATE institutions SET ${FIELD_KEYS.map((k) => `${columnName(k)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  );
  for (const u of plan.updates) {
    update.run(...FIELD_KEYS.map((k) => sqlValue(u.fields[k])), at, u.id);
    insertAudit(deps.sqlite, {
      id: deps.newId(),
      at,
      actor,
      entity: 'institution',
      entityId: u.id,
      action: 'import-update',
      before: { ...u.before },
      after: { ...u.before, ...u.fields, updatedAt: at },
      reason,
    });
  }
  return {
    added: plan.adds.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    skippedErrorRows: plan.errorRows,
    updates: toPreview(plan, '', []).updates,
  };
}

/** Refuses an import in which not a single row is valid, so "commit" never silently does nothing. */
export function assertSomethingValid(plan: ImportPlan): void {
  if (plan.adds.length + plan.updates.length + plan.unchanged === 0) {
    throw new AppError('VALIDATION', `文件中 ${plan.totalRows} 行全部有错误，没有可导入的数据，未作任何修改`);
  }
}
