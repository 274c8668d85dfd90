/**
 * Line breaking for Chinese text. pdfkit's own wrapper knows neither 避头尾 (no 。 at a line start, no （ at a
 * line end) nor where a line ends before it draws, and the layout kit needs exact line counts to keep table rows
 * and photos with their captions on one page and to split an over-tall row at a line boundary.
 */

/** Characters that must not start a line (closing punctuation). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉〗］｝”’·…—％,.;:?!)]}%'.split(''));
/** Characters that must not end a line (opening punctuation). */
const NO_LINE_END = new Set('（《「『【〔〈〖［｛“‘([{'.split(''));

/** Width in points of a run of text in the current font and size. */
export type MeasureText = (text: string) => number;

/** One laid-out line. */
export interface LaidLine {
  text: string;
  /** Natural width of `text` in points. */
  width: number;
  /** Left offset inside the box (the first-line indent). */
  indent: number;
  /** True for the last line of a paragraph: never justified. */
  last: boolean;
}

/** Options for {@link wrapText}. */
export interface WrapOptions {
  /** Extra left offset of each paragraph's first line (two characters in 公文 body text). */
  firstLineIndent?: number;
}

// Latin words and numbers stay whole (GB/T 9704-2012, 2026-03-16, 021-5888); every other character is a token.
const TOKEN = /[A-Za-z0-9][A-Za-z0-9._:/\-%+#]*|[ \t]+|[\s\S]/gu;

function isSpace(token: string): boolean {
  return token.trim() === '';
}

/**
 * Breaks `text` into lines no wider than `maxWidth`; `\n` starts a new paragraph. Breaks fall between any two
 * CJK characters or at spaces, with 避头尾 by pushing the previous character down (推出), as typesetters do.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText, options: WrapOptions = {}): LaidLine[] {
  const indent = options.firstLineIndent ?? 0;
  const lines: LaidLine[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(TOKEN) ?? [];
    let cur: { t: string; w: number }[] = [];
    let curW = 0;
    let lineIndent = indent;
    let startOfParagraph = true;
    const flush = (last: boolean) => {
      while (cur.length && isSpace(cur[cur.length - 1]?.t ?? 'x')) curW -= cur.pop()?.w ?? 0;
      lines.push({ text: cur.map((c) => c.t).join(''), width: curW, indent: lineIndent, last });
      cur = [];
      curW = 0;
      lineIndent = 0;
    };
    const queue = tokens.map((t) => ({ t, w: measure(t) }));
    for (let i = 0; i < queue.length; i++) {
      const tok = queue[i];
      if (!tok) continue;
      const avail = maxWidth - lineIndent;
      // Spaces at the start of a wrapped line vanish; at the start of a paragraph they are meant (blank forms).
      if (isSpace(tok.t) && cur.length === 0 && !startOfParagraph) continue;
      startOfParagraph = false;
      if (curW + tok.w <= avail + 0.01) {
        cur.push(tok);
        curW += tok.w;
        continue;
      }
      // 标点挤压: a full-width closing mark draws in the left half of its box, so it may end a full line with
      // its blank half past the edge; the justifier then squeezes the line back by that half.
      if (
        cur.length > 0 &&
        tok.t.length === 1 &&
        NO_LINE_START.has(tok.t) &&
        tok.t.charCodeAt(0) > 0x2000 &&
        curW + tok.w / 2 <= avail + 0.01
      ) {
        cur.push(tok);
        curW += tok.w;
        continue;
      }
      if (isSpace(tok.t)) {
        flush(false);
        continue;
      }
      if (tok.w > avail && tok.t.length > 1) {
        // A word longer than the line (a long URL or code) breaks between characters.
        const chars = [...tok.t].map((c) => ({ t: c, w: measure(c) }));
        queue.splice(i, 1, ...chars);
        i -= 1;
        continue;
      }
      const carry: { t: string; w: number }[] = [];
      if (NO_LINE_START.has(tok.t[0] ?? '') && cur.length > 1) {
        const prev = cur.pop();
        if (prev) carry.unshift(prev);
      }
      while (cur.length > 1 && NO_LINE_END.has(cur[cur.length - 1]?.t ?? '')) {
        const prev = cur.pop();
        if (prev) carry.unshift(prev);
      }
      curW = cur.reduce((s, c) => s + c.w, 0);
      if (cur.length === 0) {
        // Nothing fits (a box narrower than one character): place the token anyway rather than loop.
        cur.push(tok);
        curW = tok.w;
        flush(false);
        continue;
      }
      flush(false);
      for (const c of carry) {
        cur.push(c);
        curW += c.w;
      }
      cur.push(tok);
      curW += tok.w;
    }
    flush(true);
  }
  return lines;
}
