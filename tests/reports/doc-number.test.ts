import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateNumber, formatDocNumber, parseDocNumber } from '../../electron/reports/doc-number';

// The two tables of db/schema/documents.ts as plain SQL, until its migration is generated and wired.
const DDL = `
CREATE TABLE document_sequences (kind TEXT NOT NULL, year INTEGER NOT NULL, last_seq INTEGER NOT NULL, PRIMARY KEY (kind, year));
CREATE TABLE issued_documents (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, number TEXT NOT NULL UNIQUE, year INTEGER NOT NULL, seq INTEGER NOT NULL,
  title TEXT NOT NULL, subject_ids_json TEXT NOT NULL, content_hash TEXT NOT NULL, verification_code TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'issued', voided_reason TEXT, voided_at TEXT, voided_by TEXT,
  created_at TEXT NOT NULL, created_by TEXT, created_by_name TEXT NOT NULL, file_path TEXT);
CREATE UNIQUE INDEX issued_documents_kind_year_seq_idx ON issued_documents (kind, year, seq);`;

describe('formatDocNumber', () => {
  it('writes 〔year〕 and a three-digit sequence, longer past 999', () => {
    expect(formatDocNumber({ prefix: '浦民养整', year: 2026, seq: 1 })).toBe('浦民养整〔2026〕第001号');
    expect(formatDocNumber({ prefix: '浦民养整', year: 2026, seq: 42 })).toBe('浦民养整〔2026〕第042号');
    expect(formatDocNumber({ prefix: '浦民养整', year: 2026, seq: 999 })).toBe('浦民养整〔2026〕第999号');
    expect(formatDocNumber({ prefix: '浦民养整', year: 2026, seq: 1000 })).toBe('浦民养整〔2026〕第1000号');
    expect(() => formatDocNumber({ prefix: '浦民养整', year: 2026, seq: 0 })).toThrow();
  });

  it('parses its own output back', () => {
    expect(parseDocNumber('浦民养整〔2026〕第1000号')).toEqual({ prefix: '浦民养整', year: 2026, seq: 1000 });
    expect(parseDocNumber('浦民养整[2026]1号')).toBeNull();
  });
});

describe('allocateNumber (real SQLite file)', () => {
  let dir: string;
  let sqlite: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-docnum-'));
    sqlite = new Database(path.join(dir, 'docs.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec(DDL);
  });
  afterEach(() => {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const issue = (kind: string, year: number, prefix = '浦民养整') =>
    sqlite.transaction(() => {
      const { seq } = allocateNumber(sqlite, kind, year);
      const number = formatDocNumber({ prefix, year, seq });
      sqlite
        .prepare(
          `INSERT INTO issued_documents (id, kind, number, year, seq, title, subject_ids_json, content_hash, verification_code, created_at, created_by_name)
           VALUES (?, ?, ?, ?, ?, '整改通知书', '[]', 'h', 'C', '2026-03-02T00:00:00.000Z', '测试')`,
        )
        .run(`${kind}-${year}-${seq}`, kind, number, year, seq);
      return { seq, number, id: `${kind}-${year}-${seq}` };
    })();

  it('numbers per kind and year, starting at 1', () => {
    expect(issue('rectification-notice', 2026).number).toBe('浦民养整〔2026〕第001号');
    expect(issue('rectification-notice', 2026).number).toBe('浦民养整〔2026〕第002号');
    expect(issue('referral-letter', 2026, '浦民养移').number).toBe('浦民养移〔2026〕第001号');
    expect(issue('rectification-notice', 2027).number).toBe('浦民养整〔2027〕第001号');
    expect(issue('rectification-notice', 2026).seq).toBe(3);
  });

  it('never reuses the number of a voided document, also after reopening the file', () => {
    issue('rectification-notice', 2026);
    const second = issue('rectification-notice', 2026);
    sqlite
      .prepare("UPDATE issued_documents SET status = 'voided', voided_reason = '填写错误' WHERE id = ?")
      .run(second.id);
    expect(issue('rectification-notice', 2026).seq).toBe(3);
    sqlite.close();
    sqlite = new Database(path.join(dir, 'docs.db'));
    expect(issue('rectification-notice', 2026).seq).toBe(4);
    const seqs = sqlite.prepare('SELECT seq FROM issued_documents ORDER BY seq').all() as { seq: number }[];
    expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('does not spend a number when the transaction rolls back', () => {
    issue('rectification-notice', 2026);
    expect(() =>
      sqlite.transaction(() => {
        allocateNumber(sqlite, 'rectification-notice', 2026);
        throw new Error('渲染失败');
      })(),
    ).toThrow('渲染失败');
    expect(issue('rectification-notice', 2026).seq).toBe(2);
  });

  it('stays above numbers already recorded even if the sequence row was lost', () => {
    issue('rectification-notice', 2026);
    issue('rectification-notice', 2026);
    sqlite.exec('DELETE FROM document_sequences');
    expect(issue('rectification-notice', 2026).seq).toBe(3);
  });

  it('refuses to run outside a transaction', () => {
    expect(() => allocateNumber(sqlite, 'rectification-notice', 2026)).toThrow(/同一事务/);
  });
});
