import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './core';

/** Kinds of 文书 the app issues; each has its own number sequence per year. */
export const documentKinds = [
  'rectification-notice', // 整改通知书
  'inspection-record', // 现场检查记录
  'reinspection-opinion', // 复查意见书
  'referral-letter', // 移送函
  'notify-letter', // 抄告函
  'joint-report', // 联合监管报告
  'consultation-material', // 会商材料
] as const;

/** Status of an issued document: voided documents keep their number, which is never given out again. */
export const issuedDocumentStatuses = ['issued', 'voided'] as const;

/**
 * Last number handed out per document kind and year. Only ever incremented (allocateNumber in
 * electron/reports/doc-number.ts), inside the transaction that records the document.
 */
export const documentSequences = sqliteTable(
  'document_sequences',
  {
    kind: text({ enum: documentKinds }).notNull(),
    year: integer().notNull(),
    lastSeq: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/**
 * 文书台账: one row per numbered document issued. The verification code printed on its pages and the hash of
 * its canonical content let the app say whether a code or a PDF handed back matches this record.
 */
export const issuedDocuments = sqliteTable(
  'issued_documents',
  {
    id: text().primaryKey(),
    kind: text({ enum: documentKinds }).notNull(),
    /** Formatted 文号, e.g. 浦民养整〔2026〕第001号. */
    number: text().notNull().unique(),
    year: integer().notNull(),
    seq: integer().notNull(),
    title: text().notNull(),
    /** JSON array of the ids the document is about (institution, inspection, hazards). */
    subjectIdsJson: text().notNull(),
    /** SHA-256 (hex) of the canonical JSON of kind, number and data. */
    contentHash: text().notNull(),
    /** XXXXX-XXXXX, derived from contentHash. */
    verificationCode: text().notNull(),
    status: text({ enum: issuedDocumentStatuses }).notNull().default('issued'),
    voidedReason: text(),
    voidedAt: text(),
    voidedBy: text().references(() => users.id),
    createdAt: text().notNull(),
    createdBy: text().references(() => users.id),
    createdByName: text().notNull(),
    /** Where the PDF was saved last, if it was saved by the app. */
    filePath: text(),
    /** 成文日期 (YYYY-MM-DD, Asia/Shanghai). */
    issueDate: text().notNull(),
    /** The institution the document is addressed to or about, when it is about one (name kept as printed). */
    institutionId: text(),
    institutionName: text(),
    /** The department a referral letter or joint report is for. */
    departmentKey: text(),
    /** The PDF inside the data folder (`documents/<year>/<kind>/<id>.pdf`), relative to it. */
    storedPath: text().notNull(),
    /** SHA-256 of the stored PDF bytes, so a handed-back file can be told apart from one re-saved elsewhere. */
    pdfSha256: text(),
    pageCount: integer(),
    /**
     * Everything printed, as JSON with photos replaced by references (`{$image, path}`), so the document is
     * re-rendered byte for byte whatever happens later to the hazards, the settings or the law library.
     */
    dataJson: text().notNull(),
    /** Law versions the quotes used, by law id (`{lawId: versionId}`): an issued document keeps its texts. */
    lawVersionsJson: text().notNull().default('{}'),
  },
  (t) => [
    uniqueIndex('issued_documents_kind_year_seq_idx').on(t.kind, t.year, t.seq),
    index('issued_documents_code_idx').on(t.verificationCode),
    index('issued_documents_kind_idx').on(t.kind, t.issueDate),
  ],
);
