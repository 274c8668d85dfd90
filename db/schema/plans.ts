import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments, towns, users } from './core';
import { institutions } from './institutions';

/**
 * 检查人员名册: the people who may be drawn into inspection teams. Not the same as accounts: many inspectors
 * (e.g. from 消防 or 市场监管) never sign in, so `userId` is optional. 执法证号 is unique when present; SQLite
 * unique indexes allow any number of NULLs, which is exactly "unique when present".
 */
export const inspectors = sqliteTable(
  'inspectors',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    departmentKey: text()
      .notNull()
      .references(() => departments.key),
    certificateNo: text(),
    phone: text(),
    isActive: integer({ mode: 'boolean' }).notNull().default(true),
    userId: text().references(() => users.id),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('inspectors_certificate_no_uq').on(t.certificateNo),
    uniqueIndex('inspectors_user_uq').on(t.userId),
    index('inspectors_department_idx').on(t.departmentKey),
  ],
);

/** What a recusal covers: one institution, or every institution of one town. */
export const recusalScopes = ['institution', 'town'] as const;

/**
 * 回避: an institution or a town an inspector must never be sent to (relatives working there, former
 * employer, lives in the town…). The reason is required because a draw that skips someone must be explainable.
 */
export const inspectorRecusals = sqliteTable(
  'inspector_recusals',
  {
    id: text().primaryKey(),
    inspectorId: text()
      .notNull()
      .references(() => inspectors.id),
    scope: text({ enum: recusalScopes }).notNull(),
    institutionId: text().references(() => institutions.id),
    townId: text().references(() => towns.id),
    reason: text().notNull(),
    createdAt: text().notNull(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('inspector_recusals_inspector_idx').on(t.inspectorId),
    // Exactly one target, matching the scope, so the draw never has to guess what a row means.
    check(
      'inspector_recusals_target_ck',
      sql`(${t.scope} = 'institution' AND ${t.institutionId} IS NOT NULL AND ${t.townId} IS NULL) OR (${t.scope} = 'town' AND ${t.townId} IS NOT NULL AND ${t.institutionId} IS NULL)`,
    ),
  ],
);

/** Kinds of inspection plan. 飞行检查 are unannounced: their dates and teams stay internal until they have passed. */
export const planTypes = ['飞行检查', '双随机抽查', '专项检查', '联合检查', '复查'] as const;

/**
 * Stored plan states. 进行中 and 已完成 are what the screens show once assignments have started or all been
 * carried out; they are derived from assignments and inspections when read, so the row itself only ever moves
 * 草稿 → 已抽取 (or → 已作废).
 */
export const planStatuses = ['草稿', '已抽取', '进行中', '已完成', '已作废'] as const;

/** State of one assignment: stored as 未开始, advanced by the inspection that carries it out. */
export const assignmentStatuses = ['未开始', '进行中', '已完成'] as const;

/**
 * 检查计划: what is inspected (scope), when (period), with which checklist versions and by which departments.
 * The JSON columns hold small id lists whose order never matters; the draw records its own copy of everything
 * it used, so later edits of a plan can never change what a past draw means.
 */
export const plans = sqliteTable(
  'plans',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    type: text({ enum: planTypes }).notNull(),
    /** YYYY-MM-DD, inclusive. */
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    templateVersionIdsJson: text().notNull().default('[]'),
    departmentKeysJson: text().notNull().default('[]'),
    /** {townIds, types, statuses, minRiskScore}: internal, never published. */
    scopeJson: text().notNull(),
    status: text({ enum: planStatuses }).notNull().default('草稿'),
    isFlying: integer({ mode: 'boolean' }).notNull().default(false),
    notes: text(),
    cancelReason: text(),
    createdById: text()
      .notNull()
      .references(() => users.id),
    createdByName: text().notNull(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('plans_period_idx').on(t.periodStart),
    check('plans_period_ck', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/**
 * One 双随机 draw of a plan, kept forever: the full record (seed, algorithm version, params, candidate hash,
 * result) together with the candidate lists it was drawn from, so it can be re-run and verified at any time.
 * A redraw adds a row with a required reason and points the old one at it (`supersededById`).
 */
export const planDraws = sqliteTable(
  'plan_draws',
  {
    id: text().primaryKey(),
    planId: text()
      .notNull()
      .references(() => plans.id),
    seq: integer().notNull(),
    /** The DrawRecord as JSON. */
    recordJson: text().notNull(),
    /** The DrawCandidates the record was drawn from, as JSON. */
    candidatesJson: text().notNull(),
    seed: text().notNull(),
    algorithmVersion: text().notNull(),
    candidateHash: text().notNull(),
    reason: text(),
    supersededById: text(),
    drawnById: text()
      .notNull()
      .references(() => users.id),
    drawnByName: text().notNull(),
    drawnAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('plan_draws_seq_uq').on(t.planId, t.seq),
    // Only the first draw of a plan may go without a reason.
    check('plan_draws_reason_ck', sql`${t.seq} = 1 OR (${t.reason} IS NOT NULL AND length(trim(${t.reason})) > 0)`),
  ],
);

/**
 * 检查安排: one drawn institution with its team and (once scheduled) its date. Rows belong to the plan's
 * current draw; a redraw replaces them (the superseded draw's record still says what they were).
 * `inspections.plan_assignment_id` points back here when an inspection carries the assignment out.
 */
export const planAssignments = sqliteTable(
  'plan_assignments',
  {
    id: text().primaryKey(),
    planId: text()
      .notNull()
      .references(() => plans.id),
    drawId: text()
      .notNull()
      .references(() => planDraws.id),
    institutionId: text()
      .notNull()
      .references(() => institutions.id),
    /** Position in draw order (1-based). */
    sortOrder: integer().notNull(),
    inspectorIdsJson: text().notNull(),
    scheduledDate: text(),
    status: text({ enum: assignmentStatuses }).notNull().default('未开始'),
    inspectionId: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('plan_assignments_plan_institution_uq').on(t.planId, t.institutionId),
    index('plan_assignments_date_idx').on(t.scheduledDate),
  ],
);
