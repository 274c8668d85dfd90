import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations, DatabaseIntegrityError, openDatabase } from '../../db/open-database';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-db-'));
  dirs.push(dir);
  return path.join(dir, 'sub', 'careinspect.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file, sets the pragmas and applies the committed migrations', () => {
    const file = tempFile();
    const opened = openDatabase(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      const journal = JSON.parse(
        fs.readFileSync(path.resolve(__dirname, '../../db/migrations/meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      expect(appliedMigrations(opened.sqlite)).toHaveLength(journal.entries.length);
      const tables = opened.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        .all()
        .map((r) => (r as { name: string }).name);
      expect(tables).toEqual(expect.arrayContaining(['audit_log', 'departments', 'settings', 'towns', 'users']));
    } finally {
      opened.close();
    }
  });

  it('reopens an existing database without re-applying migrations', () => {
    const file = tempFile();
    openDatabase(file).close();
    const again = openDatabase(file);
    try {
      const n = (again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
      expect(appliedMigrations(again.sqlite)).toHaveLength(n);
      expect(n).toBeGreaterThan(0);
    } finally {
      again.close();
    }
  });

  it('enforces foreign keys', () => {
    const opened = openDatabase(tempFile());
    try {
      expect(() =>
        opened.sqlite
          .prepare(
            "INSERT INTO users (id, username, display_name, department_key, role, password_hash, is_active, created_at, updated_at) VALUES ('u1','x','x','no-such-dept','admin','h',1,'t','t')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      opened.close();
    }
  });

  it('refuses a database whose integrity check fails, and says why in Chinese', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Build a database with an index, then overwrite the index's pages so the table and index disagree.
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT); CREATE INDEX t_b ON t (b);');
    const insert = raw.prepare('INSERT INTO t (b) VALUES (?)');
    raw.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`value-${i.toString().padStart(6, '0')}`);
    })();
    const rootpage = (raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 't_b'").get() as { rootpage: number })
      .rootpage;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    // Corrupt cell content of the index root page, leaving the page header intact.
    fs.writeSync(fd, Buffer.alloc(pageSize - 200, 0x41), 0, pageSize - 200, (rootpage - 1) * pageSize + 100);
    fs.closeSync(fd);
    let caught: unknown;
    try {
      openDatabase(file).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    const message = (caught as Error).message;
    // Either integrity_check reports the damage, or SQLite refuses the malformed file outright; never silence.
    if (caught instanceof DatabaseIntegrityError) {
      expect(message).toContain('完整性检查未通过');
      expect(caught.details.length).toBeGreaterThan(0);
    } else {
      expect(message).toMatch(/malformed|corrupt/i);
    }
  });
});
