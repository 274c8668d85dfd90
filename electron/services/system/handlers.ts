import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { appliedMigrations } from '../../../db/open-database';
import { listAudit } from '../../../db/queries/audit';
import { settings } from '../../../db/schema';
import { languageSchema, type Language } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { ServiceDeps } from '../context';
import type { HandlerGroup } from '../registry';

const LANGUAGE_KEY = 'ui.language';

/** Reads one JSON setting, or undefined when unset. */
export function readSetting(deps: ServiceDeps, key: string): unknown {
  const row = deps.db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.valueJson) as unknown) : undefined;
}

/** Writes one JSON setting (upsert). Call inside a transaction together with the audit record. */
export function writeSetting(deps: ServiceDeps, key: string, value: unknown, now: string): void {
  const valueJson = JSON.stringify(value);
  deps.db
    .insert(settings)
    .values({ key, valueJson, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson, updatedAt: now } })
    .run();
}

function currentLanguage(deps: ServiceDeps): Language {
  const parsed = languageSchema.safeParse(readSetting(deps, LANGUAGE_KEY));
  return parsed.success ? parsed.data : 'zh-CN';
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Reads migration tags from drizzle's journal so 设置 can name the schema version, not just a hash. */
function migrationTags(deps: ServiceDeps): Map<number, string> {
  const journalCandidates = [
    path.resolve(__dirname, '../../../db/migrations/meta/_journal.json'),
    path.resolve(__dirname, '../../../../db/migrations/meta/_journal.json'),
  ];
  for (const file of journalCandidates) {
    if (fs.existsSync(file)) {
      const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Array<{ when: number; tag: string }> };
      return new Map(journal.entries.map((e) => [e.when, e.tag]));
    }
  }
  void deps;
  return new Map();
}

/** Handlers for 设置: data location, schema version, database size, language and the audit log. */
export function createSystemHandlers(): HandlerGroup {
  return {
    'system:info': (_input, ctx) => {
      const { deps } = ctx;
      const applied = appliedMigrations(deps.sqlite);
      const last = applied[applied.length - 1];
      const tags = migrationTags(deps);
      // WAL mode keeps recent writes in the -wal file; the user cares about the whole footprint.
      const size = fileSize(deps.dbPath) + fileSize(`${deps.dbPath}-wal`);
      return {
        appVersion: deps.appVersion,
        dataDir: deps.dataDir,
        databasePath: deps.dbPath,
        databaseSizeBytes: size,
        schemaVersion: last ? (tags.get(last.createdAt) ?? last.hash.slice(0, 12)) : '（无）',
        migrationCount: applied.length,
      };
    },
    'settings:get-language': (_input, ctx) => ({ language: currentLanguage(ctx.deps) }),
    'settings:set-language': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const before = currentLanguage(ctx.deps);
        writeSetting(ctx.deps, LANGUAGE_KEY, input.language, ctx.now());
        recordChange(ctx, {
          entity: 'setting',
          entityId: LANGUAGE_KEY,
          action: 'update',
          before: { language: before },
          after: { language: input.language },
        });
        return { language: input.language };
      }),
    'audit:list': (input, ctx) => listAudit(ctx.deps.sqlite, input),
  };
}
