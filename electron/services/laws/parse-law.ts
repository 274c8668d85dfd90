import { CHINESE_NUMERAL_CHARS, fromChineseNumeral, toChineseNumeral } from './chinese-numerals';

/** Machine-readable reason a law file was rejected. */
export type LawParseErrorCode =
  | 'EMPTY_TITLE'
  | 'MISSING_INFO_END'
  | 'NO_ARTICLES'
  | 'INVALID_ARTICLE_NUMBER'
  | 'ARTICLE_MISSING'
  | 'ARTICLE_DUPLICATE'
  | 'ARTICLE_OUT_OF_ORDER'
  | 'TEXT_OUTSIDE_ARTICLE';

/** A law file that does not follow the expected Markdown structure; `message` is Chinese and names the file and line. */
export class LawParseError extends Error {
  readonly code: LawParseErrorCode;
  readonly fileName: string;
  /** 1-based line the problem was found on, or null when it concerns the whole file. */
  readonly line: number | null;
  constructor(code: LawParseErrorCode, fileName: string, line: number | null, detail: string) {
    super(`法规文件《${fileName}》${line === null ? '' : `第 ${line} 行`}：${detail}`);
    this.name = 'LawParseError';
    this.code = code;
    this.fileName = fileName;
    this.line = line;
  }
}

/** A 第X章 or 第X节 heading. */
export interface LawHeading {
  /** e.g. 第一章 */
  label: string;
  number: number;
  /** Heading text with typographic spaces removed, e.g. 总则 for `第一章 总 则`. */
  title: string;
}

/** A chapter with the sections (节) it contains, for a table of contents. */
export interface ParsedChapter extends LawHeading {
  sections: LawHeading[];
}

/** A numbered item （一）… at the start of a paragraph inside an article. */
export interface ArticleItem {
  /** Always full-width, e.g. （一）. */
  label: string;
  number: number;
  /** Item text without its label. */
  text: string;
  /** 1-based 款 (paragraph) the item belongs to; items are not 款 themselves. */
  paragraph: number;
}

/** One article (条) of a law. */
export interface ParsedArticle {
  /** Stable key: '102' for 第一百零二条, '41-1' for 第四十一条之一. */
  key: string;
  number: number;
  /** 0 for an ordinary article, 1 for 之一, 2 for 之二 … */
  insertSuffix: number;
  /** e.g. 第一百零二条 or 第四十一条之一. */
  label: string;
  chapter: LawHeading | null;
  section: LawHeading | null;
  /** Full text without the leading label; paragraphs (including item lines) joined by '\n'. */
  text: string;
  /** The non-blank lines of the article, label stripped from the first. */
  paragraphs: string[];
  /** The 款 of the article: paragraphs that are not numbered items, in order (第一款 is index 0). */
  clauses: string[];
  items: ArticleItem[];
  /** 1-based line of the article label in the file. */
  line: number;
}

/** A parsed law file. */
export interface ParsedLaw {
  fileName: string;
  /** Title line without '# ', e.g. 中华人民共和国消防法. */
  title: string;
  /** Enactment and amendment lines above `<!-- INFO END -->`. */
  history: string[];
  /** YYYY-MM-DD version date, or null when neither the file name nor the history gives one. */
  versionDate: string | null;
  versionDateSource: 'file-name' | 'history' | null;
  chapters: ParsedChapter[];
  articles: ParsedArticle[];
}

const N = `[${CHINESE_NUMERAL_CHARS}]+`;
// Only a paragraph that *begins* with the label and then whitespace (or ends) is an article; `第二十八条的规定` is prose.
const ARTICLE_LINE = new RegExp(`^第(${N})条(?:之(${N}))?(?:\\s+([\\s\\S]*))?$`);
const HEADING_LINE = /^#{1,6}\s*(.*)$/;
const STRUCTURE_HEADING = new RegExp(`^第(${N})([章节])\\s*(.*)$`);
const ITEM_LINE = new RegExp(`^[（(](${N})[）)]\\s*([\\s\\S]*)$`);
const INFO_END = '<!-- INFO END -->';
// Zero-width characters appear on otherwise blank lines in some source files.
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF/g;

/** Stable key of an article: '102' or '41-1' for 第四十一条之一. */
export function articleKey(number: number, insertSuffix: number): string {
  return insertSuffix === 0 ? String(number) : `${number}-${insertSuffix}`;
}

/** Canonical label of an article: 第一百零二条 or 第四十一条之一. */
export function articleLabel(number: number, insertSuffix: number): string {
  return `第${toChineseNumeral(number)}条${insertSuffix === 0 ? '' : `之${toChineseNumeral(insertSuffix)}`}`;
}

/** Version date written in a file name as `(YYYY-MM-DD)`, or null. */
export function versionDateFromFileName(fileName: string): string | null {
  const m = /[(（](\d{4})-(\d{2})-(\d{2})[)）]/.exec(fileName);
  if (!m) return null;
  return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function validDate(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Latest adoption/amendment date in the history lines. Lines about entry into force (施行) are skipped because
 * they name when a version applies, not which version the text is.
 */
function versionDateFromHistory(history: readonly string[]): string | null {
  let best: string | null = null;
  for (const line of history) {
    if (/施行/.test(line) && !/(通过|修正|修订|公布|发布)/.test(line)) continue;
    for (const m of line.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
      const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (date !== null && (best === null || date > best)) best = date;
    }
  }
  return best;
}

function cleanTitle(s: string): string {
  return s.replace(/\s+/g, '');
}

interface ArticleDraft {
  number: number;
  insertSuffix: number;
  label: string;
  chapter: LawHeading | null;
  section: LawHeading | null;
  paragraphs: string[];
  line: number;
}

function finishArticle(d: ArticleDraft): ParsedArticle {
  const clauses: string[] = [];
  const items: ArticleItem[] = [];
  const itemNumbers = d.paragraphs.map((p) => {
    const m = ITEM_LINE.exec(p);
    return m ? fromChineseNumeral(m[1] ?? '') : null;
  });
  d.paragraphs.forEach((p, i) => {
    const itemNumber = itemNumbers[i] ?? null;
    // An item line before any 款 cannot happen in a real article; treating it as a 款 keeps numbering honest.
    if (itemNumber !== null && clauses.length > 0) {
      const m = ITEM_LINE.exec(p);
      items.push({
        label: `（${toChineseNumeral(itemNumber)}）`,
        number: itemNumber,
        text: (m?.[2] ?? '').trim(),
        paragraph: clauses.length,
      });
      return;
    }
    // A plain paragraph between （二） and （三） of the same list explains item （二） (上海市燃气管理条例 第五十二条);
    // counting it as a new 款 would shift every later 款 number.
    const last = items[items.length - 1];
    const nextItem = itemNumbers.slice(i + 1).find((n) => n !== null) ?? null;
    if (last !== undefined && last.paragraph === clauses.length && nextItem === last.number + 1) {
      last.text += `\n${p}`;
      return;
    }
    clauses.push(p);
  });
  return {
    key: articleKey(d.number, d.insertSuffix),
    number: d.number,
    insertSuffix: d.insertSuffix,
    label: d.label,
    chapter: d.chapter,
    section: d.section,
    text: d.paragraphs.join('\n'),
    paragraphs: d.paragraphs,
    clauses,
    items,
    line: d.line,
  };
}

/**
 * Parses one law file: title, history, `<!-- INFO END -->`, then 第X章/第X节 headings and 第X条 articles.
 * Throws LawParseError (Chinese message with the line number) when the structure or numbering is broken.
 */
export function parseLaw(markdown: string, fileName: string): ParsedLaw {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const clean = (raw: string): string => raw.replace(INVISIBLE, '').trim();

  let titleLine = -1;
  for (let i = 0; i < lines.length; i++) {
    if (clean(lines[i] ?? '') !== '') {
      titleLine = i;
      break;
    }
  }
  if (titleLine < 0) throw new LawParseError('EMPTY_TITLE', fileName, null, '文件为空，缺少以“# ”开头的标题行');
  const first = clean(lines[titleLine] ?? '');
  const titleMatch = /^#\s*(.*)$/.exec(first);
  if (!titleMatch || first.startsWith('##')) {
    throw new LawParseError(
      'EMPTY_TITLE',
      fileName,
      titleLine + 1,
      `首行应为以“# ”开头的标题，实为“${first.slice(0, 30)}”`,
    );
  }
  const title = (titleMatch[1] ?? '').trim();
  if (title === '') throw new LawParseError('EMPTY_TITLE', fileName, titleLine + 1, '标题为空');

  const infoEnd = lines.findIndex((l, i) => i > titleLine && clean(l) === INFO_END);
  if (infoEnd < 0) {
    const lineCount = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
    throw new LawParseError(
      'MISSING_INFO_END',
      fileName,
      null,
      `全文 ${lineCount} 行中未找到“${INFO_END}”标记，无法区分沿革与正文`,
    );
  }
  const history = lines
    .slice(titleLine + 1, infoEnd)
    .map(clean)
    .filter((l) => l !== '');

  const chapters: ParsedChapter[] = [];
  const articles: ParsedArticle[] = [];
  const seen = new Map<string, number>();
  let chapter: ParsedChapter | null = null;
  let section: LawHeading | null = null;
  let current: ArticleDraft | null = null;
  // Prose before the first article is only reported once an article shows up; with none at all, NO_ARTICLES is the
  // more useful message.
  let strayBeforeFirst: { line: number; text: string } | null = null;

  for (let i = infoEnd + 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const text = clean(lines[i] ?? '');
    if (text === '') continue;

    const heading = HEADING_LINE.exec(text);
    if (heading) {
      const structure = STRUCTURE_HEADING.exec((heading[1] ?? '').trim());
      const num = structure ? fromChineseNumeral(structure[1] ?? '') : null;
      // Classified by 章/节 rather than by '#' depth: one source file uses ### for chapters and ## for sections.
      if (structure && num !== null) {
        const h: LawHeading = {
          label: `第${structure[1]}${structure[2]}`,
          number: num,
          title: cleanTitle(structure[3] ?? ''),
        };
        if (structure[2] === '章') {
          chapter = { ...h, sections: [] };
          chapters.push(chapter);
          section = null;
        } else {
          section = h;
          chapter?.sections.push(h);
        }
      }
      if (current) articles.push(finishArticle(current));
      // After a heading, prose must not continue the previous article: the next paragraph has to be a new article.
      current = null;
      continue;
    }

    const art = ARTICLE_LINE.exec(text);
    if (art) {
      const number = fromChineseNumeral(art[1] ?? '');
      const insertSuffix = art[2] === undefined ? 0 : fromChineseNumeral(art[2]);
      const rawLabel = `第${art[1]}条${art[2] === undefined ? '' : `之${art[2]}`}`;
      if (number === null || number < 1 || insertSuffix === null || (art[2] !== undefined && insertSuffix < 1)) {
        throw new LawParseError('INVALID_ARTICLE_NUMBER', fileName, lineNo, `条文编号“${rawLabel}”不是有效的中文数字`);
      }
      if (strayBeforeFirst !== null) {
        throw new LawParseError(
          'TEXT_OUTSIDE_ARTICLE',
          fileName,
          strayBeforeFirst.line,
          `第一条之前出现不属于任何条文的文字“${strayBeforeFirst.text.slice(0, 30)}”`,
        );
      }
      checkSequence(fileName, lineNo, rawLabel, number, insertSuffix, current ?? lastDraftOf(articles), seen);
      if (current) articles.push(finishArticle(current));
      seen.set(articleKey(number, insertSuffix), lineNo);
      const rest = (art[3] ?? '').trim();
      current = {
        number,
        insertSuffix,
        label: articleLabel(number, insertSuffix),
        chapter: chapter ? { label: chapter.label, number: chapter.number, title: chapter.title } : null,
        section,
        paragraphs: rest === '' ? [] : [rest],
        line: lineNo,
      };
      continue;
    }

    if (!current) {
      if (articles.length === 0) {
        strayBeforeFirst ??= { line: lineNo, text };
        continue;
      }
      throw new LawParseError(
        'TEXT_OUTSIDE_ARTICLE',
        fileName,
        lineNo,
        `标题之后、下一条之前出现不属于任何条文的文字“${text.slice(0, 30)}”`,
      );
    }
    current.paragraphs.push(text);
  }
  if (current) articles.push(finishArticle(current));

  if (articles.length === 0) {
    throw new LawParseError('NO_ARTICLES', fileName, infoEnd + 1, `“${INFO_END}”之后没有任何以“第X条”开头的条文`);
  }

  const fromName = versionDateFromFileName(fileName);
  const fromHistory = fromName === null ? versionDateFromHistory(history) : null;
  return {
    fileName,
    title,
    history,
    versionDate: fromName ?? fromHistory,
    versionDateSource: fromName !== null ? 'file-name' : fromHistory !== null ? 'history' : null,
    chapters,
    articles,
  };
}

interface NumberedRef {
  number: number;
  insertSuffix: number;
  label: string;
}

function lastDraftOf(articles: readonly ParsedArticle[]): NumberedRef | null {
  return articles[articles.length - 1] ?? null;
}

/**
 * The next article is either the following number (第五条 → 第六条) or the next inserted one
 * (第五条 → 第五条之一 → 第五条之二); anything else means a gap, a repeat or a reordering in the source.
 */
function checkSequence(
  fileName: string,
  lineNo: number,
  rawLabel: string,
  number: number,
  insertSuffix: number,
  prev: NumberedRef | null,
  seen: ReadonlyMap<string, number>,
): void {
  const label = articleLabel(number, insertSuffix);
  const earlier = seen.get(articleKey(number, insertSuffix));
  if (earlier !== undefined) {
    throw new LawParseError('ARTICLE_DUPLICATE', fileName, lineNo, `条文编号重复：${rawLabel}已在第 ${earlier} 行出现`);
  }
  if (prev === null) {
    if (number === 1 && insertSuffix === 0) return;
    throw new LawParseError('ARTICLE_MISSING', fileName, lineNo, `第一个条文应为第一条，实为${label}`);
  }
  if (number === prev.number + 1 && insertSuffix === 0) return;
  if (number === prev.number && insertSuffix === prev.insertSuffix + 1) return;
  const before = number < prev.number || (number === prev.number && insertSuffix < prev.insertSuffix);
  if (before) {
    throw new LawParseError('ARTICLE_OUT_OF_ORDER', fileName, lineNo, `条文顺序错误：${label}出现在${prev.label}之后`);
  }
  const expected =
    number === prev.number ? articleLabel(number, prev.insertSuffix + 1) : articleLabel(prev.number + 1, 0);
  throw new LawParseError(
    'ARTICLE_MISSING',
    fileName,
    lineNo,
    `条文编号不连续：${prev.label}之后应为${expected}，实为${label}`,
  );
}
