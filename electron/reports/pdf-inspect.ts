import zlib from 'node:zlib';

/**
 * Just enough PDF reading to check a file handed back to the app: the document information strings and the
 * text of our own pages (via the fonts' ToUnicode maps). Not a general PDF parser; no dependency on poppler,
 * which an installed app does not have.
 */

/** Decodes a PDF string body: literal `(…)` with escapes or `<hex>`; UTF-16BE when it starts with a BOM. */
export function decodePdfString(raw: string, hex: boolean): string {
  let bytes: number[];
  if (hex) {
    const clean = raw.replace(/[^0-9a-fA-F]/g, '');
    const padded = clean.length % 2 ? `${clean}0` : clean;
    bytes = [];
    for (let i = 0; i < padded.length; i += 2) bytes.push(parseInt(padded.slice(i, i + 2), 16));
  } else {
    bytes = [];
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i] ?? '';
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0) & 0xff);
        continue;
      }
      const n = raw[++i] ?? '';
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in escapes) bytes.push(escapes[n] ?? 0);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(raw[i + 1] ?? '')) oct += raw[++i];
        bytes.push(parseInt(oct, 8) & 0xff);
      } else if (n === '\r' || n === '\n') {
        if (n === '\r' && raw[i + 1] === '\n') i++;
      } else bytes.push(n.charCodeAt(0) & 0xff);
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  }
  return String.fromCharCode(...bytes);
}

// A literal string allowing one level of balanced parentheses and escapes, or a hex string.
const PDF_STRING = String.raw`\(((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*)\)|<([0-9A-Fa-f\s]*)>`;

/** Decompressed bodies of every Flate stream in the file (streams that fail to inflate are skipped). */
export function inflatedStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictStart = text.lastIndexOf('obj', m.index);
    const dict = dictStart >= 0 ? text.slice(dictStart, m.index) : '';
    if (/FlateDecode/.test(dict)) {
      try {
        out.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
      } catch {
        // Not our stream or damaged: nothing to read there.
      }
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/** Values of a document-information key (e.g. Keywords), from the file body and from object streams. */
export function readInfoStrings(pdf: Buffer, key: string, streams?: string[]): string[] {
  const sources = [pdf.toString('latin1'), ...(streams ?? [])];
  // pdfkit writes info values as indirect objects (/Keywords 44 0 R); other writers inline them.
  const re = new RegExp(String.raw`/${key}\s*(?:${PDF_STRING}|(\d+)\s+(\d+)\s+R)`, 'g');
  const values: string[] = [];
  for (const source of sources) {
    for (const m of source.matchAll(re)) {
      if (m[1] !== undefined) values.push(decodePdfString(m[1], false));
      else if (m[2] !== undefined) values.push(decodePdfString(m[2], true));
      else if (m[3] !== undefined) {
        const target = new RegExp(String.raw`(?:^|[\r\n\s])${m[3]}\s+${m[4] ?? '0'}\s+obj\s*(?:${PDF_STRING})`, 'g');
        for (const source2 of sources) {
          for (const t of source2.matchAll(target)) {
            if (t[1] !== undefined) values.push(decodePdfString(t[1], false));
            else if (t[2] !== undefined) values.push(decodePdfString(t[2], true));
          }
        }
      }
    }
  }
  return values;
}

function hexToInt(hex: string): number {
  return parseInt(hex, 16);
}

function utf16Hex(hex: string): string {
  let out = '';
  for (let i = 0; i + 3 < hex.length; i += 4) out += String.fromCharCode(hexToInt(hex.slice(i, i + 4)));
  return out;
}

/** The character maps of every ToUnicode CMap in the file (one map per embedded font). */
export function toUnicodeMaps(streams: string[]): Map<number, string>[] {
  const maps: Map<number, string>[] = [];
  for (const s of streams) {
    if (!s.includes('begincmap')) continue;
    const map = new Map<number, string>();
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(hexToInt(m[1] ?? '0'), utf16Hex(m[2] ?? ''));
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of (block[1] ?? '').matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
      )) {
        const lo = hexToInt(m[1] ?? '0');
        const hi = hexToInt(m[2] ?? '0');
        if (m[3] !== undefined) {
          const base = hexToInt(m[3]);
          for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
        } else {
          const list = [...(m[4] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16Hex(x[1] ?? ''));
          list.forEach((value, k) => map.set(lo + k, value));
        }
      }
    }
    if (map.size) maps.push(map);
  }
  return maps;
}

/**
 * Text runs of the page content streams, each decoded with every font map (2-byte codes, as pdfkit writes
 * embedded fonts). Without following font selection, a run decoded with the wrong map is noise; callers look
 * for a pattern they expect, which the noise does not produce.
 */
export function extractTextRuns(pdf: Buffer): string[] {
  const streams = inflatedStreams(pdf);
  const maps = toUnicodeMaps(streams);
  const runs: string[] = [];
  for (const s of streams) {
    if (!/T[Jj]/.test(s) || s.includes('begincmap')) continue;
    for (const op of s.matchAll(/\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
      const hex =
        op[1] !== undefined
          ? [...op[1].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => h[1] ?? '').join('')
          : (op[2] ?? '');
      const clean = hex.replace(/\s/g, '');
      for (const map of maps) {
        let text = '';
        for (let i = 0; i + 3 < clean.length; i += 4) text += map.get(hexToInt(clean.slice(i, i + 4))) ?? '\uFFFD';
        runs.push(text);
      }
    }
  }
  return runs;
}
