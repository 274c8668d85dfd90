import type Database from 'better-sqlite3';
import type { Actor } from './audit';
import { cachedStatement } from './statement-cache';

/** A value SQLite stores directly. */
export type SqlValue = string | number | bigint | Buffer | null;

const INSERT_AUDIT =
  'INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Writes rows of one table, each with its audit record; see {@link createAuditedInserter}. */
export type AuditedInserter<Row extends Record<string, SqlValue>> = (
  row: Row,
  audit: { auditId: string; at: string; entityId: string; action?: string; reason?: string | null },
) => void;

/**
 * Prepares the write path for bulk and hot writes (imports, answers, demo data): one row plus its audit record
 * (after-image = the row) through two cached prepared statements, where building a drizzle query per row would
 * cost more than the write itself. Call the returned function inside the caller's transaction. Table and
 * column names come from code, never from user input.
 */
export function createAuditedInserter<Row extends Record<string, SqlValue>>(
  sqlite: Database.Database,
  table: string,
  columns: readonly (keyof Row & string)[],
  entity: string,
  actor: Actor,
): AuditedInserter<Row> {
  const insertRow = cachedStatement(
    sqlite,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const insertAudit = cachedStatement(sqlite, INSERT_AUDIT);
  const values: SqlValue[] = new Array<SqlValue>(columns.length);
  return (row, audit) => {
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as keyof Row] as SqlValue;
    insertRow.run(values);
    insertAudit.run(
      audit.auditId,
      audit.at,
      actor.id,
      actor.name,
      entity,
      audit.entityId,
      audit.action ?? 'create',
      null,
      JSON.stringify(row),
      audit.reason ?? null,
    );
  };
}
