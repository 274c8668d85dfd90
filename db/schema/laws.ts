import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A law's identity across its versions (消防法 stays the same law when a newer text is imported). */
export const lawDocuments = sqliteTable('law_documents', {
  id: text().primaryKey(),
  /** Stable code: the bundled file name without date and `.md`, e.g. 消防法; citations map to it. */
  code: text().notNull().unique(),
  title: text().notNull(),
  /** JSON array of the short names checklists use (上海消防条例 …). */
  aliasesJson: text().notNull(),
  sortOrder: integer().notNull(),
  createdAt: text().notNull(),
});

/**
 * One text of a law: the bundled one or an administrator's import. Versions are never changed or deleted, so a
 * document that quoted a version keeps its text; the newest by version date (then by import time) is current.
 */
export const lawVersions = sqliteTable(
  'law_versions',
  {
    id: text().primaryKey(),
    lawId: text()
      .notNull()
      .references(() => lawDocuments.id),
    /** Shown in the version switcher: the version date, or the file name when the text gives none. */
    label: text().notNull(),
    versionDate: text(),
    source: text({ enum: ['bundled', 'imported'] }).notNull(),
    fileName: text().notNull(),
    title: text().notNull(),
    /** Null for bundled texts (loaded by the app itself). */
    importedBy: text(),
    importedByName: text().notNull(),
    importedAt: text().notNull(),
    /** SHA-256 of the Markdown; the same text is never stored twice. */
    contentHash: text().notNull().unique(),
    markdown: text().notNull(),
    articleCount: integer().notNull(),
  },
  (t) => [index('law_versions_law_idx').on(t.lawId, t.versionDate)],
);

/** The articles of a version, one row each, for SQL queries and other modules; the reader parses `markdown`. */
export const lawArticles = sqliteTable(
  'law_articles',
  {
    id: text().primaryKey(),
    versionId: text()
      .notNull()
      .references(() => lawVersions.id),
    /** '28' or '41-1' for 第四十一条之一. */
    key: text().notNull(),
    number: integer().notNull(),
    insertSuffix: integer().notNull(),
    label: text().notNull(),
    /** Position of the article in the version. */
    ordinal: integer().notNull(),
    chapter: text(),
    section: text(),
    text: text().notNull(),
    itemsJson: text().notNull(),
  },
  (t) => [uniqueIndex('law_articles_version_key_idx').on(t.versionId, t.key)],
);
