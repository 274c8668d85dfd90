import { insertAudit, type Actor } from '../../db/queries/audit';
import type { CallContext, ServiceDeps } from './context';

/** The fields a service states about a change; id, time and actor are filled in here. */
export interface ChangeRecord {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes the audit record of a change made by the signed-in user; call inside the change's transaction. */
export function recordChange(ctx: CallContext, change: ChangeRecord, actor: Actor = ctx.actor()): void {
  insertAudit(ctx.deps.sqlite, { id: ctx.deps.newId(), at: ctx.now(), actor, ...change });
}

/** The actor used for changes the app makes by itself (first-start seeding). */
export const systemActor: Actor = { id: null, name: '系统' };

/** Writes an audit record for a change made by the system itself (no user signed in). */
export function recordSystemChange(deps: ServiceDeps, change: ChangeRecord): void {
  insertAudit(deps.sqlite, { id: deps.newId(), at: deps.clock().toISOString(), actor: systemActor, ...change });
}

/**
 * Runs `fn` in one synchronous SQLite transaction. better-sqlite3 refuses a function returning a promise,
 * which is what we want: an `await` inside would silently end atomicity.
 */
export function inTransaction<T>(deps: ServiceDeps, fn: () => T): T {
  return deps.sqlite.transaction(fn).immediate();
}
