import { z } from 'zod';
import { channel, idSchema } from '../contract';

/** Verification mark of a citation: V verified, P partly verified, S secondary source, U unverified. */
export const lawCitationMarkSchema = z.enum(['V', 'P', 'S', 'U']);

/** A verification mark. */
export type LawCitationMark = z.infer<typeof lawCitationMarkSchema>;

/** Where a law version came from: shipped with the app, or imported by an administrator. */
export const lawVersionSourceSchema = z.enum(['bundled', 'imported']);

/** How notices quote the articles they rely on: the full article text, or only the citation. */
export const lawQuoteModeSchema = z.enum(['full', 'cite']);

/** A quote mode. */
export type LawQuoteMode = z.infer<typeof lawQuoteModeSchema>;

/** Why a citation has no article text. */
export const lawUnresolvedReasonSchema = z.enum(['not-in-library', 'no-article-given', 'article-missing']);

/** One stored version of a law. */
export const lawVersionSummarySchema = z.object({
  id: idSchema,
  lawId: idSchema,
  /** e.g. 2021-04-29 or the file name when the text carries no date. */
  label: z.string(),
  versionDate: z.string().nullable(),
  source: lawVersionSourceSchema,
  fileName: z.string(),
  articleCount: z.number().int().nonnegative(),
  importedAt: z.string(),
  importedByName: z.string(),
  contentHash: z.string(),
  isCurrent: z.boolean(),
});

/** A law version as listed. */
export type LawVersionSummary = z.infer<typeof lawVersionSummarySchema>;

/** A law of the library with all its versions (newest first) and the current one. */
export const lawSummarySchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  aliases: z.array(z.string()),
  currentVersionId: idSchema,
  versions: z.array(lawVersionSummarySchema),
});

/** A law as listed. */
export type LawSummary = z.infer<typeof lawSummarySchema>;

const headingSchema = z.object({ label: z.string(), number: z.number().int(), title: z.string() });

/** A numbered item （一） of an article. */
export const lawArticleItemSchema = z.object({
  label: z.string(),
  number: z.number().int(),
  text: z.string(),
  paragraph: z.number().int(),
});

/** One article as the reader shows it. */
export const lawArticleSchema = z.object({
  key: z.string(),
  number: z.number().int(),
  insertSuffix: z.number().int(),
  label: z.string(),
  chapter: headingSchema.nullable(),
  section: headingSchema.nullable(),
  text: z.string(),
  paragraphs: z.array(z.string()),
  items: z.array(lawArticleItemSchema),
});

/** An article of a law version. */
export type LawArticle = z.infer<typeof lawArticleSchema>;

/** One version of a law in full: its history lines, chapter tree and articles. */
export const lawVersionDetailSchema = z.object({
  law: lawSummarySchema,
  version: lawVersionSummarySchema,
  title: z.string(),
  history: z.array(z.string()),
  chapters: z.array(headingSchema.extend({ sections: z.array(headingSchema) })),
  articles: z.array(lawArticleSchema),
});

/** One article matching a search; offsets are UTF-16 positions in `text`, end exclusive. */
export const lawSearchHitSchema = z.object({
  lawId: idSchema,
  lawTitle: z.string(),
  versionId: idSchema,
  articleKey: z.string(),
  articleLabel: z.string(),
  chapterLabel: z.string().nullable(),
  text: z.string(),
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});

/** A search hit. */
export type LawSearchHit = z.infer<typeof lawSearchHitSchema>;

/** One citation of a legal-basis string with the article text it points at, or why there is none. */
export const lawResolvedCitationSchema = z.object({
  raw: z.string(),
  /** The document as written (上海消防条例, GB 50016), or null for a bare mark. */
  source: z.string().nullable(),
  mark: lawCitationMarkSchema.nullable(),
  kind: z.enum(['law', 'document', 'remark', 'cross-reference', 'unspecified']),
  lawId: idSchema.nullable(),
  lawTitle: z.string().nullable(),
  versionId: idSchema.nullable(),
  versionLabel: z.string().nullable(),
  /** False when the citation is pinned to a version that is no longer the current one. */
  isCurrentVersion: z.boolean().nullable(),
  articleKey: z.string().nullable(),
  articleLabel: z.string().nullable(),
  paragraph: z.number().int().nullable(),
  item: z.string().nullable(),
  locator: z.string().nullable(),
  note: z.string().nullable(),
  found: z.boolean(),
  reason: lawUnresolvedReasonSchema.nullable(),
  /** Chinese explanation of `reason` for documents (该文件原文未收录 …), or null when found. */
  reasonText: z.string().nullable(),
  articleText: z.string().nullable(),
  paragraphText: z.string().nullable(),
  itemText: z.string().nullable(),
  /** True when the article exists but the cited 款 or item does not. */
  partMissing: z.boolean(),
});

/** A resolved citation. */
export type LawResolvedCitation = z.infer<typeof lawResolvedCitationSchema>;

const importInput = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, '请选择要导入的 Markdown 文件')
    .max(200, '文件名最多 200 个字符')
    .regex(/\.md$/i, '只能导入 .md（Markdown）文件'),
  markdown: z.string().min(1, '文件内容为空').max(3_000_000, '文件过大（最多 300 万字符）'),
  /** The law this version belongs to; when omitted, the law whose title matches the file's title. */
  lawId: idSchema.optional(),
});

/** What an import would do, or the parser's precise error; nothing is written. */
export const lawImportPreviewSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    title: z.string(),
    lawId: idSchema,
    lawTitle: z.string(),
    versionDate: z.string().nullable(),
    articleCount: z.number().int(),
    lastArticleLabel: z.string(),
    chapters: z.array(z.object({ label: z.string(), title: z.string(), articleCount: z.number().int() })),
    becomesCurrent: z.boolean(),
    currentVersionLabel: z.string(),
  }),
  z.object({ valid: z.literal(false), message: z.string(), line: z.number().int().nullable() }),
]);

/** An import preview. */
export type LawImportPreview = z.infer<typeof lawImportPreviewSchema>;

/** A checklist item with its legal basis, for the 按检查项查依据 panel. */
export const lawChecklistItemSchema = z.object({
  id: z.string(),
  category: z.string(),
  textZh: z.string(),
  legalBasis: z.string(),
  weakestMark: lawCitationMarkSchema.nullable(),
});

/** Channels of the 法规库 module: browse, search, cite, import versions, and the notices' quote setting. */
export const lawChannels = {
  'laws:list': channel({ access: 'viewer', input: z.object({}), output: z.array(lawSummarySchema) }),
  'laws:get-version': channel({
    access: 'viewer',
    input: z.object({ lawId: idSchema, versionId: idSchema.optional() }),
    output: lawVersionDetailSchema,
  }),
  'laws:search': channel({
    access: 'viewer',
    input: z.object({
      query: z.string().trim().min(1, '请输入要搜索的文字').max(100, '搜索内容最多 100 个字符'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), hits: z.array(lawSearchHitSchema) }),
  }),
  'laws:resolve-citations': channel({
    access: 'viewer',
    input: z.object({
      legalBasis: z.string().max(5000, '法律依据最多 5000 个字符'),
      /** Pinned versions by law id (a document already issued keeps the versions it quoted). */
      versionIds: z.record(idSchema, idSchema).optional(),
    }),
    output: z.object({ citations: z.array(lawResolvedCitationSchema) }),
  }),
  'laws:preview-import': channel({ access: 'admin', input: importInput, output: lawImportPreviewSchema }),
  'laws:import-version': channel({ access: 'admin', input: importInput, output: lawVersionSummarySchema }),
  'laws:get-quote-mode': channel({
    access: 'viewer',
    input: z.object({}),
    output: z.object({ mode: lawQuoteModeSchema }),
  }),
  'laws:set-quote-mode': channel({
    access: 'admin',
    input: z.object({ mode: lawQuoteModeSchema }),
    output: z.object({ mode: lawQuoteModeSchema }),
  }),
  'laws:list-checklist-citations': channel({
    access: 'viewer',
    input: z.object({}),
    output: z.array(lawChecklistItemSchema),
  }),
};
