import type Database from 'better-sqlite3';

/** Parts of a 发文字号. */
export interface DocNumberParts {
  /** 机关代字 + kind, a setting (e.g. 浦民养整). */
  prefix: string;
  year: number;
  seq: number;
}

/** 浦民养整〔2026〕第001号: year in 六角括号, sequence zero-padded to three digits (more when above 999). */
export function formatDocNumber(parts: DocNumberParts): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new Error('文书序号必须是正整数');
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new Error('文书年份无效');
  return `${parts.prefix}〔${parts.year}〕第${String(parts.seq).padStart(3, '0')}号`;
}

/** Reads a 发文字号 back into its parts, or null when it is not one. */
export function parseDocNumber(text: string): DocNumberParts | null {
  const m = /^(.+)〔(\d{4})〕第(\d{3,})号$/.exec(text.trim());
  if (!m) return null;
  return { prefix: m[1] ?? '', year: Number(m[2]), seq: Number(m[3]) };
}

// One statement: increments the sequence, and never hands out a number at or below one already recorded in
// issued_documents (a restored or hand-edited sequence row cannot cause a reused number).
const ALLOCATE_SQL = `
INSERT INTO document_sequences (kind, year, last_seq)
VALUES (@kind, @year, COALESCE((SELECT MAX(seq) FROM issued_documents WHERE kind = @kind AND year = @year), 0) + 1)
ON CONFLICT (kind, year) DO UPDATE SET
  last_seq = MAX(last_seq, COALESCE((SELECT MAX(seq) FROM issued_documents WHERE kind = @kind AND year = @year), 0)) + 1
RETURNING last_seq AS seq`;

const statements = new WeakMap<
  Database.Database,
  Database.Statement<{ kind: string; year: number }, { seq: number }>
>();

/**
 * Takes the next number of a document kind in a year. Must run inside the caller's transaction, the one that
 * also inserts the issued_documents row: a number is spent once that transaction commits, and numbers of
 * voided documents are never given out again.
 */
export function allocateNumber(
  sqlite: Database.Database,
  kind: string,
  year: number,
): { kind: string; year: number; seq: number } {
  if (!sqlite.inTransaction) throw new Error('allocateNumber 必须在登记文书的同一事务中调用');
  let stmt = statements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare<{ kind: string; year: number }, { seq: number }>(ALLOCATE_SQL);
    statements.set(sqlite, stmt);
  }
  const row = stmt.get({ kind, year });
  if (!row) throw new Error('无法分配文书编号');
  return { kind, year, seq: row.seq };
}
