import { z } from 'zod';
import { channel, idSchema } from '../contract';

// The enums below repeat the seed schema's (electron/services/reference/seed-schema.ts) because the contract may
// import nothing but zod; tests/services/checklists checks that both lists stay equal.

/** Verification mark of a citation: V verified, P partial, S secondary, U unverified. */
export const ruleMarkSchema = z.enum(['V', 'P', 'S', 'U']);
/** A verification mark. */
export type RuleMark = z.infer<typeof ruleMarkSchema>;

/** Rule categories, in the order of the research table. */
export const ruleCategorySchema = z.enum([
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
/** A rule category. */
export type RuleCategory = z.infer<typeof ruleCategorySchema>;

/** The five departments findings are routed to. */
export const ruleDepartmentSchema = z.enum(['fire', 'market', 'construction', 'civil-affairs', 'health']);
/** A department key of the rule library. */
export type RuleDepartment = z.infer<typeof ruleDepartmentSchema>;

/** Major-hazard flag: 是 / 可能（需部门或专家认定）/ 未知（判定条文未取得）/ 否. */
export const majorFlagSchema = z.enum(['yes', 'possible', 'unknown', 'no']);
/** A major-hazard flag. */
export type MajorFlag = z.infer<typeof majorFlagSchema>;

/** Default rectification class. */
export const deadlineClassSchema = z.enum(['immediate', 'short', 'normal']);
/** A deadline class. */
export type DeadlineClassKey = z.infer<typeof deadlineClassSchema>;

/** 2025-plan priority tags: 用火、用电、用水, 电弧/电气火灾监控, 电动自行车, 燃气. */
export const priorityTagSchema = z.enum(['fire-use', 'electricity', 'water', 'arc-fault', 'e-bike', 'gas']);
/** A priority tag. */
export type PriorityTagKey = z.infer<typeof priorityTagSchema>;

/** Institution features that switch template sections on (field names of the institution record). */
export const institutionFeatureSchema = z.enum([
  'hasCanteen',
  'hasClinic',
  'hasLifts',
  'hasPipedGas',
  'hasLpg',
  'hasOxygen',
  'hasEbikeParking',
]);
/** An institution feature key. */
export type InstitutionFeature = z.infer<typeof institutionFeatureSchema>;

/** The features of one institution; a missing key counts as absent. */
export const institutionFeaturesSchema = z.partialRecord(institutionFeatureSchema, z.boolean());
/** Features of one institution. */
export type InstitutionFeatures = z.infer<typeof institutionFeaturesSchema>;

/** Template kinds. */
export const templateKindSchema = z.enum(['消防安全飞行检查', '服务质量监测', '多部门联合检查', '复查']);
/** A template kind. */
export type TemplateKind = z.infer<typeof templateKindSchema>;

/** What an answer carries besides 符合 / 不符合 / 不适用 (always offered). */
export const answerExtraSchema = z.enum(['none', 'measurement', 'count', 'text']);
/** An answer extra. */
export type AnswerExtra = z.infer<typeof answerExtraSchema>;

const majorClausePattern = /^第[一二三四五六七八九十]+条(\([一二三四五六七八九十]+\))?$/;

/** A rule of the library as the renderer sees it. */
export const ruleItemSchema = z.object({
  id: idSchema,
  code: z.string(),
  source: z.enum(['seed', 'local']),
  category: ruleCategorySchema,
  textZh: z.string(),
  glossEn: z.string().nullable(),
  legalBasis: z.string(),
  marks: z.array(ruleMarkSchema),
  weakestMark: ruleMarkSchema,
  majorHazard: z.object({
    flag: majorFlagSchema,
    clause: z.string().nullable(),
    clauseSource: z.string().nullable(),
    raw: z.string(),
    note: z.string().nullable(),
  }),
  departments: z.array(ruleDepartmentSchema),
  allDepartments: z.boolean(),
  departmentsRaw: z.string(),
  departmentNotes: z.array(z.object({ department: ruleDepartmentSchema, note: z.string() })),
  otherBodies: z.array(z.object({ nameZh: z.string(), note: z.string().nullable() })),
  deadlineClass: deadlineClassSchema,
  deadlineRule: z.string().nullable(),
  measurement: z.object({ unit: z.string(), label: z.string() }).nullable(),
  photoRequiredOnFail: z.boolean(),
  priorities2025: z.array(priorityTagSchema),
  hintZh: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A rule item. */
export type RuleItem = z.infer<typeof ruleItemSchema>;

/** Filters of the rule library; all optional, combined with AND. */
export const ruleItemFilterSchema = z.object({
  query: z.string().trim().max(100).optional(),
  category: ruleCategorySchema.optional(),
  department: ruleDepartmentSchema.optional(),
  mark: ruleMarkSchema.optional(),
  majorFlag: majorFlagSchema.optional(),
  /** A single tag, or 'any' for every item carrying a 2025 priority (筛选 “2025年重点”). */
  priority: z.union([priorityTagSchema, z.literal('any')]).optional(),
  source: z.enum(['seed', 'local']).optional(),
});
/** Rule library filters. */
export type RuleItemFilter = z.infer<typeof ruleItemFilterSchema>;

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字符`);

/** Fields of a local (bureau-defined) rule item. */
export const localRuleItemInputSchema = z.object({
  category: ruleCategorySchema,
  textZh: text('检查内容', 300),
  glossEn: z.string().trim().max(300).nullable().optional(),
  legalBasis: text('法律依据', 500),
  mark: ruleMarkSchema.default('U'),
  majorFlag: majorFlagSchema.default('unknown'),
  majorClause: z
    .string()
    .trim()
    .regex(majorClausePattern, '判定标准条款格式应为“第四条(二)”，不确定请留空')
    .nullable()
    .optional(),
  departments: z.array(ruleDepartmentSchema).min(1, '请至少选择一个责任部门'),
  deadlineClass: deadlineClassSchema.default('normal'),
  measurementUnit: z.string().trim().max(20).nullable().optional(),
  measurementLabel: z.string().trim().max(40).nullable().optional(),
  photoRequiredOnFail: z.boolean().default(true),
  priorities2025: z.array(priorityTagSchema).default([]),
  hintZh: text('检查要点', 300),
});
/** Input of a local rule item. */
export type LocalRuleItemInput = z.input<typeof localRuleItemInputSchema>;

/** A criterion (判定情形) of a major-hazard rule set. */
export const criterionSchema = z.object({
  id: idSchema,
  code: z.string(),
  clause: z.string().nullable(),
  textZh: z.string(),
  glossEn: z.string().nullable(),
  leadDepartments: z.array(ruleDepartmentSchema),
  leadDepartmentsRaw: z.string().nullable(),
  mark: ruleMarkSchema,
  origin: z.enum(['seed', 'local', 'import']),
  sourceNote: z.string().nullable(),
});
/** A criterion. */
export type Criterion = z.infer<typeof criterionSchema>;

/** What is known to be missing from a rule set (the 2023 standard: 15 of 22 criteria not retrieved). */
export const ruleSetMissingSchema = z.object({
  retrievedCount: z.number().int().nonnegative(),
  missingCount: z.number().int().nonnegative(),
  clausesZh: z.array(z.string()),
  mark: ruleMarkSchema,
});

/** A major-hazard rule set version with its criteria. */
export const ruleSetSchema = z.object({
  id: idSchema,
  version: z.string(),
  title: z.string(),
  issuer: z.string(),
  documentType: z.string().nullable(),
  publishedDate: z.string().nullable(),
  mark: ruleMarkSchema,
  status: z.enum(['draft', 'published']),
  basedOnVersion: z.string().nullable(),
  totalCriteria: z.number().int().nullable(),
  sources: z.array(z.string()),
  missing: ruleSetMissingSchema.nullable(),
  successor: z.object({ titleZh: z.string(), kind: z.string(), newsDate: z.string(), mark: ruleMarkSchema }).nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  isCurrent: z.boolean(),
  criteria: z.array(criterionSchema),
});
/** A rule set. */
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** JSON file format of a rule set, for loading a newer standard (e.g. the national 判定准则). */
export const ruleSetFileSchema = z.strictObject({
  format: z.literal('careinspect-major-hazard-rule-set'),
  formatVersion: z.literal(1),
  version: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,39}$/, '版本号只能包含小写字母、数字、点和短横线（2–40 个字符）'),
  title: text('标题', 100),
  issuer: text('发布机关', 100),
  documentType: z.string().trim().max(40).nullable().default(null),
  publishedDate: z.iso.date('发布日期格式应为 YYYY-MM-DD').nullable().default(null),
  mark: ruleMarkSchema,
  sources: z.array(z.string().trim().min(1)).default([]),
  totalCriteria: z.number().int().positive().nullable().default(null),
  criteria: z
    .array(
      z.strictObject({
        code: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{1,20}$/, '编号只能包含字母、数字和短横线'),
        clause: z.string().trim().max(40).nullable().default(null),
        textZh: text('判定情形原文', 1000),
        glossEn: z.string().trim().max(1000).nullable().default(null),
        leadDepartments: z.array(ruleDepartmentSchema).default([]),
        mark: ruleMarkSchema,
        sourceNote: z.string().trim().max(300).nullable().default(null),
      }),
    )
    .min(1, '至少需要一条判定情形'),
});
/** A rule set file. */
export type RuleSetFile = z.infer<typeof ruleSetFileSchema>;

/** One item of a frozen template version: the rule's text copied at publish time plus this template's settings. */
export const snapshotItemSchema = z.object({
  key: idSchema,
  ruleItemId: idSchema,
  code: z.string(),
  source: z.enum(['seed', 'local']),
  category: ruleCategorySchema,
  textZh: z.string(),
  glossEn: z.string().nullable(),
  legalBasis: z.string(),
  marks: z.array(ruleMarkSchema),
  weakestMark: ruleMarkSchema,
  majorHazard: z.object({ flag: majorFlagSchema, clause: z.string().nullable(), raw: z.string() }),
  departments: z.array(ruleDepartmentSchema),
  deadlineClass: deadlineClassSchema,
  priorities2025: z.array(priorityTagSchema),
  answer: z.object({ extra: answerExtraSchema, unit: z.string().nullable(), label: z.string().nullable() }),
  photoRequiredOnFail: z.boolean(),
  hint: z.string(),
  hintIsCustom: z.boolean(),
  required: z.boolean(),
});
/** An item of a template snapshot. */
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

/** A section of a template snapshot; it applies when any of `appliesWhen` is present (always when empty). */
export const snapshotSectionSchema = z.object({
  key: idSchema,
  title: z.string(),
  appliesWhen: z.array(institutionFeatureSchema),
  items: z.array(snapshotItemSchema),
});
/** A section of a template snapshot. */
export type SnapshotSection = z.infer<typeof snapshotSectionSchema>;

/** The whole content of a template version, frozen at publish time; inspections render from it. */
export const templateSnapshotSchema = z.object({
  snapshotFormat: z.literal(1),
  templateId: idSchema,
  versionId: idSchema,
  name: z.string(),
  kind: templateKindSchema,
  isReinspection: z.boolean(),
  version: z.number().int().positive(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  sections: z.array(snapshotSectionSchema),
});
/** A template snapshot. */
export type TemplateSnapshot = z.infer<typeof templateSnapshotSchema>;

/** A template version as listed. */
export const templateVersionSummarySchema = z.object({
  id: idSchema,
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  basedOnVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  sectionCount: z.number().int(),
  itemCount: z.number().int(),
  updatedAt: z.string(),
});
/** A version summary. */
export type TemplateVersionSummary = z.infer<typeof templateVersionSummarySchema>;

/** A template with its versions, newest first. */
export const templateSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: templateKindSchema,
  isReinspection: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(templateVersionSummarySchema),
});
/** A template summary. */
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

/** A template version with its content: the frozen snapshot when published, the live draft otherwise. */
export const templateVersionDetailSchema = z.object({
  summary: templateVersionSummarySchema,
  snapshot: templateSnapshotSchema,
});
/** A version with content. */
export type TemplateVersionDetail = z.infer<typeof templateVersionDetailSchema>;

/** What applies to one institution: the sections switched on, and the ones switched off with the missing features. */
export const resolvedTemplateSchema = z.object({
  sections: z.array(snapshotSectionSchema),
  excluded: z.array(z.object({ key: idSchema, title: z.string(), appliesWhen: z.array(institutionFeatureSchema) })),
  itemCount: z.number().int(),
});
/** A template resolved for one institution. */
export type ResolvedTemplate = z.infer<typeof resolvedTemplateSchema>;

const templateName = text('模板名称', 60);
const sectionTitle = text('分组名称', 60);
const optionalShort = (max: number) => z.string().trim().max(max).nullable().optional();

/** Per-item settings a template may override. */
export const templateItemSettingsSchema = z.object({
  answerExtra: answerExtraSchema.optional(),
  measurementUnit: optionalShort(20),
  measurementLabel: optionalShort(40),
  photoRequiredOnFail: z.boolean().optional(),
  hint: optionalShort(300),
  required: z.boolean().optional(),
});

/** The JSON file format of a template (export and import). Local rules travel with the file. */
export const templateFileSchema = z.strictObject({
  format: z.literal('careinspect-checklist-template'),
  formatVersion: z.literal(1),
  name: templateName,
  kind: templateKindSchema,
  isReinspection: z.boolean().default(false),
  sections: z
    .array(
      z.strictObject({
        title: sectionTitle,
        appliesWhen: z.array(institutionFeatureSchema).default([]),
        items: z.array(
          z.strictObject({
            ruleCode: z.string().trim().min(1, '请填写检查项编号').max(20),
            answerExtra: answerExtraSchema.default('none'),
            measurementUnit: z.string().trim().max(20).nullable().default(null),
            measurementLabel: z.string().trim().max(40).nullable().default(null),
            photoRequiredOnFail: z.boolean(),
            hint: z.string().trim().max(300).nullable().default(null),
            required: z.boolean().default(true),
          }),
        ),
      }),
    )
    .min(1, '模板至少需要一个分组'),
  localRules: z
    .array(
      z.strictObject({
        code: z
          .string()
          .trim()
          .regex(/^L\d{3,}$/, '本地检查项编号格式应为 L 加三位以上数字，如 L001'),
        category: ruleCategorySchema,
        textZh: text('检查内容', 300),
        legalBasis: text('法律依据', 500),
        mark: ruleMarkSchema,
        majorFlag: majorFlagSchema,
        majorClause: z
          .string()
          .trim()
          .regex(majorClausePattern, '判定标准条款格式应为“第四条(二)”')
          .nullable()
          .default(null),
        departments: z.array(ruleDepartmentSchema).min(1, '请至少填写一个责任部门'),
        deadlineClass: deadlineClassSchema,
        hintZh: text('检查要点', 300),
      }),
    )
    .default([]),
});
/** A template file as parsed. */
export type TemplateFile = z.infer<typeof templateFileSchema>;

const versionRef = z.object({ versionId: idSchema });
const jsonText = z.object({
  json: z.string().min(1, '文件为空').max(5_000_000, '文件过大（超过 5 MB），请检查是否选错了文件'),
});
const direction = z.enum(['up', 'down']);

/** Channels of the 检查表 module: rule library, major-hazard rule sets and versioned templates. */
export const checklistChannels = {
  'checklists:list-rule-items': channel({
    access: 'viewer',
    input: ruleItemFilterSchema,
    output: z.array(ruleItemSchema),
  }),
  'checklists:get-rule-item': channel({ access: 'viewer', input: z.object({ id: idSchema }), output: ruleItemSchema }),
  'checklists:create-local-item': channel({ access: 'admin', input: localRuleItemInputSchema, output: ruleItemSchema }),
  'checklists:update-local-item': channel({
    access: 'admin',
    input: localRuleItemInputSchema.extend({ id: idSchema }),
    output: ruleItemSchema,
  }),

  'checklists:list-rule-sets': channel({ access: 'viewer', input: z.object({}), output: z.array(ruleSetSchema) }),
  'checklists:new-rule-set-draft': channel({
    access: 'admin',
    input: z.object({ fromId: idSchema, version: ruleSetFileSchema.shape.version }),
    output: ruleSetSchema,
  }),
  'checklists:add-criterion': channel({
    access: 'admin',
    input: z.object({
      ruleSetId: idSchema,
      clause: z.string().trim().max(40).nullable().optional(),
      textZh: text('判定情形原文', 1000),
      mark: ruleMarkSchema,
      sourceNote: text('来源说明', 300),
      leadDepartments: z.array(ruleDepartmentSchema).default([]),
    }),
    output: ruleSetSchema,
  }),
  'checklists:publish-rule-set': channel({ access: 'admin', input: z.object({ id: idSchema }), output: ruleSetSchema }),
  'checklists:import-rule-set': channel({ access: 'admin', input: jsonText, output: ruleSetSchema }),
  'checklists:export-rule-set': channel({
    access: 'viewer',
    input: z.object({ id: idSchema }),
    output: z.object({ fileName: z.string(), json: z.string() }),
  }),

  'checklists:list-templates': channel({
    access: 'viewer',
    input: z.object({}),
    output: z.array(templateSummarySchema),
  }),
  'checklists:get-template-version': channel({
    access: 'viewer',
    input: versionRef,
    output: templateVersionDetailSchema,
  }),
  'checklists:preview-template': channel({
    access: 'viewer',
    input: versionRef.extend({ features: institutionFeaturesSchema }),
    output: resolvedTemplateSchema,
  }),
  'checklists:create-template': channel({
    access: 'admin',
    input: z.object({ name: templateName, kind: templateKindSchema }),
    output: templateSummarySchema,
  }),
  'checklists:rename-template': channel({
    access: 'admin',
    input: z.object({ id: idSchema, name: templateName }),
    output: templateSummarySchema,
  }),
  'checklists:add-section': channel({
    access: 'admin',
    input: versionRef.extend({ title: sectionTitle, appliesWhen: z.array(institutionFeatureSchema).default([]) }),
    output: templateVersionDetailSchema,
  }),
  'checklists:update-section': channel({
    access: 'admin',
    input: z.object({
      sectionId: idSchema,
      title: sectionTitle.optional(),
      appliesWhen: z.array(institutionFeatureSchema).optional(),
    }),
    output: templateVersionDetailSchema,
  }),
  'checklists:remove-section': channel({
    access: 'admin',
    input: z.object({ sectionId: idSchema }),
    output: templateVersionDetailSchema,
  }),
  'checklists:move-section': channel({
    access: 'admin',
    input: z.object({ sectionId: idSchema, direction }),
    output: templateVersionDetailSchema,
  }),
  'checklists:add-items': channel({
    access: 'admin',
    input: z.object({ sectionId: idSchema, ruleItemIds: z.array(idSchema).min(1, '请至少选择一个检查项').max(500) }),
    output: templateVersionDetailSchema,
  }),
  'checklists:update-item': channel({
    access: 'admin',
    input: templateItemSettingsSchema.extend({ itemId: idSchema }),
    output: templateVersionDetailSchema,
  }),
  'checklists:remove-item': channel({
    access: 'admin',
    input: z.object({ itemId: idSchema }),
    output: templateVersionDetailSchema,
  }),
  'checklists:move-item': channel({
    access: 'admin',
    input: z.object({ itemId: idSchema, direction }),
    output: templateVersionDetailSchema,
  }),
  'checklists:publish-template': channel({ access: 'admin', input: versionRef, output: templateVersionDetailSchema }),
  'checklists:new-draft': channel({
    access: 'admin',
    input: z.object({ fromVersionId: idSchema }),
    output: templateVersionDetailSchema,
  }),
  'checklists:discard-draft': channel({
    access: 'admin',
    input: versionRef,
    output: z.object({ discarded: z.boolean() }),
  }),
  'checklists:export-template': channel({
    access: 'viewer',
    input: versionRef,
    output: z.object({ fileName: z.string(), json: z.string() }),
  }),
  'checklists:import-template': channel({ access: 'admin', input: jsonText, output: templateSummarySchema }),
};
