import { CHINESE_NUMERAL_CHARS, fromChineseNumeral, toChineseNumeral } from './chinese-numerals';
import { getArticle, getLawByFile, type LawLibrary } from './law-library';
import { articleKey, articleLabel, type ArticleItem, type ParsedArticle, type ParsedLaw } from './parse-law';

/** Verification mark of a citation: V verified, P partly verified, S secondary source, U unverified. */
export type CitationMark = 'V' | 'P' | 'S' | 'U';

/**
 * What a citation points at: a law in the offline library, another named document (standard, notice, rule not in the
 * library), a free-text remark such as `practice` or `detail`, a pointer to other checklist items, or nothing (`[U]`).
 */
export type CitationKind = 'law' | 'document' | 'remark' | 'cross-reference' | 'unspecified';

/** One cited article (or document locator) taken from a checklist legal-basis string. */
export interface Citation {
  /** The `;`-separated segment this citation came from, trimmed. */
  raw: string;
  /** The document as written (`上海消防条例`, `GB 50016`), inherited from the previous segment when omitted; null for a bare mark. */
  source: string | null;
  /** File in resources/laws the source maps to, or null when the document is not in the library. */
  lawFile: string | null;
  kind: CitationKind;
  articleNumber: number | null;
  insertSuffix: number | null;
  articleKey: string | null;
  /** Canonical label such as 第二十八条, or null. */
  articleLabel: string | null;
  /** 款 number from `第二十一条第二款`, or null. */
  paragraph: number | null;
  /** Item normalised to full-width, e.g. （三）, or null. */
  item: string | null;
  /** A non-article place in the document (`二`, `8.4.1 注`, `E2`), or null. */
  locator: string | null;
  /** Parenthesised or quoted remarks (`(停用消防设施)`, `"鼓励"`), or null. */
  note: string | null;
  /** The mark that applies to the segment; null only when the segment carries none (`see D01, M01, S03`). */
  mark: CitationMark | null;
}

interface SourceEntry {
  /** Document name as it appears in legal-basis strings or as the law's own title. */
  name: string;
  lawFile: string | null;
}

/**
 * Names used for the library's laws, built by reading all 120 legal-basis strings in
 * resources/domain/regulations-and-checklist.md §8 plus each file's own title. Matching is exact (after removing
 * 《》 and 中华人民共和国), never by substring, so 食品安全法 never swallows 食品安全法实施条例.
 */
export const LAW_ALIASES: Readonly<Record<string, string>> = {
  消防法: '消防法(2021-04-29).md',
  上海消防条例: '上海市消防条例(2020-03-19).md',
  上海市消防条例: '上海市消防条例(2020-03-19).md',
  上海非机动车条例: '上海市非机动车安全管理条例(2024-05-10).md',
  上海市非机动车条例: '上海市非机动车安全管理条例(2024-05-10).md',
  上海市非机动车安全管理条例: '上海市非机动车安全管理条例(2024-05-10).md',
  安全生产法: '安全生产法(2021-06-10).md',
  上海安全生产条例: '上海市安全生产条例(2018-05-24).md',
  上海市安全生产条例: '上海市安全生产条例(2018-05-24).md',
  食品安全法: '食品安全法(2021-04-29).md',
  食品安全法实施条例: '食品安全法实施条例(2019-10-11).md',
  上海市实施食品安全法办法: '上海市实施《食品安全法》办法.md',
  上海食品安全法实施办法: '上海市实施《食品安全法》办法.md',
  食品生产经营监督检查管理办法: '食品生产经营监督检查管理办法(2021-12-24).md',
  特种设备安全法: '特种设备安全法(2013-06-29).md',
  特种设备安全监督检查办法: '特种设备安全监督检查办法(2022-05-26).md',
  老年人权益保障法: '老年人权益保障法(2018-12-29).md',
  上海老年人权益保障条例: '上海市老年人权益保障条例(2016-01-29).md',
  上海市老年人权益保障条例: '上海市老年人权益保障条例(2016-01-29).md',
  行政处罚法: '行政处罚法(2021-01-22).md',
  城镇燃气管理条例: '城镇燃气管理条例(2016-02-06).md',
  上海燃气条例: '上海市燃气管理条例.md',
  上海燃气管理条例: '上海市燃气管理条例.md',
  上海市燃气管理条例: '上海市燃气管理条例.md',
};

/**
 * Documents the checklist cites that are not in the library. Listed so that their names (some contain spaces or
 * parentheses) are recognised as one source and never mistaken for a remark or split at the parenthesis.
 */
export const OTHER_DOCUMENTS: readonly string[] = [
  '民发〔2023〕37号', // 养老机构消防安全管理规定
  '养老机构消防安全管理规定',
  '判定标准', // 养老机构重大事故隐患判定标准 (2023)
  '养老机构重大事故隐患判定标准',
  '61号令', // 机关、团体、企业、事业单位消防安全管理规定 (公安部令第61号)
  '十项规定', // 社会福利机构消防安全管理十项规定
  '养老机构管理办法',
  '微型消防站建设标准(试行)',
  '餐饮服务食品安全操作规范',
  '医疗废物管理条例',
  '养老设施建筑设计规范',
  '养老机构岗位设置及人员配备规范',
  'yanglao-regulator',
];

// National/industry standard numbers: GB 50016, GB/T 40248, MZ/T 185-2021, JGJ 450-2018, GA 654.
const STANDARD = /^(?:GB\/T|GB|MZ\/T|JGJ\/T|JGJ|GA\/T|GA|WS\/T|WS|DB\d*\/T|DB\d*)\s*\d+(?:\.\d+)?(?:-\d{4})?/;

const N = `[${CHINESE_NUMERAL_CHARS}]+`;
const ARTICLE_REF = new RegExp(`^第(${N})条(?:之(${N}))?(?:第(${N})款)?((?:[(（]${N}[)）])*)$`);
const HAS_ARTICLE = new RegExp(`第${N}条`);
const ITEM_GROUP = new RegExp(`[(（](${N})[)）]`, 'g');
const MARK = /\[([VPSU])\]/g;
// A segment that starts with an article or a clause number (8.4.1, 5.4.4A) continues the previous document;
// `10-working-day rule` does not.
const CONTINUATION = new RegExp(`^(?:第${N}条|\\d+(?:\\.\\d+)*[A-Z]?(?=$|[\\s(（、/])|条文说明)`);

function normaliseName(s: string): string {
  return s
    .replace(/[《》]/g, '')
    .replace(/中华人民共和国/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SOURCES: readonly SourceEntry[] = [
  ...Object.entries(LAW_ALIASES).map(([name, lawFile]) => ({ name: normaliseName(name), lawFile })),
  ...OTHER_DOCUMENTS.map((name) => ({ name: normaliseName(name), lawFile: null })),
].sort((a, b) => b.name.length - a.name.length);

/** Maps a document name (alias or full title, with or without 《》/中华人民共和国) to its library file, or null. */
export function lawFileForSource(source: string): string | null {
  const n = normaliseName(source);
  return SOURCES.find((s) => s.name === n)?.lawFile ?? null;
}

/** Finds a known source at the start of the text; it must be followed by a boundary so 食品安全法 ≠ 食品安全法实施条例. */
function matchKnownSource(text: string): { name: string; entry: SourceEntry | null; rest: string } | null {
  const n = normaliseName(text);
  for (const entry of SOURCES) {
    if (!n.startsWith(entry.name)) continue;
    const next = n.charAt(entry.name.length);
    if (next === '' || /[\s第(（["“\d]/.test(next)) {
      return { name: entry.name, entry, rest: n.slice(entry.name.length) };
    }
  }
  const std = STANDARD.exec(n);
  if (std) return { name: std[0], entry: null, rest: n.slice(std[0].length) };
  return null;
}

/** Splits on `;`/`；` outside parentheses and quotes. */
function splitSegments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '“') quoted = true;
    else if (ch === '”') quoted = false;
    else if (!quoted && (ch === '(' || ch === '（')) depth++;
    else if (!quoted && (ch === ')' || ch === '）')) depth = Math.max(0, depth - 1);
    if (depth === 0 && !quoted && (ch === ';' || ch === '；')) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

interface Stripped {
  core: string;
  notes: string[];
  outerMark: CitationMark | null;
  innerMark: CitationMark | null;
}

/**
 * Removes marks and remarks from a segment body. A parenthesised group glued to the preceding token stays
 * (第六十条(三), 8.2.1(3), 一(一)); one after a space is a remark ((停用消防设施), (article [U])), as are quotes.
 */
function stripNotes(body: string): Stripped {
  const notes: string[] = [];
  let outerMark: CitationMark | null = null;
  let innerMark: CitationMark | null = null;
  let core = '';
  let i = 0;
  const chars = [...body];
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    const markMatch = /^\[([VPSU])\]/.exec(chars.slice(i, i + 3).join(''));
    if (markMatch) {
      outerMark ??= markMatch[1] as CitationMark;
      core += ' ';
      i += 3;
      continue;
    }
    const prev = core.charAt(core.length - 1);
    const opensGroup = ch === '(' || ch === '（';
    const opensQuote = ch === '"' || ch === '“';
    if ((opensGroup && (prev === '' || /\s/.test(prev))) || opensQuote) {
      const close = opensQuote ? (ch === '"' ? '"' : '”') : null;
      let depth = 0;
      let j = i;
      let note = '';
      for (; j < chars.length; j++) {
        const c = chars[j] ?? '';
        note += c;
        if (close !== null) {
          if (j > i && c === close) break;
        } else if (c === '(' || c === '（') depth++;
        else if (c === ')' || c === '）') {
          depth--;
          if (depth === 0) break;
        }
      }
      for (const m of note.matchAll(MARK)) innerMark ??= m[1] as CitationMark;
      notes.push(note.trim());
      core += ' ';
      i = j + 1;
      continue;
    }
    core += ch;
    i++;
  }
  return { core: core.replace(/\s+/g, ' ').trim(), notes, outerMark, innerMark };
}

function emptyCitation(raw: string, mark: CitationMark | null, note: string | null): Citation {
  return {
    raw,
    source: null,
    lawFile: null,
    kind: 'unspecified',
    articleNumber: null,
    insertSuffix: null,
    articleKey: null,
    articleLabel: null,
    paragraph: null,
    item: null,
    locator: null,
    note,
    mark,
  };
}

/** Expands `第三十三条(一)(二)(四)` into one reference per item; null when the text is not an article reference. */
function parseArticleRef(
  text: string,
): Array<{ number: number; insertSuffix: number; paragraph: number | null; item: string | null }> | null {
  const m = ARTICLE_REF.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const number = fromChineseNumeral(m[1] ?? '');
  const insertSuffix = m[2] === undefined ? 0 : fromChineseNumeral(m[2]);
  const paragraph = m[3] === undefined ? null : fromChineseNumeral(m[3]);
  if (number === null || insertSuffix === null || (m[3] !== undefined && paragraph === null)) return null;
  const items: Array<string | null> = [];
  for (const g of (m[4] ?? '').matchAll(ITEM_GROUP)) {
    const n = fromChineseNumeral(g[1] ?? '');
    if (n === null) return null;
    items.push(`（${toChineseNumeral(n)}）`);
  }
  if (items.length === 0) items.push(null);
  return items.map((item) => ({ number, insertSuffix, paragraph, item }));
}

/**
 * Parses a checklist legal-basis string (`消防法 第二十八条、第六十条(三) [V]; 上海消防条例 第四十三条 [V]`) into one
 * citation per article, item or locator. A segment without a document name continues the previous segment's
 * document (`GB 50016 8.4.1 注 [P]; 8.4.1 条文说明 [S]`). Article numbers are only ever read, never supplied.
 */
export function parseLegalBasis(legalBasis: string): Citation[] {
  const out: Citation[] = [];
  let previous: { source: string; lawFile: string | null; kind: CitationKind } | null = null;

  for (const raw of splitSegments(legalBasis)) {
    let body = raw;
    let leadingMark: CitationMark | null = null;
    const lead = /^\[([VPSU])\]\s*/.exec(body);
    if (lead) {
      leadingMark = lead[1] as CitationMark;
      body = body.slice(lead[0].length);
    }

    // Known names first: some contain parentheses (微型消防站建设标准(试行)) that would otherwise read as remarks.
    const known = matchKnownSource(body);
    const stripped = stripNotes(known ? known.rest : body);
    const mark = leadingMark ?? stripped.outerMark ?? stripped.innerMark;
    const note = stripped.notes.length > 0 ? stripped.notes.join(' ') : null;
    let source: string | null;
    let lawFile: string | null;
    let kind: CitationKind;
    let core = stripped.core;

    if (known) {
      source = known.name;
      lawFile = known.entry?.lawFile ?? null;
      kind = lawFile !== null ? 'law' : 'document';
    } else if (previous !== null && CONTINUATION.test(core)) {
      ({ source, lawFile, kind } = previous);
    } else if (core === '') {
      out.push(emptyCitation(raw, mark, note));
      continue;
    } else if (/^see\s/i.test(core)) {
      out.push({ ...emptyCitation(raw, mark, note), kind: 'cross-reference', source: core });
      continue;
    } else {
      const at = core.search(HAS_ARTICLE);
      if (at > 0) {
        // An unlisted document that still names an article: keep the name as written, not in the library.
        source = core.slice(0, at).trim();
        lawFile = lawFileForSource(source);
        kind = lawFile !== null ? 'law' : 'document';
        core = core.slice(at);
      } else {
        out.push({ ...emptyCitation(raw, mark, note), kind: 'remark', source: core });
        continue;
      }
    }
    previous = { source, lawFile, kind };

    const base: Citation = { ...emptyCitation(raw, mark, note), source, lawFile, kind };
    if (core === '') {
      out.push(base);
      continue;
    }
    for (const piece of core
      .split(/[、，,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const refs = parseArticleRef(piece);
      if (refs === null) {
        out.push({ ...base, locator: piece });
        continue;
      }
      for (const r of refs) {
        out.push({
          ...base,
          articleNumber: r.number,
          insertSuffix: r.insertSuffix,
          articleKey: articleKey(r.number, r.insertSuffix),
          articleLabel: articleLabel(r.number, r.insertSuffix),
          paragraph: r.paragraph,
          item: r.item,
        });
      }
    }
  }
  return out;
}

/** Why a citation shows no article text. */
export type UnresolvedReason = 'not-in-library' | 'no-article-given' | 'article-missing';

/** Outcome of looking a citation up in the law library. */
export type CitationResolution =
  | {
      ok: true;
      law: ParsedLaw;
      article: ParsedArticle;
      /** Text of the cited 款, or null when none was cited or the article has fewer 款. */
      paragraphText: string | null;
      /** The cited item, or null when none was cited or the article has no such item. */
      itemEntry: ArticleItem | null;
      /** True when a cited 款 or item does not exist in the article (the article itself does). */
      partMissing: boolean;
    }
  | { ok: false; reason: UnresolvedReason };

/** Looks a citation up: the article (with the cited 款/item when given), or the reason it has no text. */
export function resolveCitation(citation: Citation, library: LawLibrary): CitationResolution {
  if (citation.lawFile === null) return { ok: false, reason: 'not-in-library' };
  const law = getLawByFile(library, citation.lawFile);
  if (law === undefined) return { ok: false, reason: 'not-in-library' };
  if (citation.articleKey === null) return { ok: false, reason: 'no-article-given' };
  const article = getArticle(library, citation.lawFile, citation.articleKey);
  if (article === undefined) return { ok: false, reason: 'article-missing' };

  return { ok: true, law, ...resolveInArticle(citation, article) };
}

/** The cited 款 and item inside an article that exists; shared by the in-memory and the versioned library. */
export function resolveInArticle(
  citation: Pick<Citation, 'paragraph' | 'item'>,
  article: ParsedArticle,
): { article: ParsedArticle; paragraphText: string | null; itemEntry: ArticleItem | null; partMissing: boolean } {
  const paragraphText = citation.paragraph === null ? null : (article.clauses[citation.paragraph - 1] ?? null);
  let itemEntry: ArticleItem | null = null;
  if (citation.item !== null) {
    const wanted = citation.item;
    itemEntry =
      article.items.find(
        (it) => it.label === wanted && (citation.paragraph === null || it.paragraph === citation.paragraph),
      ) ?? null;
  }
  const partMissing =
    (citation.paragraph !== null && paragraphText === null) || (citation.item !== null && itemEntry === null);
  return { article, paragraphText, itemEntry, partMissing };
}
