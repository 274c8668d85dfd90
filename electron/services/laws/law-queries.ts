import type { z } from 'zod';
import type { LawArticle, LawSearchHit, LawSummary, LawResolvedCitation, lawVersionDetailSchema } from '../../api';
import { AppError, notFound } from '../errors';
import type { ServiceDeps } from '../context';
import { parseLegalBasis, resolveInArticle, type Citation, type UnresolvedReason } from './citations';
import { searchArticles } from './law-library';
import { currentSearchLibrary, lawCode, listLaws, loadVersion } from './law-store';
import type { ParsedArticle } from './parse-law';

function toArticle(a: ParsedArticle): LawArticle {
  return {
    key: a.key,
    number: a.number,
    insertSuffix: a.insertSuffix,
    label: a.label,
    chapter: a.chapter,
    section: a.section,
    text: a.text,
    paragraphs: a.paragraphs,
    items: a.items,
  };
}

/** One version of a law in full (the current one when `versionId` is omitted). */
export function getVersionDetail(
  deps: ServiceDeps,
  lawId: string,
  versionId?: string,
): z.output<typeof lawVersionDetailSchema> {
  const law = listLaws(deps).find((l) => l.id === lawId);
  if (!law) throw notFound('该法规');
  const version = law.versions.find((v) => v.id === (versionId ?? law.currentVersionId));
  if (!version) throw notFound(`《${law.title}》的该版本`);
  const loaded = loadVersion(deps, version.id);
  if (!loaded) throw notFound(`《${law.title}》的该版本`);
  return {
    law,
    version,
    title: loaded.parsed.title,
    history: loaded.parsed.history,
    chapters: loaded.parsed.chapters,
    articles: loaded.parsed.articles.map(toArticle),
  };
}

/**
 * Substring search over the article text of every law's current version, in library order. Measured against
 * SQLite LIKE in bench/suites/laws.ts; the in-memory index is built once per set of current versions.
 */
export function searchLaws(deps: ServiceDeps, query: string, limit: number): { total: number; hits: LawSearchHit[] } {
  const { library, owners, laws } = currentSearchLibrary(deps);
  const titles = new Map(laws.map((l) => [l.id, l.title]));
  const all = searchArticles(library, query, Number.MAX_SAFE_INTEGER);
  const hits: LawSearchHit[] = [];
  for (const h of all.slice(0, limit)) {
    const owner = owners.get(h.law);
    if (!owner) continue;
    hits.push({
      lawId: owner.lawId,
      lawTitle: titles.get(owner.lawId) ?? h.law.title,
      versionId: owner.versionId,
      articleKey: h.article.key,
      articleLabel: h.article.label,
      chapterLabel: h.article.chapter ? `${h.article.chapter.label} ${h.article.chapter.title}`.trim() : null,
      text: h.article.text,
      matches: h.matches,
    });
  }
  return { total: all.length, hits };
}

/** Chinese wording of why a citation shows no text, as documents print it. */
export function reasonText(
  reason: UnresolvedReason,
  c: Citation,
  lawTitle: string | null,
  label: string | null,
): string {
  if (reason === 'not-in-library') return '该文件原文未收录';
  if (reason === 'no-article-given') return '未注明条款';
  return `《${lawTitle ?? c.source ?? ''}》${label ? `（${label}）` : ''}中没有${c.articleLabel ?? '该条'}`;
}

function unresolved(
  c: Citation,
  reason: UnresolvedReason,
  law: LawSummary | null,
  versionId: string | null,
  versionLabel: string | null,
  isCurrent: boolean | null,
): LawResolvedCitation {
  return {
    raw: c.raw,
    source: c.source,
    mark: c.mark,
    kind: c.kind,
    lawId: law?.id ?? null,
    lawTitle: law?.title ?? null,
    versionId,
    versionLabel,
    isCurrentVersion: isCurrent,
    articleKey: c.articleKey,
    articleLabel: c.articleLabel,
    paragraph: c.paragraph,
    item: c.item,
    locator: c.locator,
    note: c.note,
    found: false,
    reason,
    reasonText: reasonText(reason, c, law?.title ?? null, versionLabel),
    articleText: null,
    paragraphText: null,
    itemText: null,
    partMissing: false,
  };
}

/**
 * Parses a legal-basis string and looks each citation up: in the version pinned for its law (a document already
 * issued keeps the text it quoted), otherwise in the current version. The verification mark is always kept.
 */
export function resolveCitations(
  deps: ServiceDeps,
  legalBasis: string,
  versionIds: Readonly<Record<string, string>> = {},
): LawResolvedCitation[] {
  const laws = listLaws(deps);
  const byCode = new Map(laws.map((l) => [l.code, l]));
  const byId = new Map(laws.map((l) => [l.id, l]));
  for (const [lawId, versionId] of Object.entries(versionIds)) {
    const law = byId.get(lawId);
    if (!law) throw new AppError('NOT_FOUND', `引用所指定的法规不存在（${lawId}）`);
    if (!law.versions.some((v) => v.id === versionId)) {
      throw new AppError('NOT_FOUND', `引用所指定的版本不属于《${law.title}》或已不存在（${versionId}）`);
    }
  }
  return parseLegalBasis(legalBasis).map((c) => {
    const law = c.lawFile === null ? undefined : byCode.get(lawCode(c.lawFile));
    if (!law) return unresolved(c, 'not-in-library', null, null, null, null);
    const versionId = versionIds[law.id] ?? law.currentVersionId;
    const version = law.versions.find((v) => v.id === versionId);
    const loaded = loadVersion(deps, versionId);
    if (!version || !loaded) return unresolved(c, 'not-in-library', law, null, null, null);
    if (c.articleKey === null)
      return unresolved(c, 'no-article-given', law, version.id, version.label, version.isCurrent);
    const article = loaded.articles.get(c.articleKey);
    if (!article) return unresolved(c, 'article-missing', law, version.id, version.label, version.isCurrent);
    const parts = resolveInArticle(c, article);
    return {
      ...unresolved(c, 'article-missing', law, version.id, version.label, version.isCurrent),
      found: true,
      reason: null,
      reasonText: null,
      articleText: article.text,
      paragraphText: parts.paragraphText,
      itemText: parts.itemEntry ? `${parts.itemEntry.label}${parts.itemEntry.text}` : null,
      partMissing: parts.partMissing,
    };
  });
}
