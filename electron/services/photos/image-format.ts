/**
 * Recognises an image by its first bytes, before sharp sees it, so the inspector is told "unsupported format"
 * for a GIF or a Word file and "damaged" only for a file that claims to be a photo but cannot be decoded.
 */
import path from 'node:path';
import sharp from 'sharp';

/** Formats accepted for photo evidence (what cameras, phones and screenshot tools produce and sharp decodes). */
export type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'avif';

/** What the first bytes say. */
export type SniffResult =
  { kind: 'accepted'; format: AcceptedFormat } | { kind: 'rejected'; label: string } | { kind: 'unknown' };

/** MIME type of each accepted format. */
export const ACCEPTED_MIME: Record<AcceptedFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** The accepted formats as the inspector would name them, for messages. */
export const ACCEPTED_LABEL = 'JPEG、PNG、WebP、AVIF';

// HEIF brands whose pictures are HEVC-coded (iPhone "高效" photos). The prebuilt libvips that ships with sharp
// decodes only AV1-coded HEIF (AVIF): HEVC is patent-encumbered and left out (`sharp.format.heif` lists .avif
// only). These are rejected with advice instead of failing later as "damaged".
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** True when this sharp build can decode HEIF from a buffer at all. */
const heifReadable = sharp.format.heif.input.buffer;

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString('latin1', start, end) : '';
}

/** Brands of an ISO-BMFF `ftyp` box (major plus compatible), or null when the file does not start with one. */
function ftypBrands(bytes: Buffer): string[] | null {
  if (ascii(bytes, 4, 8) !== 'ftyp' || bytes.length < 16) return null;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/**
 * Format of `bytes` from its signature. GIF is rejected on purpose: it is a 256-colour animation format, never
 * what a camera writes, and its first frame is poor evidence. TIFF, BMP, PDF, SVG and PSD are rejected too:
 * they are not photos as taken, and turning them into one is a job for the source application.
 */
export function sniffImageFormat(bytes: Buffer): SniffResult {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { kind: 'accepted', format: 'jpeg' };
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'accepted', format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'accepted', format: 'webp' };
  const brands = ftypBrands(bytes);
  if (brands) {
    if (brands.some((b) => HEVC_BRANDS.has(b))) return { kind: 'rejected', label: 'HEIC' };
    if (brands.some((b) => AVIF_BRANDS.has(b)))
      return heifReadable ? { kind: 'accepted', format: 'avif' } : { kind: 'rejected', label: 'AVIF' };
    if (brands.includes('mif1') || brands.includes('msf1')) return { kind: 'rejected', label: 'HEIF' };
    return { kind: 'rejected', label: '视频' };
  }
  const head4 = ascii(bytes, 0, 4);
  if (head4 === 'GIF8') return { kind: 'rejected', label: 'GIF' };
  if (head4 === 'II*\0' || head4 === 'MM\0*') return { kind: 'rejected', label: 'TIFF' };
  if (head4 === '%PDF') return { kind: 'rejected', label: 'PDF' };
  if (head4 === '8BPS') return { kind: 'rejected', label: 'PSD' };
  if (ascii(bytes, 0, 2) === 'BM') return { kind: 'rejected', label: 'BMP' };
  const text = bytes.subarray(0, 256).toString('utf8').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg')))
    return { kind: 'rejected', label: 'SVG' };
  return { kind: 'unknown' };
}

/**
 * How to name an unrecognised file in the message: its extension when it has one (`.txt` → TXT), which is what
 * the inspector sees in the file picker; otherwise a plain description.
 */
export function unknownFormatLabel(originalName: string | null): string {
  const ext = originalName ? path.extname(originalName).slice(1) : '';
  return ext && /^[\p{L}\p{N}]{1,10}$/u.test(ext) ? ext.toUpperCase() : '无法识别的文件内容';
}
