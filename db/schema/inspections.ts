import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { checklistTemplateVersions } from './checklists';
import { users } from './core';
import { institutions } from './institutions';
import { photos } from './photos';
import { inspectors } from './plans';

/** Status of an inspection: 进行中 until finished, then locked (corrections become amendments). */
export const inspectionStatuses = ['in_progress', 'finished'] as const;

/** The three answers of a checklist item. */
export const answerResults = ['符合', '不符合', '不适用'] as const;

/** What a photo of an inspection shows: the finding itself, or the situation after 当场整改. */
export const inspectionPhotoRoles = ['evidence', 'after-fix'] as const;

/**
 * 现场检查: one visit to one institution with one published checklist version. The version's frozen snapshot is
 * what the runner renders; `featuresJson` keeps the institution features at start so the applicable sections
 * never shift under the inspector if the institution record is edited meanwhile.
 */
export const inspections = sqliteTable(
  'inspections',
  {
    id: text().primaryKey(),
    institutionId: text()
      .notNull()
      .references(() => institutions.id),
    templateVersionId: text()
      .notNull()
      .references(() => checklistTemplateVersions.id),
    /** Plan assignment this inspection carries out (plans phase 2; no foreign key yet). */
    planAssignmentId: text(),
    status: text({ enum: inspectionStatuses }).notNull().default('in_progress'),
    featuresJson: text().notNull(),
    startedAt: text().notNull(),
    finishedAt: text(),
    representativeName: text().notNull(),
    representativeTitle: text(),
    representativePhone: text(),
    /** Hazards created from the 不符合 answers when the inspection was finished (JSON array of ids). */
    hazardIdsJson: text().notNull().default('[]'),
    createdById: text()
      .notNull()
      .references(() => users.id),
    createdByName: text().notNull(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('inspections_status_idx').on(t.status, t.updatedAt),
    index('inspections_institution_idx').on(t.institutionId, t.startedAt),
  ],
);

/** The roster inspectors present at an inspection (the law requires at least two law-enforcement officers). */
export const inspectionInspectors = sqliteTable(
  'inspection_inspectors',
  {
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    inspectorId: text()
      .notNull()
      .references(() => inspectors.id),
    sortOrder: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.inspectorId] })],
);

/**
 * One answer per checklist item (item key of the snapshot). Written the moment it is made, one small transaction
 * per change; `result` is NULL while only a note has been taken.
 */
export const inspectionAnswers = sqliteTable(
  'inspection_answers',
  {
    id: text().primaryKey(),
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    itemKey: text().notNull(),
    result: text({ enum: answerResults }),
    measurementValue: real(),
    measurementUnit: text(),
    countValue: integer(),
    textValue: text(),
    note: text(),
    locationBuilding: text(),
    locationFloor: text(),
    locationRoom: text(),
    locationText: text(),
    description: text(),
    fixedOnSpot: integer({ mode: 'boolean' }).notNull().default(false),
    updatedAt: text().notNull(),
    updatedById: text()
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('inspection_answers_item_uq').on(t.inspectionId, t.itemKey)],
);

/** A photo attached to an inspection (to an item, or to the inspection as a whole when `itemKey` is NULL). */
export const inspectionPhotos = sqliteTable(
  'inspection_photos',
  {
    id: text().primaryKey(),
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    itemKey: text(),
    photoId: text()
      .notNull()
      .references(() => photos.id),
    role: text({ enum: inspectionPhotoRoles }).notNull(),
    caption: text(),
    sortOrder: integer().notNull(),
    createdAt: text().notNull(),
    createdById: text()
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('inspection_photos_item_idx').on(t.inspectionId, t.itemKey, t.sortOrder)],
);

/**
 * A signature on the finished record: one per inspector present and one for the institution's representative.
 * `signerKey` is the inspector id or 'representative', so each signer has exactly one row. A representative
 * who refuses is recorded with the reason and a witness instead of a drawing.
 */
export const inspectionSignatures = sqliteTable(
  'inspection_signatures',
  {
    id: text().primaryKey(),
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    signerKey: text().notNull(),
    role: text({ enum: ['inspector', 'representative'] }).notNull(),
    inspectorId: text().references(() => inspectors.id),
    signerName: text().notNull(),
    storedPath: text(),
    sha256: text(),
    signedAt: text().notNull(),
    refused: integer({ mode: 'boolean' }).notNull().default(false),
    refusalReason: text(),
    witnessName: text(),
    recordedById: text()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('inspection_signatures_signer_uq').on(t.inspectionId, t.signerKey),
    // A row is either a drawing or a refusal with reason and witness; never neither, never half of one.
    check(
      'inspection_signatures_kind_ck',
      sql`(${t.refused} = 0 AND ${t.storedPath} IS NOT NULL AND ${t.sha256} IS NOT NULL) OR (${t.refused} = 1 AND ${t.role} = 'representative' AND ${t.refusalReason} IS NOT NULL AND ${t.witnessName} IS NOT NULL)`,
    ),
  ],
);

/** A correction made after the inspection was locked: what changed, from what to what, why, by whom and when. */
export const inspectionAmendments = sqliteTable(
  'inspection_amendments',
  {
    id: text().primaryKey(),
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    itemKey: text(),
    field: text().notNull(),
    beforeJson: text(),
    afterJson: text(),
    reason: text().notNull(),
    byId: text()
      .notNull()
      .references(() => users.id),
    byName: text().notNull(),
    at: text().notNull(),
  },
  (t) => [index('inspection_amendments_inspection_idx').on(t.inspectionId, t.at)],
);
