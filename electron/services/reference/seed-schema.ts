import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Verification marks of the domain research: V verified (full text), P partial copy, S secondary, U unverified. */
export const markSchema = z.enum(['V', 'P', 'S', 'U']);
/** A verification mark. */
export type Mark = z.infer<typeof markSchema>;

/** Marks from least to most certain; the index is the rank used to find the weakest mark. */
export const MARK_ORDER: readonly Mark[] = ['U', 'S', 'P', 'V'];

/** Checklist categories, in the order the source table lists them. */
export const categorySchema = z.enum([
  'fire',
  'electric',
  'gas',
  'water',
  'food',
  'medicine',
  'care-safety',
  'building',
  'special-equipment',
  'service-quality',
  'management',
]);
/** A checklist category key. */
export type Category = z.infer<typeof categorySchema>;

/** The five departments the checklist routes findings to ('all' in the source means these five). */
export const checklistDepartmentSchema = z.enum(['fire', 'market', 'construction', 'civil-affairs', 'health']);
/** A department key used by checklist items. */
export type ChecklistDepartment = z.infer<typeof checklistDepartmentSchema>;

/** All department keys known to the app: the checklist's five plus 发改, which joins the Pudong joint supervision. */
export const departmentKeySchema = z.enum(['civil-affairs', 'fire', 'market', 'construction', 'health', 'development']);
/** A department key. */
export type DepartmentKey = z.infer<typeof departmentKeySchema>;

/** Major-hazard flag of a checklist item under the 2023 判定标准. */
export const majorHazardFlagSchema = z.enum(['yes', 'possible', 'unknown', 'no']);
/** A major-hazard flag. */
export type MajorHazardFlag = z.infer<typeof majorHazardFlagSchema>;

/** Default rectification class: 立即/当场, short 限期, normal 限期. */
export const deadlineClassSchema = z.enum(['immediate', 'short', 'normal']);
/** A deadline class. */
export type DeadlineClass = z.infer<typeof deadlineClassSchema>;

/** Tags for the priorities of the 2025 Pudong work plan (用火、用电、用水, 电弧报警) plus e-bikes and gas. */
export const priorityTagSchema = z.enum(['fire-use', 'electricity', 'water', 'arc-fault', 'e-bike', 'gas']);
/** A 2025-plan priority tag. */
export type PriorityTag = z.infer<typeof priorityTagSchema>;

/** Article-and-item reference of the 2023 standard as the source writes it, e.g. 第四条(三). */
const clausePattern = /^第[一二三四五六七八九十]+条(\([一二三四五六七八九十]+\))?$/;
const clauseSchema = z.string().regex(clausePattern);
const nonEmpty = z.string().min(1);

/** One checklist item of section 8; everything outside `derived` is copied or parsed from the table. */
export const checklistItemSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]\d{2}$/),
  category: categorySchema,
  textZh: nonEmpty,
  glossEn: nonEmpty,
  legalBasis: nonEmpty,
  marks: z.array(markSchema).min(1),
  weakestMark: markSchema,
  majorHazard: z.strictObject({
    flag: majorHazardFlagSchema,
    raw: nonEmpty,
    clause: clauseSchema.nullable(),
    clauseSource: z.enum(['cell', 'legalBasis']).nullable(),
    note: nonEmpty.nullable(),
  }),
  departments: z.array(checklistDepartmentSchema),
  allDepartments: z.boolean(),
  departmentsRaw: nonEmpty,
  departmentNotes: z.array(z.strictObject({ department: checklistDepartmentSchema, note: nonEmpty })),
  otherBodies: z.array(z.strictObject({ nameZh: nonEmpty, note: nonEmpty.nullable() })),
  derived: z.strictObject({
    source: z.literal('derived'),
    deadlineClass: deadlineClassSchema,
    deadlineRule: nonEmpty,
    measurement: z.strictObject({ unit: nonEmpty, label: nonEmpty }).nullable(),
    photoRequiredOnFail: z.boolean(),
    priorities2025: z.array(priorityTagSchema),
    hintZh: nonEmpty,
  }),
});
/** A checklist item. */
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** The whole checklist file; ids must be unique. */
export const checklistItemsSchema = z.array(checklistItemSchema).superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `检查项编号重复：${item.id}` });
    seen.add(item.id);
  });
});

/** A criterion of the 2023 standard whose text was read. */
export const majorHazardCriterionSchema = z.strictObject({
  id: z.string().regex(/^MH-\d+$/),
  clause: clauseSchema,
  textZh: nonEmpty,
  glossEn: nonEmpty,
  leadDepartments: z.array(checklistDepartmentSchema).min(1),
  leadDepartmentsRaw: nonEmpty,
  mark: markSchema,
});
/** A major-hazard criterion. */
export type MajorHazardCriterion = z.infer<typeof majorHazardCriterionSchema>;

/** The 2023 major-hazard rule set, with what is known and what is missing. */
export const majorHazardRuleSetSchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  issuer: nonEmpty,
  documentType: nonEmpty,
  noticeDate: z.iso.date(),
  publishedDate: z.iso.date(),
  docNumber: nonEmpty.nullable(),
  docNumberMark: markSchema,
  mark: markSchema,
  sources: z.array(z.url()).min(1),
  totalAspects: z.number().int().positive(),
  totalCriteria: z.number().int().positive(),
  structureMarks: z.array(markSchema).min(1),
  basis: z.strictObject({ clause: clauseSchema, lawsZh: z.array(nonEmpty).min(1), mark: markSchema }),
  generalTest: z.strictObject({ clause: clauseSchema, textZh: nonEmpty, glossEn: nonEmpty, mark: markSchema }),
  aspects: z
    .array(
      z.strictObject({
        no: z.number().int().positive(),
        clause: clauseSchema,
        textZh: nonEmpty,
        glossEn: nonEmpty,
        mark: markSchema,
      }),
    )
    .min(1),
  criteria: z.array(majorHazardCriterionSchema).min(1),
  missing: z.strictObject({
    retrievedCount: z.number().int().nonnegative(),
    missingCount: z.number().int().nonnegative(),
    clausesZh: z.array(nonEmpty).min(1),
    textEn: nonEmpty,
    mark: markSchema,
  }),
  successor: z.strictObject({
    titleZh: nonEmpty,
    kind: nonEmpty,
    newsDate: z.iso.date(),
    newsUrl: z.url(),
    gbNumber: nonEmpty.nullable(),
    mark: markSchema,
  }),
});
/** The major-hazard rule set. */
export type MajorHazardRuleSet = z.infer<typeof majorHazardRuleSetSchema>;

/** One department. */
export const departmentSchema = z.strictObject({
  key: departmentKeySchema,
  nameZh: nonEmpty,
  shortZh: nonEmpty,
  nameEn: nonEmpty,
  inChecklist: z.boolean(),
});
/** A department. */
export type Department = z.infer<typeof departmentSchema>;

/** The departments file; keys must be unique. */
export const departmentsSchema = z.array(departmentSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((dept, index) => {
    if (seen.has(dept.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `部门键重复：${dept.key}` });
    seen.add(dept.key);
  });
});

/** One 街道 or 镇. */
export const townSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}-[ST]\d{2}$/),
  name: nonEmpty,
  kind: z.enum(['街道', '镇']),
  order: z.number().int().positive(),
});
/** A town (街镇). */
export type Town = z.infer<typeof townSchema>;

/** The district's town list; codes and names must be unique. */
export const townsSchema = z
  .strictObject({ district: nonEmpty, towns: z.array(townSchema).min(1) })
  .superRefine((value, ctx) => {
    const codes = new Set<string>();
    const names = new Set<string>();
    value.towns.forEach((town, index) => {
      if (codes.has(town.code))
        ctx.addIssue({ code: 'custom', path: ['towns', index, 'code'], message: `街镇编码重复：${town.code}` });
      if (names.has(town.name))
        ctx.addIssue({ code: 'custom', path: ['towns', index, 'name'], message: `街镇名称重复：${town.name}` });
      codes.add(town.code);
      names.add(town.name);
    });
  });
/** The towns file. */
export type Towns = z.infer<typeof townsSchema>;

/** One row of the section 5.5 routing table. */
export const routingRowSchema = z.strictObject({
  id: z.string().regex(/^R\d+$/),
  hazardKind: nonEmpty,
  leadRaw: nonEmpty,
  leadDepartments: z.array(checklistDepartmentSchema),
  leadOtherBodies: z.array(nonEmpty),
  alsoDepartments: z.array(checklistDepartmentSchema),
  alsoOtherBodies: z.array(nonEmpty),
  legalHook: nonEmpty,
  marks: z.array(markSchema).min(1),
  weakestMark: markSchema,
  categories: z.array(categorySchema),
  categoriesSource: z.literal('derived'),
});
/** A routing row. */
export type RoutingRow = z.infer<typeof routingRowSchema>;

/** Department routing (section 5.5) plus derived per-category defaults. */
export const departmentRoutingSchema = z.strictObject({
  basis: z.strictObject({ raw: nonEmpty, marks: z.array(markSchema).min(1) }),
  rows: z.array(routingRowSchema).min(1),
  categoryDefaults: z.array(
    z.strictObject({
      category: categorySchema,
      departments: z.array(checklistDepartmentSchema),
      fromRows: z.array(z.string().regex(/^R\d+$/)),
      source: z.literal('derived'),
    }),
  ),
});
/** The routing file. */
export type DepartmentRouting = z.infer<typeof departmentRoutingSchema>;

/** Documentation of every rule used to fill the derived fields, so the app can explain them. */
export const derivedRulesSchema = z.strictObject({
  source: z.literal('derived'),
  noteZh: nonEmpty,
  deadlineClasses: z.array(
    z.strictObject({
      class: deadlineClassSchema,
      labelZh: nonEmpty,
      suggestedDays: z.number().int().nonnegative(),
      suggestedDaysBasis: nonEmpty,
      suggestedDaysMark: markSchema,
    }),
  ),
  deadlineRules: z
    .array(
      z.strictObject({
        id: nonEmpty,
        order: z.number().int().positive(),
        deadlineClass: deadlineClassSchema,
        descriptionZh: nonEmpty,
        basis: nonEmpty,
        basisMarks: z.array(markSchema),
        itemIds: z.array(z.string().regex(/^[A-Z]\d{2}$/)).nullable(),
      }),
    )
    .min(1),
  measurementNote: nonEmpty,
  photoNote: nonEmpty,
  prioritiesNote: nonEmpty,
  hintNote: nonEmpty,
});
/** The derived-rules file. */
export type DerivedRules = z.infer<typeof derivedRulesSchema>;

/** File names of the seed set, relative to the seed directory. */
export const SEED_FILES = {
  checklistItems: 'checklist-items.json',
  majorHazard: 'major-hazard-2023.json',
  departments: 'departments.json',
  towns: 'towns-pudong.json',
  routing: 'department-routing.json',
  derivedRules: 'derived-rules.json',
} as const;

/** The validated seed set. */
export interface Seed {
  checklistItems: ChecklistItem[];
  majorHazard: MajorHazardRuleSet;
  departments: Department[];
  towns: Towns;
  routing: DepartmentRouting;
  derivedRules: DerivedRules;
}

/** Renders a zod path as `[3].majorHazard.flag`; the root is shown as （根）. */
export function formatPath(issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return '（根）';
  return issuePath
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function seedError(file: string, issuePath: readonly PropertyKey[], message: string, data: unknown): Error {
  // Naming the item id next to the array index lets a data editor find the row without counting.
  let where = formatPath(issuePath);
  const first = issuePath[0];
  if (Array.isArray(data) && typeof first === 'number') {
    const row: unknown = data[first];
    if (row !== null && typeof row === 'object' && 'id' in row && typeof row.id === 'string') where += `（${row.id}）`;
  }
  return new Error(`种子数据校验失败：文件 ${file}，位置 ${where}：${message}`);
}

function readJson(dir: string, file: string): unknown {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (cause) {
    throw new Error(`种子数据文件 ${file} 无法读取（${full}）`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`种子数据文件 ${file} 不是合法的 JSON：${detail}`, { cause });
  }
}

// A per-call error map keeps zod's global configuration untouched for the rest of the app.
const zhErrorMap = z.locales.zhCN().localeError;

function parseFile<T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> {
  const data = readJson(dir, file);
  const result = schema.safeParse(data, { error: zhErrorMap });
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue === undefined) throw new Error(`种子数据校验失败：文件 ${file}，原因不明`);
    throw seedError(file, issue.path, issue.message, data);
  }
  return result.data;
}

/**
 * Reads and validates every seed file in `dir`, then checks the references between files.
 * Throws an Error whose Chinese message names the file and the path of the first problem.
 */
export function loadSeed(dir: string): Seed {
  const checklistItems = parseFile(dir, SEED_FILES.checklistItems, checklistItemsSchema);
  const majorHazard = parseFile(dir, SEED_FILES.majorHazard, majorHazardRuleSetSchema);
  const departments = parseFile(dir, SEED_FILES.departments, departmentsSchema);
  const towns = parseFile(dir, SEED_FILES.towns, townsSchema);
  const routing = parseFile(dir, SEED_FILES.routing, departmentRoutingSchema);
  const derivedRules = parseFile(dir, SEED_FILES.derivedRules, derivedRulesSchema);

  const deptKeys = new Set<string>(departments.map((d) => d.key));
  const clauses = new Set<string>(majorHazard.criteria.map((c) => c.clause));
  const ruleIds = new Set<string>(derivedRules.deadlineRules.map((r) => r.id));
  const itemIds = new Set<string>(checklistItems.map((i) => i.id));

  checklistItems.forEach((item, index) => {
    item.departments.forEach((key, j) => {
      if (!deptKeys.has(key)) {
        throw seedError(
          SEED_FILES.checklistItems,
          [index, 'departments', j],
          `部门 ${key} 不在 ${SEED_FILES.departments} 中`,
          checklistItems,
        );
      }
    });
    const clause = item.majorHazard.clause;
    if (clause !== null && !clauses.has(clause)) {
      throw seedError(
        SEED_FILES.checklistItems,
        [index, 'majorHazard', 'clause'],
        `条款 ${clause} 不在 ${SEED_FILES.majorHazard} 已核实的判定情形中`,
        checklistItems,
      );
    }
    if (!ruleIds.has(item.derived.deadlineRule)) {
      throw seedError(
        SEED_FILES.checklistItems,
        [index, 'derived', 'deadlineRule'],
        `整改期限规则 ${item.derived.deadlineRule} 不在 ${SEED_FILES.derivedRules} 中`,
        checklistItems,
      );
    }
  });
  derivedRules.deadlineRules.forEach((rule, index) => {
    rule.itemIds?.forEach((id, j) => {
      if (!itemIds.has(id)) {
        throw seedError(
          SEED_FILES.derivedRules,
          ['deadlineRules', index, 'itemIds', j],
          `检查项 ${id} 不存在`,
          derivedRules,
        );
      }
    });
  });
  routing.categoryDefaults.forEach((def, index) => {
    def.fromRows.forEach((rowId, j) => {
      if (!routing.rows.some((r) => r.id === rowId)) {
        throw seedError(
          SEED_FILES.routing,
          ['categoryDefaults', index, 'fromRows', j],
          `路由行 ${rowId} 不存在`,
          routing,
        );
      }
    });
  });
  return { checklistItems, majorHazard, departments, towns, routing, derivedRules };
}
