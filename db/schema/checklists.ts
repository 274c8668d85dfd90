import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Verification marks of a citation: V verified, P partial, S secondary source, U unverified. */
export const ruleMarks = ['V', 'P', 'S', 'U'] as const;

/** Major-hazard flag of a rule item under the judgment standard. */
export const majorHazardFlags = ['yes', 'possible', 'unknown', 'no'] as const;

/** Kinds of checklist template the bureau uses. */
export const templateKinds = ['消防安全飞行检查', '服务质量监测', '多部门联合检查', '复查'] as const;

/** What an answer may carry besides 符合 / 不符合 / 不适用. */
export const answerExtras = ['none', 'measurement', 'count', 'text'] as const;

/**
 * 规则库: one checklist rule. Seed rows (`source='seed'`) keep the research table's code (F01…) and are never
 * edited, so every citation mark stays exactly as verified; local rows are the bureau's own refinements.
 * List-valued fields are JSON arrays.
 */
export const ruleItems = sqliteTable(
  'rule_items',
  {
    id: text().primaryKey(),
    code: text().notNull().unique(),
    source: text({ enum: ['seed', 'local'] }).notNull(),
    sortOrder: integer().notNull(),
    category: text().notNull(),
    textZh: text().notNull(),
    glossEn: text(),
    legalBasis: text().notNull(),
    marksJson: text().notNull(),
    weakestMark: text({ enum: ruleMarks }).notNull(),
    majorFlag: text({ enum: majorHazardFlags }).notNull(),
    majorClause: text(),
    majorClauseSource: text(),
    majorRaw: text().notNull(),
    majorNote: text(),
    departmentsJson: text().notNull(),
    allDepartments: integer({ mode: 'boolean' }).notNull().default(false),
    departmentsRaw: text().notNull(),
    departmentNotesJson: text().notNull().default('[]'),
    otherBodiesJson: text().notNull().default('[]'),
    deadlineClass: text({ enum: ['immediate', 'short', 'normal'] }).notNull(),
    deadlineRule: text(),
    measurementUnit: text(),
    measurementLabel: text(),
    photoRequiredOnFail: integer({ mode: 'boolean' }).notNull(),
    prioritiesJson: text().notNull().default('[]'),
    hintZh: text().notNull(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [index('rule_items_category_idx').on(t.category), index('rule_items_sort_idx').on(t.sortOrder)],
);

/**
 * A version of the major-hazard judgment standard (2023 MCA 判定标准 as 'mca-2023', a later national 判定准则
 * as its own version). Published versions are immutable; judgments cite the version they used.
 */
export const majorHazardRuleSets = sqliteTable('major_hazard_rule_sets', {
  id: text().primaryKey(),
  version: text().notNull().unique(),
  title: text().notNull(),
  issuer: text().notNull(),
  documentType: text(),
  publishedDate: text(),
  mark: text({ enum: ruleMarks }).notNull(),
  status: text({ enum: ['draft', 'published'] }).notNull(),
  basedOnId: text(),
  totalCriteria: integer(),
  /** Sources, aspects, general test, what is missing and the expected successor, as loaded. */
  metaJson: text().notNull(),
  publishedAt: text(),
  publishedById: text(),
  publishedByName: text(),
  createdAt: text().notNull(),
});

/** One 判定情形 of a rule set, with the mark of its text and where the text came from. */
export const majorHazardCriteria = sqliteTable(
  'major_hazard_criteria',
  {
    id: text().primaryKey(),
    ruleSetId: text()
      .notNull()
      .references(() => majorHazardRuleSets.id),
    code: text().notNull(),
    clause: text(),
    textZh: text().notNull(),
    glossEn: text(),
    leadDepartmentsJson: text().notNull().default('[]'),
    leadDepartmentsRaw: text(),
    mark: text({ enum: ruleMarks }).notNull(),
    origin: text({ enum: ['seed', 'local', 'import'] }).notNull(),
    sourceNote: text(),
    sortOrder: integer().notNull(),
    createdAt: text().notNull(),
  },
  (t) => [uniqueIndex('major_hazard_criteria_set_code_idx').on(t.ruleSetId, t.code)],
);

/** A checklist template's identity; its content lives in versions. */
export const checklistTemplates = sqliteTable('checklist_templates', {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: text({ enum: templateKinds }).notNull(),
  /** 复查: items are filled from the institution's open hazards when the inspection starts. */
  isReinspection: integer({ mode: 'boolean' }).notNull().default(false),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
});

/**
 * One version of a template. Drafts are edited through their sections and items; publishing freezes the whole
 * content into `snapshotJson`, which inspections reference and always render from.
 */
export const checklistTemplateVersions = sqliteTable(
  'checklist_template_versions',
  {
    id: text().primaryKey(),
    templateId: text()
      .notNull()
      .references(() => checklistTemplates.id),
    version: integer().notNull(),
    status: text({ enum: ['draft', 'published'] }).notNull(),
    basedOnVersionId: text(),
    snapshotJson: text(),
    publishedAt: text(),
    publishedById: text(),
    publishedByName: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex('checklist_template_versions_number_idx').on(t.templateId, t.version)],
);

/** A section of a template version; `appliesWhenJson` lists institution features, any of which switches it on. */
export const checklistSections = sqliteTable(
  'checklist_sections',
  {
    id: text().primaryKey(),
    versionId: text()
      .notNull()
      .references(() => checklistTemplateVersions.id),
    title: text().notNull(),
    sortOrder: integer().notNull(),
    appliesWhenJson: text().notNull().default('[]'),
  },
  (t) => [index('checklist_sections_version_idx').on(t.versionId, t.sortOrder)],
);

/** An item of a section: a rule of the library plus this template's answer and evidence settings. */
export const checklistTemplateItems = sqliteTable(
  'checklist_template_items',
  {
    id: text().primaryKey(),
    sectionId: text()
      .notNull()
      .references(() => checklistSections.id),
    ruleItemId: text()
      .notNull()
      .references(() => ruleItems.id),
    sortOrder: integer().notNull(),
    answerExtra: text({ enum: answerExtras }).notNull().default('none'),
    measurementUnit: text(),
    measurementLabel: text(),
    photoRequiredOnFail: integer({ mode: 'boolean' }).notNull(),
    /** Null: use the library's hint. */
    hint: text(),
    required: integer({ mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('checklist_template_items_section_idx').on(t.sectionId, t.sortOrder)],
);
