import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { towns } from './core';

/** Operating status of an institution (运营 / 停业整顿 / 已关闭). */
export const institutionStatuses = ['运营', '停业整顿', '已关闭'] as const;

/** Ownership/operation type (公办 / 公建民营 / 民办). */
export const institutionTypes = ['公办', '公建民营', '民办'] as const;

/**
 * 机构档案: one elderly-care institution. Matched on import by its 统一社会信用代码 (`uscc`), which is
 * therefore unique. `archivedAt` hides an institution that cannot be deleted because other records use it.
 */
export const institutions = sqliteTable(
  'institutions',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    uscc: text().notNull().unique(),
    licenceNo: text(),
    licenceDate: text(),
    address: text().notNull(),
    townId: text()
      .notNull()
      .references(() => towns.id),
    type: text({ enum: institutionTypes }).notNull(),
    bedCount: integer().notNull().default(0),
    residentsSelfCare: integer().notNull().default(0),
    residentsSemiDisabled: integer().notNull().default(0),
    residentsDisabled: integer().notNull().default(0),
    residentsDementia: integer().notNull().default(0),
    legalRepresentative: text(),
    contactPerson: text(),
    contactPhone: text(),
    fireSafetyResponsible: text(),
    fireSafetyManager: text(),
    buildingYear: integer(),
    buildingStoreys: integer(),
    buildingStructure: text(),
    buildingShared: integer({ mode: 'boolean' }).notNull().default(false),
    hasCanteen: integer({ mode: 'boolean' }).notNull().default(false),
    hasClinic: integer({ mode: 'boolean' }).notNull().default(false),
    hasLifts: integer({ mode: 'boolean' }).notNull().default(false),
    hasPipedGas: integer({ mode: 'boolean' }).notNull().default(false),
    hasLpg: integer({ mode: 'boolean' }).notNull().default(false),
    hasOxygen: integer({ mode: 'boolean' }).notNull().default(false),
    hasEbikeParking: integer({ mode: 'boolean' }).notNull().default(false),
    arcFaultDetection: integer({ mode: 'boolean' }).notNull().default(false),
    arcFaultDetectionDate: text(),
    electricalFireMonitoring: integer({ mode: 'boolean' }).notNull().default(false),
    electricalFireMonitoringDate: text(),
    status: text({ enum: institutionStatuses }).notNull().default('运营'),
    notes: text(),
    archivedAt: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('institutions_town_idx').on(t.townId),
    index('institutions_name_idx').on(t.name),
    index('institutions_status_idx').on(t.status),
  ],
);
