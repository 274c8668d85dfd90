import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments, users } from './core';
import { inspections } from './inspections';
import { institutions } from './institutions';
import { photos } from './photos';

/** States of a hazard: 待整改 → 整改中 → 待复查 → 已闭环 (labels live in the state machine and i18n). */
export const hazardStateValues = ['to-rectify', 'rectifying', 'to-verify', 'closed'] as const;

/** Severity under the major-hazard judgment standard: 重大事故隐患 or 一般隐患. */
export const hazardSeverityValues = ['major', 'general'] as const;

/**
 * Where the severity came from: a matched criterion of a rule set, the inspector's own reason, a criterion
 * that says another department or an expert must decide (待部门或专家认定), a criterion whose text was not
 * retrieved, or simply no criterion applies.
 */
export const hazardSeverityBasisValues = [
  'criterion',
  'inspector',
  'pending-judgment',
  'criteria-not-retrieved',
  'none',
] as const;

/** Deadline classes (立即 / 短期 / 一般), as in the rule library. */
export const hazardDeadlineClassValues = ['immediate', 'short', 'normal'] as const;

/** Kinds of event in a hazard's history; transitions and plain records (催办, 移送, edits) alike. */
export const hazardEventKindValues = [
  'create',
  'start',
  'report',
  'recheck',
  'verify-pass',
  'verify-fail',
  'recheck-note',
  'reminder',
  'referral',
  'referral-update',
  'edit',
] as const;

/** What a photo attached to a hazard shows. */
export const hazardPhotoRoleValues = ['before', 'after', 'document'] as const;

/** 移送 (hand the case over) or 抄告 (inform the department). */
export const hazardReferralKindValues = ['transfer', 'notify'] as const;

/** Whether the department accepted a referral. */
export const hazardReferralAcceptedValues = ['pending', 'yes', 'no'] as const;

/**
 * 隐患: one hazard found at an institution, from an inspection item or added ad hoc. Overdue is never stored:
 * it is derived from `deadlineDate` (a calendar date in Asia/Shanghai) and the state. `departmentsJson` is a
 * JSON array of department keys. `recordedById` is the account that recorded it, which separation of duties
 * compares with the verifier.
 */
export const hazards = sqliteTable(
  'hazards',
  {
    id: text().primaryKey(),
    /** Human-readable number, YH-<year>-<seq>, cited in letters and referrals. */
    code: text().notNull().unique(),
    institutionId: text()
      .notNull()
      .references(() => institutions.id),
    // Lazy callback: the inspections module imports this module too (it creates hazards from findings).
    sourceInspectionId: text().references(() => inspections.id),
    itemKey: text(),
    ruleItemCode: text(),
    itemText: text(),
    legalBasis: text(),
    location: text().notNull(),
    description: text().notNull(),
    measurementValue: real(),
    measurementUnit: text(),
    severity: text({ enum: hazardSeverityValues }).notNull(),
    severityBasis: text({ enum: hazardSeverityBasisValues }).notNull(),
    severityRationale: text().notNull(),
    /** 待部门或专家认定: the criterion leaves the judgment to another department or an expert. */
    pendingJudgment: integer({ mode: 'boolean' }).notNull().default(false),
    majorRuleSetId: text(),
    majorCriterionCode: text(),
    departmentsJson: text().notNull(),
    requiredAction: text().notNull(),
    deadlineClass: text({ enum: hazardDeadlineClassValues }).notNull(),
    deadlineDate: text().notNull(),
    interimMeasures: text(),
    state: text({ enum: hazardStateValues }).notNull(),
    fixedOnSpot: integer({ mode: 'boolean' }).notNull().default(false),
    recordedById: text()
      .notNull()
      .references(() => users.id),
    recordedByName: text().notNull(),
    recordedAt: text().notNull(),
    closedAt: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('hazards_institution_idx').on(t.institutionId, t.state),
    index('hazards_state_idx').on(t.state, t.deadlineDate),
    index('hazards_inspection_idx').on(t.sourceInspectionId),
    // The dashboard's period queries read hazards by closing and recording time (about 3x faster at district scale).
    index('hazards_closed_idx').on(t.closedAt, t.recordedAt),
  ],
);

/**
 * A hazard's history, one row per transition or record, numbered per hazard. `fromState`/`toState` are equal
 * for records that do not move the state (催办, 移送, edits, a recheck that found it still present).
 */
export const hazardEvents = sqliteTable(
  'hazard_events',
  {
    id: text().primaryKey(),
    hazardId: text()
      .notNull()
      .references(() => hazards.id),
    seq: integer().notNull(),
    kind: text({ enum: hazardEventKindValues }).notNull(),
    fromState: text({ enum: hazardStateValues }),
    toState: text({ enum: hazardStateValues }).notNull(),
    actorId: text().references(() => users.id),
    actorName: text().notNull(),
    at: text().notNull(),
    reason: text(),
    /** Rectification report text, or the verifier's note. */
    text: text(),
    /** Verification method: 现场复查 / 资料审核 / 照片核验, or 当场整改 for on-site fixes. */
    method: text(),
    inspectionId: text().references(() => inspections.id),
    detailJson: text().notNull().default('{}'),
  },
  (t) => [uniqueIndex('hazard_events_seq_uq').on(t.hazardId, t.seq)],
);

/** Photos and documents attached to a hazard: before (at finding), after (rectified) and documents. */
export const hazardPhotos = sqliteTable(
  'hazard_photos',
  {
    id: text().primaryKey(),
    hazardId: text()
      .notNull()
      .references(() => hazards.id),
    photoId: text()
      .notNull()
      .references(() => photos.id),
    role: text({ enum: hazardPhotoRoleValues }).notNull(),
    eventId: text().references(() => hazardEvents.id),
    sortOrder: integer().notNull(),
  },
  (t) => [index('hazard_photos_hazard_idx').on(t.hazardId, t.role)],
);

/** 移送 / 抄告 of a hazard to a department, with the letter number and whether the department accepted it. */
export const hazardReferrals = sqliteTable(
  'hazard_referrals',
  {
    id: text().primaryKey(),
    hazardId: text()
      .notNull()
      .references(() => hazards.id),
    departmentKey: text()
      .notNull()
      .references(() => departments.key),
    kind: text({ enum: hazardReferralKindValues }).notNull(),
    referredOn: text().notNull(),
    letterNo: text(),
    accepted: text({ enum: hazardReferralAcceptedValues }).notNull().default('pending'),
    acceptedOn: text(),
    note: text(),
    createdById: text()
      .notNull()
      .references(() => users.id),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [index('hazard_referrals_hazard_idx').on(t.hazardId)],
);
