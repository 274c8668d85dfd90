import type Database from 'better-sqlite3';
import { cachedStatement } from './statement-cache';

/** Who made a change: the signed-in user, or the system itself (first-start seeding, migrations). */
export interface Actor {
  id: string | null;
  name: string;
}

/** One audit record; `before`/`after` are the entity's user-visible fields (never password hashes). */
export interface AuditRecord {
  id: string;
  at: string;
  actor: Actor;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const INSERT_AUDIT =
  'INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Writes one audit row. Must be called inside the same synchronous transaction as the change it records,
 * so that a change and its audit record are committed (or lost) together.
 */
export function insertAudit(sqlite: Database.Database, record: AuditRecord): void {
  cachedStatement(sqlite, INSERT_AUDIT).run(
    record.id,
    record.at,
    record.actor.id,
    record.actor.name,
    record.entity,
    record.entityId,
    record.action,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
    record.reason ?? null,
  );
}

/** A row of the audit log as shown to users. */
export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Lists audit records, newest first, optionally for one entity. */
export function listAudit(
  sqlite: Database.Database,
  filter: { entity?: string; entityId?: string; limit: number; offset: number },
): AuditRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.entity) {
    where.push('entity = ?');
    params.push(filter.entity);
  }
  if (filter.entityId) {
    where.push('entity_id = ?');
    params.push(filter.entityId);
  }
  const sql = `SELECT id, at, actor_id AS actorId, actor_name AS actorName, entity, entity_id AS entityId, action,
      before_json AS beforeJson, after_json AS afterJson, reason FROM audit_log
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`;
  const rows = sqlite.prepare(sql).all(...params, filter.limit, filter.offset) as Array<
    Omit<AuditRow, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null }
  >;
  return rows.map(({ beforeJson, afterJson, ...rest }) => ({
    ...rest,
    before: beforeJson === null ? null : (JSON.parse(beforeJson) as unknown),
    after: afterJson === null ? null : (JSON.parse(afterJson) as unknown),
  }));
}
