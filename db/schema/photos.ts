import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core';

/**
 * 照片: one photo of evidence, as stored by `electron/services/photos/photo-store.ts`. The files are written
 * before the row (see that module), so a row always points at a file that was complete when it was recorded.
 * `sha256Original` is both the evidence hash of the photo as taken and the content address, hence unique: the
 * same photo attached twice is one row, referenced twice. `sha256Stored` lets a later check prove the stored
 * copy is unchanged. Times are ISO 8601; `capturedAt` keeps the camera's offset (assumed +08:00 when absent).
 */
export const photos = sqliteTable('photos', {
  id: text().primaryKey(),
  sha256Original: text().notNull().unique(),
  sha256Stored: text().notNull(),
  storedPath: text().notNull(),
  thumbPath: text().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  originalWidth: integer().notNull(),
  originalHeight: integer().notNull(),
  originalMime: text().notNull(),
  originalBytes: integer().notNull(),
  bytes: integer().notNull(),
  mime: text().notNull(),
  capturedAt: text(),
  orientationApplied: integer().notNull().default(1),
  originalName: text(),
  importedAt: text().notNull(),
  importedBy: text()
    .notNull()
    .references(() => users.id),
});
