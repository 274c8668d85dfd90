import fs from 'node:fs';
import path from 'node:path';

/** File names of the two fonts the app ships in resources/fonts (Noto Sans SC, SIL OFL 1.1, see OFL.txt). */
export const REPORT_FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

/** Absolute paths of the report fonts; pass them straight to `doc.font(path)`. */
export interface ReportFonts {
  regular: string;
  bold: string;
}

/** Which of the two fonts a piece of text uses. */
export type FontWeight = keyof ReportFonts;

const cache = new Map<string, ReportFonts>();

/**
 * Resolves the bundled fonts under `resourcesDir` once per process. Paths, not `registerFont` aliases: pdfkit
 * caches a font per document under its path, whereas an alias made it re-parse the 10 MB file for every table
 * cell (27.9 s instead of 0.5 s, see stack notes).
 */
export function resolveReportFonts(resourcesDir: string): ReportFonts {
  const key = path.resolve(resourcesDir);
  const hit = cache.get(key);
  if (hit) return hit;
  const fonts: ReportFonts = {
    regular: path.join(key, 'fonts', REPORT_FONT_FILES.regular),
    bold: path.join(key, 'fonts', REPORT_FONT_FILES.bold),
  };
  for (const file of Object.values(fonts)) {
    if (!fs.existsSync(file))
      throw new Error(`找不到文书字体文件：${file}。请重新安装程序，或检查 resources/fonts 文件夹是否完整。`);
  }
  cache.set(key, fonts);
  return fonts;
}
