import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Folder where the test run leaves PDFs and page PNGs for a person to look at. */
export const PDF_OUT_DIR = path.resolve(__dirname, '../../../test-results/pdf');

/** Writes the PDF into test-results/pdf and renders its pages as `<name>-N.png` at 80 dpi. */
export function savePdfWithPages(name: string, pdf: Buffer): string {
  fs.mkdirSync(PDF_OUT_DIR, { recursive: true });
  for (const old of fs.readdirSync(PDF_OUT_DIR))
    if (old.startsWith(`${name}-`) && old.endsWith('.png')) fs.rmSync(path.join(PDF_OUT_DIR, old));
  const file = path.join(PDF_OUT_DIR, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(PDF_OUT_DIR, name)]);
  return file;
}

/**
 * Text of each page in drawing order (pdftotext -raw): a table cell's lines stay together, where -layout
 * would interleave the columns.
 */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Text with all whitespace removed, so wrapped lines compare as one string. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Rows of `pdffonts`: name, type, emb, sub. */
export function fontsOf(file: string): { name: string; type: string; embedded: boolean; subset: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s+(Identity-H|WinAnsi|Custom|Builtin|\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line);
      return { name: m?.[1] ?? line, type: m?.[2] ?? '', embedded: m?.[4] === 'yes', subset: m?.[5] === 'yes' };
    });
}

/** Page count and sizes (points) from `pdfinfo`. */
export function pageInfo(file: string): { pages: number; sizes: { width: number; height: number }[] } {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? 0);
  const sizes = [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return { pages, sizes };
}
