import { asc, eq } from 'drizzle-orm';
import { ruleItems } from '../../../db/schema';
import type { LocalRuleItemInput, RuleItem, RuleItemFilter } from '../../api';
import { localRuleItemInputSchema } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';

/** A stored rule item row. */
export type RuleItemRow = typeof ruleItems.$inferSelect;

function parseList<T>(json: string): T[] {
  return JSON.parse(json) as T[];
}

/** Turns a stored row into the contract's rule item. */
export function toRuleItem(row: RuleItemRow): RuleItem {
  return {
    id: row.id,
    code: row.code,
    source: row.source,
    category: row.category as RuleItem['category'],
    textZh: row.textZh,
    glossEn: row.glossEn,
    legalBasis: row.legalBasis,
    marks: parseList(row.marksJson),
    weakestMark: row.weakestMark,
    majorHazard: {
      flag: row.majorFlag,
      clause: row.majorClause,
      clauseSource: row.majorClauseSource,
      raw: row.majorRaw,
      note: row.majorNote,
    },
    departments: parseList(row.departmentsJson),
    allDepartments: row.allDepartments,
    departmentsRaw: row.departmentsRaw,
    departmentNotes: parseList(row.departmentNotesJson),
    otherBodies: parseList(row.otherBodiesJson),
    deadlineClass: row.deadlineClass,
    deadlineRule: row.deadlineRule,
    measurement:
      row.measurementUnit && row.measurementLabel ? { unit: row.measurementUnit, label: row.measurementLabel } : null,
    photoRequiredOnFail: row.photoRequiredOnFail,
    priorities2025: parseList(row.prioritiesJson),
    hintZh: row.hintZh,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every rule item in library order (seed order first, then local items by creation). */
export function allRuleItems(deps: ServiceDeps): RuleItem[] {
  return deps.db.select().from(ruleItems).orderBy(asc(ruleItems.sortOrder)).all().map(toRuleItem);
}

/** Loads one rule item or throws NOT_FOUND. */
export function getRuleItem(deps: ServiceDeps, id: string): RuleItem {
  const row = deps.db.select().from(ruleItems).where(eq(ruleItems.id, id)).get();
  if (!row) throw notFound('检查项');
  return toRuleItem(row);
}

/**
 * Applies the library filters. The text search splits the query at spaces and wants every word somewhere in the
 * code, the Chinese text, the English gloss, the legal basis or the hint, ignoring case, so "灭火器 压力" and
 * "f01" both find what users expect.
 */
export function filterRuleItems(items: readonly RuleItem[], filter: RuleItemFilter): RuleItem[] {
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.category && item.category !== filter.category) return false;
    if (filter.department && !item.departments.includes(filter.department)) return false;
    if (filter.mark && item.weakestMark !== filter.mark) return false;
    if (filter.majorFlag && item.majorHazard.flag !== filter.majorFlag) return false;
    if (filter.source && item.source !== filter.source) return false;
    if (filter.priority === 'any' && item.priorities2025.length === 0) return false;
    if (filter.priority && filter.priority !== 'any' && !item.priorities2025.includes(filter.priority)) return false;
    if (words.length > 0) {
      const hay = [item.code, item.textZh, item.glossEn ?? '', item.legalBasis, item.hintZh].join('\n').toLowerCase();
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

type LocalFields = ReturnType<typeof localRuleItemInputSchema.parse>;

function localColumns(input: LocalFields) {
  const unit = input.measurementUnit || null;
  const label = input.measurementLabel || null;
  return {
    category: input.category,
    textZh: input.textZh,
    glossEn: input.glossEn || null,
    legalBasis: input.legalBasis,
    marksJson: JSON.stringify([input.mark]),
    weakestMark: input.mark,
    majorFlag: input.majorFlag,
    majorClause: input.majorClause || null,
    majorClauseSource: input.majorClause ? 'local' : null,
    // The user chose the flag; the raw cell records that it is a local judgment, not the research table's.
    majorRaw: `本地设定：${input.majorFlag}${input.majorClause ? ` (${input.majorClause})` : ''}`,
    majorNote: null,
    departmentsJson: JSON.stringify(input.departments),
    allDepartments: false,
    departmentsRaw: input.departments.join(', '),
    deadlineClass: input.deadlineClass,
    deadlineRule: null,
    // A measurement needs both a unit and what is measured; half of one would render as nonsense.
    measurementUnit: unit && label ? unit : null,
    measurementLabel: unit && label ? label : null,
    photoRequiredOnFail: input.photoRequiredOnFail,
    prioritiesJson: JSON.stringify(input.priorities2025),
    hintZh: input.hintZh,
  };
}

function nextLocalCode(deps: ServiceDeps): { code: string; sortOrder: number } {
  const rows = deps.db.select({ code: ruleItems.code, sortOrder: ruleItems.sortOrder }).from(ruleItems).all();
  const maxLocal = rows
    .map((r) => /^L(\d+)$/.exec(r.code))
    .reduce((max, m) => (m ? Math.max(max, Number(m[1])) : max), 0);
  const maxSort = rows.reduce((max, r) => Math.max(max, r.sortOrder), 0);
  return { code: `L${String(maxLocal + 1).padStart(3, '0')}`, sortOrder: maxSort + 1 };
}

/** Inserts a local rule item (inside the caller's transaction) and returns its row; `code` may be given by an import. */
export function insertLocalItem(ctx: CallContext, input: LocalRuleItemInput, code?: string): RuleItemRow {
  const parsed = localRuleItemInputSchema.parse(input);
  const next = nextLocalCode(ctx.deps);
  const now = ctx.now();
  const row: RuleItemRow = {
    id: ctx.deps.newId(),
    code: code ?? next.code,
    source: 'local',
    sortOrder: next.sortOrder,
    departmentNotesJson: '[]',
    otherBodiesJson: '[]',
    ...localColumns(parsed),
    createdAt: now,
    updatedAt: now,
  };
  ctx.deps.db.insert(ruleItems).values(row).run();
  recordChange(ctx, { entity: 'rule-item', entityId: row.id, action: 'create', after: toRuleItem(row) });
  return row;
}

/** Creates a local rule item with its own legal basis and mark. */
export function createLocalItem(ctx: CallContext, input: LocalRuleItemInput): RuleItem {
  return inTransaction(ctx.deps, () => toRuleItem(insertLocalItem(ctx, input)));
}

/** Edits a local rule item; seed items are read-only so their verified citations can never drift. */
export function updateLocalItem(ctx: CallContext, id: string, input: LocalRuleItemInput): RuleItem {
  const parsed = localRuleItemInputSchema.parse(input);
  return inTransaction(ctx.deps, () => {
    const before = ctx.deps.db.select().from(ruleItems).where(eq(ruleItems.id, id)).get();
    if (!before) throw notFound('检查项');
    if (before.source !== 'local') {
      throw new AppError(
        'CONFLICT',
        `检查项 ${before.code} 来自内置规则库，不能修改；如需调整，请新建本地检查项或在模板中修改提示和作答方式`,
      );
    }
    const patch = { ...localColumns(parsed), updatedAt: ctx.now() };
    ctx.deps.db.update(ruleItems).set(patch).where(eq(ruleItems.id, id)).run();
    const after = { ...before, ...patch };
    recordChange(ctx, {
      entity: 'rule-item',
      entityId: id,
      action: 'update',
      before: toRuleItem(before),
      after: toRuleItem(after),
    });
    return toRuleItem(after);
  });
}
