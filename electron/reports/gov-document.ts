import PDFDocument from 'pdfkit';
import { formatArabicDate } from './chinese-date';
import type { FontWeight, ReportFonts } from './fonts';
import { wrapText, type LaidLine, type MeasureText } from './text-layout';

export { formatArabicDate, formatChineseDate } from './chinese-date';

/** Millimetres to PDF points. */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

/** A4 in points (pdfkit's own A4 size). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** 版心 margins after GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const GOV_MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/** Sizes in points: 2号 22 pt for titles, 3号 16 pt for body text, 4号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const GOV_SIZES = { title: 22, body: 16, four: 14, smallFour: 12, five: 10.5 } as const;

/** The red of 发文机关标志 and its separator rule. */
export const GOV_RED = '#D6000F';

/** Body line pitch: 28 pt gives the 22 lines a page of GB/T 9704 letters. */
export const BODY_PITCH = 28;

/** Height of {@link GovDocument.signature}: two lines of room for the seal, the organ and the date. */
export const SIGNATURE_HEIGHT = 4 * BODY_PITCH;

// Noto Sans SC: ascender 1.16 em above pdfkit's text origin, ideographic em box from +0.88 to -0.12 em.
const FONT_ASCENT = 1.16;
const EM_TOP = 0.88;

/** Options of a {@link GovDocument}: fonts, the fixed creation date and what the verification needs. */
export interface GovDocumentOptions {
  fonts: ReportFonts;
  /** Written into the PDF; the caller passes the app clock's time so tests get byte-identical files. */
  creationDate: Date;
  /** PDF title (document kind and number). */
  title: string;
  /** The issuing organ, as PDF author. */
  author: string;
  /** Id of the issued_documents record; ASCII (a UUID). */
  documentId: string;
  /** Verification code (XXXXX-XXXXX) printed in every footer and stored in the metadata. */
  verificationCode: string;
  /** 发文字号, printed at the left of every footer when given. */
  documentNumber?: string;
  /** A preview: 样稿 across every page and a footer saying it is not a valid document. */
  draft?: boolean;
}

/** How a run of text looks. */
export interface TextStyle {
  size?: number;
  weight?: FontWeight;
  color?: string;
  /** Line pitch in points; defaults to 28 for 16 pt body text and 1.6 × size otherwise. */
  pitch?: number;
  align?: 'left' | 'center' | 'right';
  /** Indent the first line of each paragraph by two characters (公文 body text). */
  indent?: boolean;
  /** Stretch full lines to the right margin, as 公文 body text is set; on by default for left-aligned text. */
  justify?: boolean;
}

/** A column of a {@link TableSpec}; `width` is a fraction, all columns' fractions are scaled to the text width. */
export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
}

/** One paragraph inside a table cell, with its own weight, colour or size. */
export interface CellBlock {
  text: string;
  weight?: FontWeight;
  color?: string;
  size?: number;
}

/** A table cell: plain text, or several paragraphs with their own styles. */
export type TableCell = string | CellBlock[];

/** A table row, optionally shaded. */
export type TableRow = TableCell[] | { cells: TableCell[]; fill?: string };

/** A table: header repeated after each page break, rows kept whole unless taller than a page. */
export interface TableSpec {
  columns: TableColumn[];
  rows: TableRow[];
  /** Font size of the cells, 10.5–12 pt; default 10.5. */
  size?: number;
  /** Show the header row (default true); a form-like table (the receipt) has none. */
  header?: boolean;
  /** Minimum row height, for rows left blank for handwriting. */
  minRowHeight?: number;
  /** Draw the first column's cells in bold (label columns of form-like tables). */
  boldFirstColumn?: boolean;
}

/** A photo with its caption. */
export interface Figure {
  /** JPEG or PNG bytes; null draws a captioned placeholder (the photo file is missing or damaged). */
  image: Buffer | null;
  /** What the placeholder says when `image` is null. */
  missingText?: string;
  /** e.g. 照片1：三楼东侧疏散楼梯间 — 堆放杂物. */
  caption: string;
}

/** What a receipt block shows; absent values leave lines to be filled in by hand. */
export interface ReceiptData {
  /** Heading above the block; default 送达回执. */
  heading?: string;
  /** Name of the person who signed for the document. */
  signedBy?: string | null;
  /** Time of signing, already formatted. */
  signedAt?: string | null;
  /** Refusal to sign: reason and witness. */
  refusal?: { reason: string; witness: string } | null;
  /** Who served the document. */
  servedBy?: string | null;
}

interface CellLine {
  line: LaidLine;
  weight: FontWeight;
  size: number;
  color: string;
  pitch: number;
  /** Top of this line relative to the top of the cell's content. */
  top: number;
}

interface CellLayout {
  lines: CellLine[];
  height: number;
}

// Widths per 1 pt of font size, per font file and token; shared by all documents of the process.
const widthCache = new Map<string, Map<string, number>>();

// pdfkit's image object: typed here because @types/pdfkit does not declare openImage.
interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}
interface ImageOpener {
  openImage(src: Buffer): OpenedImage;
  image(src: OpenedImage, x: number, y: number, options: { width: number; height: number }): unknown;
}

/**
 * A4 公文 laid out after GB/T 9704 on top of pdfkit: a cursor that moves down the 版心, page breaks decided
 * before drawing (rows, photos with captions and signature blocks are kept whole) and footers
 * (“第 X 页 共 Y 页” and the verification code) written once the page count is known.
 */
export class GovDocument {
  /** The underlying pdfkit document, for drawing the kit does not cover. */
  readonly pdf: PDFKit.PDFDocument;
  private readonly fonts: ReportFonts;
  private readonly options: GovDocumentOptions;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private y: number;

  /** Left edge of the text area. */
  readonly left = GOV_MARGINS.left;
  /** Width of the text area (156 mm). */
  readonly width = A4.width - GOV_MARGINS.left - GOV_MARGINS.right;
  /** Top of the text area. */
  readonly top = GOV_MARGINS.top;
  /** Bottom of the text area. */
  readonly bottom = A4.height - GOV_MARGINS.bottom;

  constructor(options: GovDocumentOptions) {
    if (!/^[A-Za-z0-9._-]+$/.test(options.documentId)) throw new Error('文书编号标识只能包含字母、数字和 ._-');
    this.options = options;
    this.fonts = options.fonts;
    this.pdf = new PDFDocument({
      size: 'A4',
      margins: { ...GOV_MARGINS },
      bufferPages: true,
      pdfVersion: '1.7',
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: options.title,
        Author: options.author,
        Subject: `${options.title}；核验码 ${options.verificationCode}`,
        // ASCII on purpose: stays a plain literal string that extractVerificationFromPdf finds without decoding.
        Keywords: verificationKeywords(options.verificationCode, options.documentId),
        Creator: 'CareInspect 养老机构综合监管检查',
        Producer: 'PDFKit',
        CreationDate: options.creationDate,
        ModDate: options.creationDate,
      },
    });
    // Both fonts registered up front in a fixed order: otherwise which font becomes /F1 depends on whether the
    // process-wide width cache was warm (a measure call registers a font too), and the bytes would differ.
    this.pdf.font(options.fonts.regular).font(options.fonts.bold).font(options.fonts.regular);
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
    this.y = this.top;
  }

  /** Current vertical position (points from the page top). */
  get cursor(): number {
    return this.y;
  }

  /** Space left on the current page, in points. */
  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Moves the cursor down; never past the page end. */
  space(points: number): this {
    this.y = Math.min(this.y + points, this.bottom);
    return this;
  }

  /** Starts a new page. */
  pageBreak(): this {
    this.pdf.addPage();
    this.y = this.top;
    return this;
  }

  /** Breaks the page unless `height` points still fit. */
  ensureSpace(height: number): this {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.pageBreak();
    return this;
  }

  /**
   * Takes a block of `height` points for free drawing (charts): breaks the page first when it does not fit,
   * moves the cursor past it and returns its top.
   */
  reserve(height: number): number {
    this.ensureSpace(height);
    const top = this.y;
    this.y = Math.min(this.y + height, this.bottom);
    return top;
  }

  /** One line of text at an absolute position, e.g. a chart label; `width` is the box `align` works in. */
  label(
    text: string,
    x: number,
    top: number,
    style: {
      size?: number;
      weight?: FontWeight;
      color?: string;
      align?: 'left' | 'center' | 'right';
      width?: number;
    } = {},
  ): this {
    const size = style.size ?? GOV_SIZES.five;
    const weight = style.weight ?? 'regular';
    const width = this.measure(weight, size)(text);
    const s = this.resolveStyle({
      size,
      weight,
      color: style.color ?? '#000000',
      align: style.align ?? 'left',
      pitch: size * 1.4,
    });
    this.drawLine({ text, width, indent: 0, last: true }, x, top, style.width ?? width, { ...s, justify: false });
    return this;
  }

  /** Measures a text run in one font and size (cached per process). */
  measure(weight: FontWeight, size: number): MeasureText {
    const file = this.fonts[weight];
    let perFont = widthCache.get(file);
    if (!perFont) {
      perFont = new Map();
      widthCache.set(file, perFont);
    }
    const cache = perFont;
    return (text: string) => {
      let w = cache.get(text);
      if (w === undefined) {
        w = this.pdf.font(file).fontSize(1).widthOfString(text);
        cache.set(text, w);
      }
      return w * size;
    };
  }

  /** Lays text out in a box of `width` points without drawing it. */
  layout(text: string, width: number, style: TextStyle = {}): LaidLine[] {
    const size = style.size ?? GOV_SIZES.body;
    const weight = style.weight ?? 'regular';
    return wrapText(text, width, this.measure(weight, size), { firstLineIndent: style.indent ? 2 * size : 0 });
  }

  /** Draws one laid-out line whose line box starts at `top`. */
  private drawLine(
    line: LaidLine,
    x: number,
    top: number,
    boxWidth: number,
    style: Required<Omit<TextStyle, 'indent'>>,
  ): void {
    const { size, pitch } = style;
    let lineX = x + line.indent;
    let characterSpacing = 0;
    if (style.align === 'center') lineX = x + (boxWidth - line.width) / 2;
    else if (style.align === 'right') lineX = x + boxWidth - line.width;
    else if (style.justify) {
      const extra = boxWidth - line.indent - line.width;
      const count = [...line.text].length;
      // Close small gaps only (a character pushed down by 避头尾); a wide gap spread over a short line would
      // look like letter-spacing, so such a line stays ragged. A line ending in a squeezed mark always closes.
      if (count > 1 && ((extra > 0 && !line.last && extra / (count - 1) <= 0.12 * size) || extra < 0))
        characterSpacing = extra / (count - 1);
    }
    const textTop = top + (pitch - size) / 2 - (FONT_ASCENT - EM_TOP) * size;
    this.pdf
      .font(this.fonts[style.weight])
      .fontSize(size)
      .fillColor(style.color)
      .text(line.text, lineX, textTop, { lineBreak: false, characterSpacing });
  }

  private resolveStyle(style: TextStyle): Required<Omit<TextStyle, 'indent'>> {
    const size = style.size ?? GOV_SIZES.body;
    const align = style.align ?? 'left';
    return {
      size,
      weight: style.weight ?? 'regular',
      color: style.color ?? '#000000',
      pitch: style.pitch ?? (size === GOV_SIZES.body ? BODY_PITCH : Math.round(size * 1.6 * 10) / 10),
      align,
      justify: style.justify ?? align === 'left',
    };
  }

  /** Height in points {@link paragraph} would take for `text` (ignoring page breaks). */
  heightOf(text: string, style: TextStyle = {}): number {
    return this.layout(text, this.width, style).length * this.resolveStyle(style).pitch;
  }

  /**
   * Flowing text at the cursor across pages, line by line. `keepWithNext` (points) keeps the last two lines on
   * the page of what follows, so a signature never stands alone at the top of a page.
   */
  paragraph(text: string, style: TextStyle & { keepWithNext?: number } = {}): this {
    const s = this.resolveStyle(style);
    const lines = this.layout(text, this.width, style);
    const keepFrom = Math.max(0, lines.length - 2);
    for (const [i, line] of lines.entries()) {
      if (style.keepWithNext !== undefined && i === keepFrom)
        this.ensureSpace((lines.length - i) * s.pitch + style.keepWithNext);
      this.ensureSpace(s.pitch);
      this.drawLine(line, this.left, this.y, this.width, s);
      this.y += s.pitch;
    }
    return this;
  }

  /** 公文 body paragraph: 16 pt, 28 pt pitch, first line indented two characters, justified. */
  body(text: string, options: { keepWithNext?: number } = {}): this {
    return this.paragraph(text, { indent: true, ...options });
  }

  /** A numbered heading (一、…) in bold, kept with at least two following lines. */
  heading(text: string, style: TextStyle = {}): this {
    const s = this.resolveStyle({ weight: 'bold', indent: true, ...style });
    this.ensureSpace(s.pitch * 3);
    return this.paragraph(text, { weight: 'bold', indent: true, ...style });
  }

  /**
   * 发文机关标志 in red bold, as large as fits (at most 36 pt), the 发文字号 centred under it and the red
   * separator rule the width of the text area 4 mm below.
   */
  header(organ: string, documentNumber?: string): this {
    const unit = this.measure('bold', 1)(organ);
    const size = Math.min(36, (this.width * 0.92) / Math.max(unit, 1));
    const flag = { text: organ, width: unit * size, indent: 0, last: true };
    this.drawLine(flag, this.left, this.y, this.width, {
      ...this.resolveStyle({ size, weight: 'bold', align: 'center', color: GOV_RED }),
      pitch: size * 1.3,
    });
    this.y += size * 1.3 + BODY_PITCH * 0.6;
    if (documentNumber) {
      this.paragraph(documentNumber, { align: 'center' });
    }
    const ruleY = this.y + mm(2);
    this.pdf
      .save()
      .moveTo(this.left, ruleY)
      .lineTo(this.left + this.width, ruleY)
      .lineWidth(1.5)
      .strokeColor(GOV_RED)
      .stroke()
      .restore();
    this.y = ruleY + BODY_PITCH;
    return this;
  }

  /** 标题: bold 22 pt, centred, wrapped over lines of their own, one blank line after. */
  title(text: string): this {
    this.paragraph(text, { size: GOV_SIZES.title, weight: 'bold', align: 'center', pitch: 36 });
    this.y += BODY_PITCH / 2;
    return this;
  }

  /** 主送机关: the addressee flush left, followed by a full-width colon. */
  addressee(name: string): this {
    return this.paragraph(`${name}：`, { justify: false });
  }

  /**
   * Label–value lines (单位名称：…), labels in bold with their colons aligned, values wrapping under
   * themselves; each pair is kept on one page.
   */
  keyValues(rows: { label: string; value: string }[], style: { size?: number; labelWidth?: number } = {}): this {
    const size = style.size ?? GOV_SIZES.four;
    const s = this.resolveStyle({ size });
    const measureBold = this.measure('bold', size);
    const labelWidth = style.labelWidth ?? Math.max(...rows.map((r) => measureBold(`${r.label}：`)));
    const valueWidth = this.width - labelWidth;
    for (const row of rows) {
      const lines = this.layout(row.value || '—', valueWidth, { size });
      this.ensureSpace(lines.length * s.pitch);
      const label = { text: `${row.label}：`, width: measureBold(`${row.label}：`), indent: 0, last: true };
      this.drawLine(label, this.left, this.y, labelWidth, { ...s, weight: 'bold', align: 'right' });
      for (const line of lines) {
        this.ensureSpace(s.pitch);
        this.drawLine(line, this.left + labelWidth, this.y, valueWidth, s);
        this.y += s.pitch;
      }
    }
    return this;
  }

  private layoutCell(
    cell: TableCell,
    width: number,
    size: number,
    defaults: { weight: FontWeight; align: 'left' | 'center' | 'right' },
  ): CellLayout {
    const blocks: CellBlock[] = typeof cell === 'string' ? [{ text: cell }] : cell;
    const lines: CellLine[] = [];
    let top = 0;
    for (const block of blocks) {
      const blockSize = block.size ?? size;
      const weight = block.weight ?? defaults.weight;
      const pitch = Math.round(blockSize * 1.5 * 10) / 10;
      for (const line of wrapText(block.text, width, this.measure(weight, blockSize))) {
        lines.push({ line, weight, size: blockSize, color: block.color ?? '#000000', pitch, top });
        top += pitch;
      }
    }
    return { lines, height: top };
  }

  /**
   * A bordered table. The header row repeats at the top of every page the table continues on; a row moves
   * whole to the next page unless it is taller than a page, in which case it is cut between two lines and
   * continues under the repeated header.
   */
  table(spec: TableSpec): this {
    const size = spec.size ?? GOV_SIZES.five;
    const pad = 4;
    const total = spec.columns.reduce((s, c) => s + c.width, 0);
    const widths = spec.columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const showHeader = spec.header !== false;
    const headerCells = spec.columns.map((c, i) =>
      this.layoutCell(c.header, (widths[i] ?? 0) - 2 * pad, size, { weight: 'bold', align: 'center' }),
    );
    const headerHeight = showHeader ? Math.max(...headerCells.map((c) => c.height)) + 2 * pad : 0;
    const rows = spec.rows.map((row) => {
      const cells = Array.isArray(row) ? row : row.cells;
      const fill = Array.isArray(row) ? undefined : row.fill;
      const layouts = spec.columns.map((c, i) =>
        this.layoutCell(cells[i] ?? '', (widths[i] ?? 0) - 2 * pad, size, {
          weight: spec.boldFirstColumn && i === 0 ? 'bold' : 'regular',
          align: c.align ?? 'left',
        }),
      );
      const height = Math.max(spec.minRowHeight ?? 0, Math.max(...layouts.map((l) => l.height)) + 2 * pad);
      return { layouts, height, fill };
    });

    const drawGrid = (top: number, height: number, fill?: string) => {
      if (fill) this.pdf.save().rect(this.left, top, this.width, height).fill(fill).restore();
      this.pdf.save().lineWidth(0.6).strokeColor('#000000');
      this.pdf.rect(this.left, top, this.width, height).stroke();
      for (const x of xs.slice(1))
        this.pdf
          .moveTo(x, top)
          .lineTo(x, top + height)
          .stroke();
      this.pdf.restore();
    };
    const drawCellLines = (lines: CellLine[], column: number, top: number, offset: number, forceAlign?: 'center') => {
      const align = forceAlign ?? spec.columns[column]?.align ?? 'left';
      const x = (xs[column] ?? 0) + pad;
      const w = (widths[column] ?? 0) - 2 * pad;
      for (const cl of lines) {
        this.drawLine(cl.line, x, top + pad + cl.top - offset, w, {
          size: cl.size,
          weight: cl.weight,
          color: cl.color,
          pitch: cl.pitch,
          align,
          justify: align === 'left',
        });
      }
    };
    const drawHeader = () => {
      if (!showHeader) return;
      drawGrid(this.y, headerHeight, '#EDEDED');
      headerCells.forEach((cell, i) => {
        const offset = (headerHeight - 2 * pad - cell.height) / 2;
        drawCellLines(cell.lines, i, this.y + offset, 0, 'center');
      });
      this.y += headerHeight;
    };
    const pageRoom = this.bottom - this.top - headerHeight;

    const first = rows[0];
    if (first && this.y + headerHeight + Math.min(first.height, 3 * size * 1.5 + 2 * pad) > this.bottom)
      this.pageBreak();
    else if (!first) this.ensureSpace(headerHeight);
    drawHeader();

    for (const row of rows) {
      if (row.height <= this.bottom - this.y + 0.01) {
        this.drawRowWhole(row, drawGrid, drawCellLines, spec, pad);
        continue;
      }
      if (row.height <= pageRoom) {
        this.pageBreak();
        drawHeader();
        this.drawRowWhole(row, drawGrid, drawCellLines, spec, pad);
        continue;
      }
      // Taller than a page: cut between lines, each slice closed by its own border.
      const from = row.layouts.map(() => 0);
      const minSlice = 3 * size * 1.5 + 2 * pad;
      if (this.bottom - this.y < minSlice) {
        this.pageBreak();
        drawHeader();
      }
      for (;;) {
        const room = this.bottom - this.y - 2 * pad;
        let used = 0;
        const slices = row.layouts.map((layout, i) => {
          const start = from[i] ?? 0;
          const startTop = layout.lines[start]?.top ?? layout.height;
          const taken: CellLine[] = [];
          for (let k = start; k < layout.lines.length; k++) {
            const cl = layout.lines[k];
            if (!cl || cl.top - startTop + cl.pitch > room) break;
            taken.push(cl);
          }
          const height = taken.length
            ? (taken[taken.length - 1]?.top ?? 0) + (taken[taken.length - 1]?.pitch ?? 0) - startTop
            : 0;
          used = Math.max(used, height);
          return { taken, startTop };
        });
        const finished = slices.every(
          (sl, i) => (from[i] ?? 0) + sl.taken.length >= (row.layouts[i]?.lines.length ?? 0),
        );
        const height = finished ? used + 2 * pad : this.bottom - this.y;
        drawGrid(this.y, height, row.fill);
        slices.forEach((sl, i) => {
          drawCellLines(sl.taken, i, this.y, sl.startTop);
          from[i] = (from[i] ?? 0) + sl.taken.length;
        });
        this.y += height;
        if (finished) break;
        this.pageBreak();
        drawHeader();
      }
    }
    this.y += 6;
    return this;
  }

  private drawRowWhole(
    row: { layouts: CellLayout[]; height: number; fill?: string },
    drawGrid: (top: number, height: number, fill?: string) => void,
    drawCellLines: (lines: CellLine[], column: number, top: number, offset: number) => void,
    spec: TableSpec,
    pad: number,
  ): void {
    drawGrid(this.y, row.height, row.fill);
    row.layouts.forEach((layout, i) => {
      const middle = spec.columns[i]?.valign === 'middle';
      const offset = middle ? (row.height - 2 * pad - layout.height) / 2 : 0;
      drawCellLines(layout.lines, i, this.y + offset, 0);
    });
    this.y += row.height;
  }

  /**
   * Photos in a grid of `columns`, each scaled to its column and to `maxHeight`, captions under them; a row of
   * photos moves to the next page together with its captions.
   */
  figures(items: Figure[], options: { columns?: number; maxHeight?: number } = {}): this {
    const columns = Math.max(1, options.columns ?? 1);
    const gap = mm(6);
    const colWidth = (this.width - gap * (columns - 1)) / columns;
    const maxHeight = Math.min(options.maxHeight ?? mm(90), this.bottom - this.top - 3 * BODY_PITCH);
    const opener = this.pdf as unknown as ImageOpener;
    const captionStyle = this.resolveStyle({ size: GOV_SIZES.smallFour, align: 'center', pitch: 18 });
    for (let i = 0; i < items.length; i += columns) {
      const group = items.slice(i, i + columns).map((item) => {
        const caption = this.layout(item.caption, colWidth, { size: GOV_SIZES.smallFour });
        const img = item.image ? opener.openImage(item.image) : null;
        // A missing photo keeps its place as a 4:3 box, so the numbering and layout stay as issued.
        const rotated = (img?.orientation ?? 1) > 4;
        const w = img ? (rotated ? img.height : img.width) : 4;
        const h = img ? (rotated ? img.width : img.height) : 3;
        const scale = Math.min(colWidth / w, maxHeight / h);
        return { img, w: w * scale, h: h * scale, caption, missingText: item.missingText ?? '照片文件缺失' };
      });
      const imageHeight = Math.max(...group.map((g) => g.h));
      const captionHeight = Math.max(...group.map((g) => g.caption.length)) * captionStyle.pitch;
      this.ensureSpace(imageHeight + mm(2) + captionHeight);
      group.forEach((g, k) => {
        const colX = this.left + k * (colWidth + gap);
        const x = colX + (colWidth - g.w) / 2;
        // Bottom-aligned: every caption sits directly under its photo and the captions of a row line up.
        const y = this.y + imageHeight - g.h;
        if (g.img) {
          opener.image(g.img, x, y, { width: g.w, height: g.h });
          this.pdf.save().lineWidth(0.5).strokeColor('#999999').rect(x, y, g.w, g.h).stroke().restore();
        } else {
          this.pdf.save().rect(x, y, g.w, g.h).fill('#F2F2F2').restore();
          this.pdf
            .save()
            .lineWidth(0.8)
            .dash(4, { space: 3 })
            .strokeColor('#888888')
            .rect(x, y, g.w, g.h)
            .stroke()
            .undash()
            .restore();
          const note = this.layout(g.missingText, g.w - 16, { size: GOV_SIZES.smallFour });
          const noteStyle = this.resolveStyle({
            size: GOV_SIZES.smallFour,
            align: 'center',
            color: '#666666',
            pitch: 18,
          });
          note.forEach((line, n) =>
            this.drawLine(line, x + 8, y + g.h / 2 - (note.length * 18) / 2 + n * 18, g.w - 16, noteStyle),
          );
        }
        g.caption.forEach((line, n) =>
          this.drawLine(line, colX, this.y + imageHeight + mm(2) + n * captionStyle.pitch, colWidth, captionStyle),
        );
      });
      this.y += imageHeight + mm(2) + captionHeight + mm(5);
    }
    return this;
  }

  /**
   * 发文机关署名 and 成文日期 (GB/T 9704 7.3.5.1, sealed document): the date four characters from the right
   * margin, the organ centred above it, two blank lines above for the seal. GB/T 9704-2012 writes 成文日期 in
   * Arabic numerals (2026年3月2日), the 〇-numerals of the 1999 edition being no longer used.
   */
  signature(organ: string, date: Date | string): this {
    const s = this.resolveStyle({});
    this.ensureSpace(SIGNATURE_HEIGHT);
    this.y += s.pitch * 2;
    const dateText = formatArabicDate(date);
    const measure = this.measure('regular', s.size);
    const dateWidth = measure(dateText);
    const dateRight = this.left + this.width - 4 * s.size;
    const dateX = dateRight - dateWidth;
    const organWidth = measure(organ);
    const organX = Math.min(dateX + dateWidth / 2 - organWidth / 2, this.left + this.width - organWidth);
    this.drawLine({ text: organ, width: organWidth, indent: 0, last: true }, organX, this.y, organWidth, {
      ...s,
      align: 'left',
    });
    this.y += s.pitch;
    this.drawLine({ text: dateText, width: dateWidth, indent: 0, last: true }, dateX, this.y, dateWidth, {
      ...s,
      align: 'left',
    });
    this.y += s.pitch;
    return this;
  }

  /** 送达回执: 签收人、签收时间、拒签情况及见证人、送达人, blank for handwriting when not yet known; kept on one page. */
  receipt(data: ReceiptData = {}): this {
    const blankTime = '　　　　年　　月　　日　　时　　分';
    const rows: TableCell[][] = [
      ['签收人（签名）', data.signedBy ?? ''],
      ['签收时间', data.signedAt ?? blankTime],
      [
        '拒签情况',
        data.refusal
          ? data.refusal.reason
          : '（拒绝签收的，由送达人注明拒签原因和日期，并由见证人签名或者以录音录像等方式记录）',
      ],
      ['见证人（签名）', data.refusal?.witness ?? ''],
      ['送达人（签名）', data.servedBy ?? ''],
    ];
    const heading = data.heading ?? '送达回执';
    this.ensureSpace(BODY_PITCH + rows.length * 34 + 12);
    this.paragraph(heading, { weight: 'bold', align: 'center' });
    this.table({
      columns: [
        { header: '项目', width: 0.26, valign: 'middle' },
        { header: '内容', width: 0.74, valign: 'middle' },
      ],
      rows,
      size: GOV_SIZES.smallFour,
      header: false,
      minRowHeight: 34,
      boldFirstColumn: true,
    });
    return this;
  }

  /** Starts an attachment on a new page: “附件” (or 附件2) at the top left, then its title centred. */
  attachment(label: string, title: string): this {
    this.pageBreak();
    this.paragraph(label, { weight: 'bold', justify: false });
    this.y += BODY_PITCH / 2;
    return this.title(title);
  }

  /**
   * 版记 at the foot of the last page: 抄送 and 印发机关/印发日期 between rules (GB/T 9704 7.4), moved to a new
   * page when it does not fit under the text.
   */
  recordBlock(options: { copyTo?: string[]; printedBy: string; printedDate: Date | string }): this {
    const size = GOV_SIZES.four;
    const s = this.resolveStyle({ size, pitch: 24 });
    const copyLines = options.copyTo?.length
      ? this.layout(`抄送：${options.copyTo.join('，')}。`, this.width - 2 * size, { size })
      : [];
    const height = (copyLines.length + 1) * s.pitch + 8;
    if (this.y + height > this.bottom) this.pageBreak();
    let y = this.bottom - height;
    const rule = (at: number, width: number) =>
      this.pdf
        .save()
        .moveTo(this.left, at)
        .lineTo(this.left + this.width, at)
        .lineWidth(width)
        .strokeColor('#000000')
        .stroke()
        .restore();
    rule(y, 1);
    y += 2;
    for (const line of copyLines) {
      this.drawLine(line, this.left + size, y, this.width - 2 * size, { ...s, justify: false });
      y += s.pitch;
    }
    if (copyLines.length) rule(y + 1, 0.5);
    y += 4;
    const printed = `${formatArabicDate(options.printedDate)}印发`;
    this.drawLine({ text: options.printedBy, width: 0, indent: 0, last: true }, this.left + size, y, this.width, {
      ...s,
      align: 'left',
    });
    const measure = this.measure('regular', size);
    this.drawLine({ text: printed, width: measure(printed), indent: 0, last: true }, this.left, y, this.width - size, {
      ...s,
      align: 'right',
    });
    y += s.pitch;
    rule(y, 1);
    this.y = this.bottom;
    return this;
  }

  /** 样稿 in large light red letters across the page, and the footer note under the page number. */
  private drawDraftMark(noteTop: number): void {
    const size = 120;
    const text = '样稿';
    const width = this.measure('bold', size)(text);
    this.pdf.save();
    this.pdf.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
    this.pdf.fillOpacity(0.12);
    this.drawLine({ text, width, indent: 0, last: true }, A4.width / 2 - width / 2, A4.height / 2 - size / 2, width, {
      ...this.resolveStyle({ size, weight: 'bold', color: GOV_RED, pitch: size }),
      justify: false,
    });
    this.pdf.restore();
    const noteWidth = this.measure('regular', 9)(DRAFT_NOTE);
    this.drawLine({ text: DRAFT_NOTE, width: noteWidth, indent: 0, last: true }, this.left, noteTop, this.width, {
      ...this.resolveStyle({ size: 9, color: GOV_RED, align: 'center', pitch: 14 }),
      justify: false,
    });
  }

  /**
   * Writes the footers on every page (number at the left, “第 X 页 共 Y 页” centred, verification code at the
   * right, 7 mm under the text area) and returns the finished PDF bytes.
   */
  async render(): Promise<Buffer> {
    const range = this.pdf.bufferedPageRange();
    const count = range.count;
    const footerTop = this.bottom + mm(7);
    const size = 9;
    const measure = this.measure('regular', size);
    const measurePage = this.measure('regular', 10.5);
    const style = {
      size,
      weight: 'regular' as const,
      color: '#333333',
      pitch: 14,
      align: 'left' as const,
      justify: false,
    };
    for (let i = range.start; i < range.start + count; i++) {
      this.pdf.switchToPage(i);
      // Text below the bottom margin would make pdfkit add a page: lift the margin while writing footers.
      this.pdf.page.margins.bottom = 0;
      const pageText = `第 ${i - range.start + 1} 页 共 ${count} 页`;
      const code = `核验码 ${this.options.verificationCode}`;
      this.drawLine(
        { text: pageText, width: measurePage(pageText), indent: 0, last: true },
        this.left,
        footerTop,
        this.width,
        { ...style, align: 'center', size: 10.5 },
      );
      this.drawLine({ text: code, width: measure(code), indent: 0, last: true }, this.left, footerTop, this.width, {
        ...style,
        align: 'right',
      });
      if (this.options.documentNumber) {
        const num = this.options.documentNumber;
        this.drawLine(
          { text: num, width: measure(num), indent: 0, last: true },
          this.left,
          footerTop,
          this.width,
          style,
        );
      }
      if (this.options.draft) this.drawDraftMark(footerTop + 16);
    }
    this.pdf.end();
    return this.done;
  }
}

/** Text of the preview's footer note. */
export const DRAFT_NOTE = '样稿：未编号、未签发，不作为正式文书使用';
/** The Keywords metadata entry that carries the verification code and document id. */
export function verificationKeywords(code: string, documentId: string): string {
  return `CareInspect-Verify code=${code} id=${documentId}`;
}
