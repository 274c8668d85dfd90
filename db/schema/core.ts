import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Local accounts. Passwords are stored only as scrypt hashes; roles are enforced by the services. */
export const users = sqliteTable('users', {
  id: text().primaryKey(),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  departmentKey: text()
    .notNull()
    .references(() => departments.key),
  role: text({ enum: ['admin', 'inspector', 'viewer'] }).notNull(),
  passwordHash: text().notNull(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
});

/** Supervising departments (民政, 消防救援, 市场监管, 住建, 卫健, 发改); keys are stable codes used in routing. */
export const departments = sqliteTable('departments', {
  key: text().primaryKey(),
  nameZh: text().notNull(),
  shortZh: text().notNull(),
  nameEn: text().notNull(),
  sortOrder: integer().notNull(),
});

/** Towns (街镇) of the district; data, not code, so another district can load its own list. */
export const towns = sqliteTable(
  'towns',
  {
    id: text().primaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text({ enum: ['街道', '镇'] }).notNull(),
    district: text().notNull(),
    sortOrder: integer().notNull(),
    isActive: integer({ mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('towns_sort_idx').on(t.sortOrder)],
);

/** Key-value application settings; values are JSON so each setting keeps its own shape. */
export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  valueJson: text().notNull(),
  updatedAt: text().notNull(),
});

/** Append-only audit trail: every user-visible change writes one row in the same transaction as the change. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text().primaryKey(),
    at: text().notNull(),
    actorId: text(),
    actorName: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    action: text().notNull(),
    beforeJson: text(),
    afterJson: text(),
    reason: text(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
