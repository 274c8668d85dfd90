import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

/** The drizzle database type used by every query module (the schema is attached for relational queries). */
export type AppDb = BetterSQLite3Database<typeof schema>;

/** An opened, migrated and integrity-checked database: drizzle for most queries, the raw handle for hot paths. */
export interface OpenedDatabase {
  db: AppDb;
  sqlite: Database.Database;
  path: string;
  close: () => void;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Folder of drizzle-kit generated SQL migrations; defaults to db/migrations beside this file's source tree. */
  migrationsFolder?: string;
  /** `FULL` survives power loss (inspectors' laptops die on battery); `NORMAL` only survives app crashes. */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Thrown when the database file cannot be trusted; the app then refuses to write and shows the message. */
export class DatabaseIntegrityError extends Error {
  /** Raw result lines of `PRAGMA integrity_check`. */
  readonly details: string[];
  constructor(dbPath: string, details: string[]) {
    super(`数据库文件 ${dbPath} 完整性检查未通过（${details.slice(0, 3).join('；')}），为避免损坏数据，程序不会写入该文件。请从备份恢复或联系管理员。`);
    this.name = 'DatabaseIntegrityError';
    this.details = details;
  }
}

/** Locates db/migrations both from the TypeScript sources and from the compiled build/ tree. */
export function defaultMigrationsFolder(): string {
  const candidates = [path.resolve(__dirname, 'migrations'), path.resolve(__dirname, '../../db/migrations')];
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'meta', '_journal.json')));
  if (!found) throw new Error(`找不到数据库迁移文件夹（已查找：${candidates.join('，')}）`);
  return found;
}

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas every connection needs, checks integrity and
 * applies pending migrations. There is no module-level handle: callers pass the result down explicitly.
 */
export function openDatabase(dbPath: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const sqlite = new Database(dbPath);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const lines = check.map((r) => r.integrity_check);
    if (lines.length !== 1 || lines[0] !== 'ok') throw new DatabaseIntegrityError(dbPath, lines);
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder() });
    return { db, sqlite, path: dbPath, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The applied migrations, newest last, read from drizzle's bookkeeping table (shown in 设置 as the schema version). */
export function appliedMigrations(sqlite: Database.Database): Array<{ hash: string; createdAt: number }> {
  const rows = sqlite
    .prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at')
    .all() as Array<{ hash: string; createdAt: number }>;
  return rows;
}
