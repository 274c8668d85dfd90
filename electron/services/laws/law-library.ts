import fs from 'node:fs';
import path from 'node:path';
import { parseLaw, type ParsedArticle, type ParsedLaw } from './parse-law';

/** All parsed laws of a folder with lookup tables; built once at start-up, read-only afterwards. */
export interface LawLibrary {
  dir: string;
  /** Laws in file-name order. */
  laws: readonly ParsedLaw[];
  byFile: ReadonlyMap<string, ParsedLaw>;
  /** Keyed by full title, title without 中华人民共和国, file name with and without `.md` and without the date. */
  byName: ReadonlyMap<string, ParsedLaw>;
  articlesByFile: ReadonlyMap<string, ReadonlyMap<string, ParsedArticle>>;
  /** Articles in library order with their case-folded text, so a search does no per-query preparation. */
  searchIndex: ReadonlyArray<{ law: ParsedLaw; article: ParsedArticle; folded: string }>;
}

/** One article matching a search, with where the query occurs in `article.text`. */
export interface ArticleSearchHit {
  law: ParsedLaw;
  article: ParsedArticle;
  /** UTF-16 offsets into `article.text`, `end` exclusive, non-overlapping, in order. */
  matches: Array<{ start: number; end: number }>;
}

// Only ASCII is folded: full Unicode lower-casing can change string length (İ → i̇) and break match offsets.
function fold(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function nameKeys(law: ParsedLaw): string[] {
  const base = law.fileName.replace(/\.md$/i, '');
  return [
    law.title,
    law.title.replace(/^中华人民共和国/, ''),
    law.fileName,
    base,
    base.replace(/[(（]\d{4}-\d{2}-\d{2}[)）]$/, ''),
  ];
}

/** Builds a library from already parsed laws (useful for tests and for callers that read files themselves). */
export function createLawLibrary(dir: string, laws: readonly ParsedLaw[]): LawLibrary {
  const byFile = new Map<string, ParsedLaw>();
  const byName = new Map<string, ParsedLaw>();
  const articlesByFile = new Map<string, Map<string, ParsedArticle>>();
  for (const law of laws) {
    byFile.set(law.fileName, law);
    for (const key of nameKeys(law)) if (!byName.has(key)) byName.set(key, law);
    articlesByFile.set(law.fileName, new Map(law.articles.map((a) => [a.key, a])));
  }
  const searchIndex = laws.flatMap((law) =>
    law.articles.map((article) => ({ law, article, folded: fold(article.text) })),
  );
  return { dir, laws, byFile, byName, articlesByFile, searchIndex };
}

/**
 * Parses every `.md` file in `dir` except README.md. A malformed file throws its LawParseError rather than being
 * skipped: a silently missing law would show citations as "not in library" with no hint why.
 */
export function loadLawLibrary(dir: string): LawLibrary {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort();
  const laws = files.map((f) => parseLaw(fs.readFileSync(path.join(dir, f), 'utf8'), f));
  return createLawLibrary(dir, laws);
}

/** The law stored in this file (e.g. `消防法(2021-04-29).md`), or undefined. */
export function getLawByFile(library: LawLibrary, fileName: string): ParsedLaw | undefined {
  return library.byFile.get(fileName);
}

/** The law with this title or file name (中华人民共和国消防法, 消防法, 消防法(2021-04-29).md), or undefined. */
export function getLaw(library: LawLibrary, fileOrTitle: string): ParsedLaw | undefined {
  return library.byFile.get(fileOrTitle) ?? library.byName.get(fileOrTitle.trim());
}

/** An article by law (file or title) and article key ('28', '41-1'), or undefined. */
export function getArticle(library: LawLibrary, fileOrTitle: string, key: string): ParsedArticle | undefined {
  const law = getLaw(library, fileOrTitle);
  if (law === undefined) return undefined;
  return library.articlesByFile.get(law.fileName)?.get(key);
}

/**
 * Plain substring search over article text, in library order, returning at most `limit` articles with every match
 * offset for highlighting. ASCII letters match case-insensitively; Chinese has no case.
 */
export function searchArticles(library: LawLibrary, query: string, limit = 50): ArticleSearchHit[] {
  const q = fold(query.trim());
  const hits: ArticleSearchHit[] = [];
  if (q === '' || limit <= 0) return hits;
  for (const { law, article, folded } of library.searchIndex) {
    let at = folded.indexOf(q);
    if (at < 0) continue;
    const matches: Array<{ start: number; end: number }> = [];
    while (at >= 0) {
      matches.push({ start: at, end: at + q.length });
      at = folded.indexOf(q, at + q.length);
    }
    hits.push({ law, article, matches });
    if (hits.length >= limit) break;
  }
  return hits;
}
