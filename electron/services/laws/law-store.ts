import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/queries/statement-cache';
import type { LawSummary, LawVersionSummary } from '../../api';
import { inTransaction, recordSystemChange } from '../audit';
import type { ServiceDeps } from '../context';
import { LAW_ALIASES } from './citations';
import { createLawLibrary, type LawLibrary } from './law-library';
import { parseLaw, type ParsedArticle, type ParsedLaw } from './parse-law';

/** Folder of the bundled law texts inside the resources folder. */
export function bundledLawsDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'laws');
}

/**
 * Stable code of a law from a file name: without `.md` and without the `(YYYY-MM-DD)` version date, so
 * `消防法(2021-04-29).md` and a later `消防法(2026-01-01).md` are the same law 消防法.
 */
export function lawCode(fileName: string): string {
  return fileName
    .replace(/\.md$/i, '')
    .replace(/\s*[(（]\d{4}-\d{2}-\d{2}[)）]\s*$/, '')
    .trim();
}

/** SHA-256 of a text, hex; identifies a version's content. */
export function contentHash(markdown: string): string {
  return createHash('sha256').update(markdown, 'utf8').digest('hex');
}

/** Label of a version in lists and the version switcher. */
export function versionLabel(law: ParsedLaw): string {
  return law.versionDate ?? law.fileName.replace(/\.md$/i, '');
}

interface LawRow {
  id: string;
  code: string;
  title: string;
  aliases_json: string;
  sort_order: number;
}

interface VersionRow {
  id: string;
  law_id: string;
  label: string;
  version_date: string | null;
  source: 'bundled' | 'imported';
  file_name: string;
  title: string;
  imported_by_name: string;
  imported_at: string;
  content_hash: string;
  article_count: number;
}

/** A parsed version with its article lookup, cached per connection (versions never change once stored). */
export interface LoadedVersion {
  versionId: string;
  lawId: string;
  parsed: ParsedLaw;
  articles: ReadonlyMap<string, ParsedArticle>;
}

interface StoreCache {
  parsed: Map<string, LoadedVersion>;
  /** Search library over the current versions, rebuilt when the set of current versions changes. */
  search: { key: string; library: LawLibrary; owners: Map<ParsedLaw, LoadedVersion> } | null;
  seeded: boolean;
  checklist: unknown;
}

const caches = new WeakMap<Database.Database, StoreCache>();

/** Per-connection cache of parsed versions and the search index. */
export function storeCache(deps: ServiceDeps): StoreCache {
  let cache = caches.get(deps.sqlite);
  if (!cache) {
    cache = { parsed: new Map(), search: null, seeded: false, checklist: null };
    caches.set(deps.sqlite, cache);
  }
  return cache;
}

/**
 * Newest first: by version date (a text without a date sorts last), then by when it was stored. The first
 * entry is the current version, the one new citations use.
 */
export function compareVersions(
  a: Pick<VersionRow, 'version_date' | 'imported_at' | 'id'>,
  b: Pick<VersionRow, 'version_date' | 'imported_at' | 'id'>,
): number {
  const da = a.version_date ?? '';
  const db = b.version_date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  if (a.imported_at !== b.imported_at) return a.imported_at < b.imported_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function toVersionSummary(v: VersionRow, isCurrent: boolean): LawVersionSummary {
  return {
    id: v.id,
    lawId: v.law_id,
    label: v.label,
    versionDate: v.version_date,
    source: v.source,
    fileName: v.file_name,
    articleCount: v.article_count,
    importedAt: v.imported_at,
    importedByName: v.imported_by_name,
    contentHash: v.content_hash,
    isCurrent,
  };
}

const SELECT_LAWS = 'SELECT id, code, title, aliases_json, sort_order FROM law_documents ORDER BY sort_order, code';
const SELECT_VERSIONS =
  'SELECT id, law_id, label, version_date, source, file_name, title, imported_by_name, imported_at, content_hash, article_count FROM law_versions';

/** Every law with its versions, newest first, in library order. */
export function listLaws(deps: ServiceDeps): LawSummary[] {
  const laws = cachedStatement(deps.sqlite, SELECT_LAWS).all() as LawRow[];
  const versions = cachedStatement(deps.sqlite, SELECT_VERSIONS).all() as VersionRow[];
  const byLaw = new Map<string, VersionRow[]>();
  for (const v of versions) {
    const list = byLaw.get(v.law_id) ?? [];
    list.push(v);
    byLaw.set(v.law_id, list);
  }
  const out: LawSummary[] = [];
  for (const law of laws) {
    const list = (byLaw.get(law.id) ?? []).sort(compareVersions);
    const current = list[0];
    // A law row is only ever written together with its first version, so this never skips a real law.
    if (current === undefined) continue;
    out.push({
      id: law.id,
      code: law.code,
      title: law.title,
      aliases: JSON.parse(law.aliases_json) as string[],
      currentVersionId: current.id,
      versions: list.map((v, i) => toVersionSummary(v, i === 0)),
    });
  }
  return out;
}

/** A stored version parsed from its Markdown (parsed once per connection), or undefined when there is none. */
export function loadVersion(deps: ServiceDeps, versionId: string): LoadedVersion | undefined {
  const cache = storeCache(deps);
  const hit = cache.parsed.get(versionId);
  if (hit) return hit;
  const row = cachedStatement(deps.sqlite, 'SELECT law_id, file_name, markdown FROM law_versions WHERE id = ?').get(
    versionId,
  ) as { law_id: string; file_name: string; markdown: string } | undefined;
  if (!row) return undefined;
  // The text was parsed successfully before it was stored, so this cannot throw for a stored version.
  const parsed = parseLaw(row.markdown, row.file_name);
  const loaded: LoadedVersion = {
    versionId,
    lawId: row.law_id,
    parsed,
    articles: new Map(parsed.articles.map((a) => [a.key, a])),
  };
  cache.parsed.set(versionId, loaded);
  return loaded;
}

/** The in-memory search library over the current version of every law, with the version each law came from. */
export function currentSearchLibrary(deps: ServiceDeps): {
  library: LawLibrary;
  owners: Map<ParsedLaw, LoadedVersion>;
  laws: LawSummary[];
} {
  const laws = listLaws(deps);
  const cache = storeCache(deps);
  const key = laws.map((l) => l.currentVersionId).join(',');
  if (cache.search?.key !== key) {
    const owners = new Map<ParsedLaw, LoadedVersion>();
    const parsed: ParsedLaw[] = [];
    for (const law of laws) {
      const loaded = loadVersion(deps, law.currentVersionId);
      if (!loaded) continue;
      owners.set(loaded.parsed, loaded);
      parsed.push(loaded.parsed);
    }
    cache.search = { key, library: createLawLibrary('', parsed), owners };
  }
  return { library: cache.search.library, owners: cache.search.owners, laws };
}

/** Columns of a law_articles row, in insert order. */
const ARTICLE_COLUMNS = [
  'id',
  'version_id',
  'key',
  'number',
  'insert_suffix',
  'label',
  'ordinal',
  'chapter',
  'section',
  'text',
  'items_json',
] as const;

const INSERT_ARTICLE = `INSERT INTO law_articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${ARTICLE_COLUMNS.map(() => '?').join(', ')})`;

/** What is stored about a version besides its articles. */
export interface NewVersion {
  lawId: string;
  parsed: ParsedLaw;
  markdown: string;
  hash: string;
  source: 'bundled' | 'imported';
  importedBy: string | null;
  importedByName: string;
  importedAt: string;
}

/**
 * Writes a version and its articles with cached prepared statements (1,400 rows for the bundled set); call
 * inside the caller's transaction, which also writes the audit record. Returns the new version id.
 */
export function insertVersion(deps: ServiceDeps, v: NewVersion): string {
  const id = deps.newId();
  cachedStatement(
    deps.sqlite,
    'INSERT INTO law_versions (id, law_id, label, version_date, source, file_name, title, imported_by, imported_by_name, imported_at, content_hash, markdown, article_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    v.lawId,
    versionLabel(v.parsed),
    v.parsed.versionDate,
    v.source,
    v.parsed.fileName,
    v.parsed.title,
    v.importedBy,
    v.importedByName,
    v.importedAt,
    v.hash,
    v.markdown,
    v.parsed.articles.length,
  );
  const insertArticle = cachedStatement(deps.sqlite, INSERT_ARTICLE);
  v.parsed.articles.forEach((a, i) => {
    insertArticle.run(
      deps.newId(),
      id,
      a.key,
      a.number,
      a.insertSuffix,
      a.label,
      i + 1,
      a.chapter ? `${a.chapter.label} ${a.chapter.title}`.trim() : null,
      a.section ? `${a.section.label} ${a.section.title}`.trim() : null,
      a.text,
      JSON.stringify(a.items),
    );
  });
  return id;
}

/** The audit after-image of a version: what it is, never its whole text. */
export function versionAuditImage(lawId: string, versionId: string, v: NewVersion): Record<string, unknown> {
  return {
    lawId,
    versionId,
    title: v.parsed.title,
    fileName: v.parsed.fileName,
    versionDate: v.parsed.versionDate,
    source: v.source,
    articleCount: v.parsed.articles.length,
    contentHash: v.hash,
  };
}

function aliasesFor(fileName: string): string[] {
  return Object.entries(LAW_ALIASES)
    .filter(([, file]) => file === fileName)
    .map(([alias]) => alias);
}

// National texts before Shanghai ones: an inspector thinks 上位法 first.
function libraryOrder(a: ParsedLaw, b: ParsedLaw): number {
  const la = a.title.startsWith('上海') ? 1 : 0;
  const lb = b.title.startsWith('上海') ? 1 : 0;
  if (la !== lb) return la - lb;
  return a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
}

/** What {@link seedLaws} did. */
export interface SeedLawsResult {
  lawsCreated: number;
  versionsInserted: number;
  versionsPresent: number;
}

/**
 * Loads the bundled law texts into the database as `bundled` versions. Runs on every start but only inserts a
 * text whose content hash is not stored yet, so it is cheap once seeded and a newer bundled text arriving with
 * an app update becomes a new version next to the old one. A malformed bundled file throws (the parser's
 * Chinese message) and nothing is written.
 */
export function seedLaws(deps: ServiceDeps, dir = bundledLawsDir(deps.resourcesDir)): SeedLawsResult {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort();
  const texts = files.map((f) => ({ file: f, markdown: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const stored = new Set(
    (
      cachedStatement(deps.sqlite, 'SELECT content_hash FROM law_versions').all() as Array<{ content_hash: string }>
    ).map((r) => r.content_hash),
  );
  const fresh = texts
    .map((t) => ({ ...t, hash: contentHash(t.markdown) }))
    .filter((t) => !stored.has(t.hash))
    .map((t) => ({ ...t, parsed: parseLaw(t.markdown, t.file) }))
    .sort((a, b) => libraryOrder(a.parsed, b.parsed));
  const result: SeedLawsResult = { lawsCreated: 0, versionsInserted: 0, versionsPresent: texts.length - fresh.length };
  if (fresh.length === 0) return result;

  inTransaction(deps, () => {
    const now = deps.clock().toISOString();
    const findLaw = cachedStatement(deps.sqlite, 'SELECT id FROM law_documents WHERE code = ?');
    let nextOrder =
      ((cachedStatement(deps.sqlite, 'SELECT MAX(sort_order) AS m FROM law_documents').get() as { m: number | null })
        .m ?? 0) + 1;
    for (const t of fresh) {
      const code = lawCode(t.file);
      let lawId = (findLaw.get(code) as { id: string } | undefined)?.id;
      if (lawId === undefined) {
        lawId = deps.newId();
        const row = { id: lawId, code, title: t.parsed.title, aliases: aliasesFor(t.file), sortOrder: nextOrder++ };
        cachedStatement(
          deps.sqlite,
          'INSERT INTO law_documents (id, code, title, aliases_json, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(row.id, row.code, row.title, JSON.stringify(row.aliases), row.sortOrder, now);
        recordSystemChange(deps, { entity: 'law', entityId: lawId, action: 'seed', after: row });
        result.lawsCreated += 1;
      }
      const v: NewVersion = {
        lawId,
        parsed: t.parsed,
        markdown: t.markdown,
        hash: t.hash,
        source: 'bundled',
        importedBy: null,
        importedByName: '系统',
        importedAt: now,
      };
      const versionId = insertVersion(deps, v);
      recordSystemChange(deps, {
        entity: 'law_version',
        entityId: versionId,
        action: 'seed',
        after: versionAuditImage(lawId, versionId, v),
      });
      result.versionsInserted += 1;
    }
  });
  return result;
}

/**
 * Makes sure the bundled texts are in the database before a law channel answers. The app seeds at start-up;
 * this keeps the module correct even where start-up did not (a registry built by hand), and costs one hash
 * comparison per text once per connection.
 */
export function ensureLawsSeeded(deps: ServiceDeps): void {
  const cache = storeCache(deps);
  if (cache.seeded) return;
  seedLaws(deps);
  cache.seeded = true;
}
