import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Returns a prepared statement cached per connection. Hot write paths (answers, audit rows, imports) use this
 * instead of building drizzle queries each time: preparing is the expensive part, not executing.
 */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
