/**
 * Photo evidence store: turns a photo the inspector picked or dropped into a downscaled, upright, metadata-free
 * JPEG plus a thumbnail in the data folder, content-addressed by the SHA-256 of the original, and reads them
 * back for the renderer and for reports, reporting a missing or altered file instead of throwing.
 *
 * Ingestion only touches the file system; the inspection module records the returned {@link IngestedPhoto} in
 * the `photos` table inside its own transaction, AFTER this has finished. A failed transaction therefore leaves
 * at most an unreferenced file, which is harmless (the next import of the same photo reuses it) and which
 * {@link findOrphanPhotos} finds. The opposite order could leave a row pointing at no file.
 */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { ServiceDeps } from '../context';
import { AppError } from '../errors';
import { contentPath, looksComplete, resolveStoredPath, sha256Hex, storedMime, writeFileAtomic } from './content-files';
import { readExifCaptureTime } from './exif-capture-time';
import {
  ACCEPTED_LABEL,
  ACCEPTED_MIME,
  sniffImageFormat,
  unknownFormatLabel,
  type AcceptedFormat,
} from './image-format';

export { findOrphanPhotos } from './content-files';

/** Longer side of the stored copy: sharp enough to read a fire-extinguisher gauge, small enough for reports. */
export const STORED_MAX_SIDE = 2048;
/** Longer side of the thumbnail shown in lists. */
export const THUMB_MAX_SIDE = 320;
/** JPEG quality of the stored copy. */
export const STORED_QUALITY = 82;
/** JPEG quality of the thumbnail (small and viewed small). */
export const THUMB_QUALITY = 78;
/** Largest accepted original file: above any phone or camera JPEG; keeps a stray video out of memory. */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
/**
 * Most pixels accepted in an original: 100 MP covers 108 MP phone sensors while refusing decompression bombs
 * (a few KB of PNG that would decode to gigabytes).
 */
export const MAX_INPUT_PIXELS = 100_000_000;

/** What ingestion needs from the service dependencies. */
export type PhotoStoreDeps = Pick<ServiceDeps, 'dataDir' | 'clock' | 'newId'>;

/** A photo to ingest: its bytes as picked or dropped, and the file name the inspector saw. */
export interface IngestPhotoInput {
  bytes: Buffer;
  originalName?: string;
}

/** Everything the `photos` table keeps about one ingested photo, plus whether its files already existed. */
export interface IngestedPhoto {
  /** New record id. When `deduplicated`, a row for this photo may already exist: look it up by `sha256Original`. */
  id: string;
  /** SHA-256 of the original bytes exactly as received: the evidence hash, and the content address. */
  sha256Original: string;
  /** SHA-256 of the stored JPEG, to detect later damage or tampering ({@link verifyPhoto}). */
  sha256Stored: string;
  /** Stored JPEG, relative to the data folder, `/`-separated. */
  storedPath: string;
  /** Thumbnail JPEG, relative to the data folder. */
  thumbPath: string;
  /** Stored copy's size in pixels, upright. */
  width: number;
  height: number;
  /** Original's size in pixels, upright (orientation applied), so it compares directly with width/height. */
  originalWidth: number;
  originalHeight: number;
  /** MIME type of the original. */
  originalMime: string;
  /** Size of the original file in bytes. */
  originalBytes: number;
  /** Size of the stored JPEG in bytes. */
  bytes: number;
  /** MIME type of the stored copy (always JPEG). */
  mime: 'image/jpeg';
  /** EXIF DateTimeOriginal as ISO 8601 with offset (assumed +08:00 when the camera gave none), or null. */
  capturedAt: string | null;
  /** EXIF orientation (1–8) that was applied to make the stored copy upright; 1 when none. */
  orientationApplied: number;
  /** When this ingestion happened, from the injected clock. */
  importedAt: string;
  /** File name as picked (no folders), or null. */
  originalName: string | null;
  /** True when the files for this original were already stored and were reused. */
  deduplicated: boolean;
}

/** Why a stored file could not be given back. */
export type PhotoFileProblem = 'missing' | 'mismatch' | 'corrupt' | 'unreadable' | 'invalid-path';

/** A stored file that could not be given back, with a message to show in place of the picture. */
export interface PhotoFileError {
  ok: false;
  problem: PhotoFileProblem;
  message: string;
}

/** Result of {@link readPhoto}. */
export type PhotoReadResult = { ok: true; bytes: Buffer; mime: 'image/jpeg' | 'image/png' } | PhotoFileError;

/** Result of {@link photoDataUrl}: plain data, safe to send to the renderer. */
export type PhotoDataUrlResult = { ok: true; dataUrl: string } | PhotoFileError;

/** Result of {@link verifyPhoto}. */
export type PhotoVerifyResult = { ok: true } | PhotoFileError;

function unsupported(label: string): AppError {
  const advice = label === 'HEIC' ? '；iPhone 照片请在"设置 > 相机 > 格式"中选择"兼容性最佳"，或先转换为 JPEG' : '';
  return new AppError('VALIDATION', `不支持的图片格式：${label}（支持 ${ACCEPTED_LABEL}${advice}）`);
}

const corrupt = (): AppError => new AppError('VALIDATION', '图片文件已损坏，无法读取');

/** The file name without any folder part, trimmed and bounded; null when nothing is left. */
function cleanName(name: string | undefined): string | null {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  return base ? base.slice(0, 255) : null;
}

// 'truncated' rather than sharp's default 'warning': phone JPEGs often carry harmless warnings (extraneous bytes
// before a marker) and display fine everywhere; refusing them would refuse real evidence. Truncation still fails.
const decodeOptions = { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS } as const;

interface OriginalInfo {
  format: AcceptedFormat;
  width: number;
  height: number;
  orientation: number;
  capturedAt: string | null;
}

/** Checks and describes the original: accepted format, decodable header, sane pixel count, orientation, EXIF time. */
async function inspectOriginal(bytes: Buffer, originalName: string | null): Promise<OriginalInfo> {
  if (bytes.length === 0) throw new AppError('VALIDATION', '图片文件为空');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new AppError(
      'VALIDATION',
      `图片文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），单张照片最多 ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
    );
  }
  const sniffed = sniffImageFormat(bytes);
  if (sniffed.kind === 'rejected') throw unsupported(sniffed.label);
  if (sniffed.kind === 'unknown') throw unsupported(unknownFormatLabel(originalName));
  let meta: sharp.Metadata;
  try {
    // Header only, so no pixel limit yet: the check below says "too many pixels" instead of "damaged".
    meta = await sharp(bytes, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  // A HEIF container with a generic brand can still hold HEVC pictures; only the header tells.
  if (meta.format === 'heif' && meta.compression !== 'av1') throw unsupported('HEIC');
  const { width, height } = meta;
  if (!width || !height) throw corrupt();
  if (width * height > MAX_INPUT_PIXELS) {
    throw new AppError(
      'VALIDATION',
      `图片像素过多（${width}×${height}），单张照片最多 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素`,
    );
  }
  const orientation = meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1;
  // Orientations 5–8 turn the picture a quarter turn, so upright width and height swap.
  const quarterTurn = orientation >= 5;
  return {
    format: sniffed.format,
    width: quarterTurn ? height : width,
    height: quarterTurn ? width : height,
    orientation,
    capturedAt: readExifCaptureTime(meta.exif),
  };
}

interface Rendition {
  stored: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Stored copy and thumbnail. Upright (EXIF orientation applied), at most STORED_MAX_SIDE and never enlarged,
 * transparency flattened onto white (JPEG has none, and black would hide what was photographed), converted to
 * sRGB through the embedded ICC profile, and written without any metadata: the record keeps the capture time,
 * and GPS positions and device serials must not travel with photos copied into reports. The thumbnail is made
 * from the stored copy, which is far cheaper than decoding the original a second time.
 */
async function render(bytes: Buffer): Promise<Rendition> {
  try {
    const { data: stored, info } = await sharp(bytes, decodeOptions)
      .autoOrient()
      .resize({ width: STORED_MAX_SIDE, height: STORED_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: STORED_QUALITY })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(stored)
      .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: THUMB_QUALITY })
      .toBuffer();
    return { stored, thumb, width: info.width, height: info.height };
  } catch {
    // The header was readable (inspectOriginal), so a failure here is damaged picture data.
    throw corrupt();
  }
}

/**
 * The already-stored copy of this original, when both its files are present and whole. A damaged leftover is
 * not reused: it is rewritten by the caller.
 */
async function existingRendition(
  dataDir: string,
  storedPath: string,
  thumbPath: string,
): Promise<{ stored: Buffer; width: number; height: number } | null> {
  const storedAbs = resolveStoredPath(dataDir, storedPath);
  const thumbAbs = resolveStoredPath(dataDir, thumbPath);
  if (!storedAbs || !thumbAbs) return null;
  try {
    const [stored, thumb] = await Promise.all([fs.readFile(storedAbs), fs.readFile(thumbAbs)]);
    if (!looksComplete(stored, 'image/jpeg') || !looksComplete(thumb, 'image/jpeg')) return null;
    const meta = await sharp(stored).metadata();
    return meta.width && meta.height ? { stored, width: meta.width, height: meta.height } : null;
  } catch {
    return null;
  }
}

/**
 * Stores a photo for the evidence record; see the module comment for how it pairs with the database. Throws
 * AppError('VALIDATION') with a Chinese message for unsupported, empty, oversized or damaged images, and
 * AppError('INTERNAL') with a Chinese message when the data folder cannot be written. The work runs on
 * libuv's thread pool, not the main thread; a 12 MP photo holds ~40 MB of pixels while it does, so callers
 * ingesting a multi-file drop should do it one photo at a time rather than all at once.
 */
export async function ingestPhoto(deps: PhotoStoreDeps, input: IngestPhotoInput): Promise<IngestedPhoto> {
  const originalName = cleanName(input.originalName);
  const original = await inspectOriginal(input.bytes, originalName);
  const importedAt = deps.clock().toISOString();
  const id = deps.newId();
  const sha256Original = sha256Hex(input.bytes);
  const storedPath = contentPath('photos', sha256Original, '.jpg');
  const thumbPath = contentPath('photos', sha256Original, '.thumb.jpg');
  const base = {
    id,
    sha256Original,
    storedPath,
    thumbPath,
    originalWidth: original.width,
    originalHeight: original.height,
    originalMime: ACCEPTED_MIME[original.format],
    originalBytes: input.bytes.length,
    mime: 'image/jpeg' as const,
    capturedAt: original.capturedAt,
    orientationApplied: original.orientation,
    importedAt,
    originalName,
  };

  const existing = await existingRendition(deps.dataDir, storedPath, thumbPath);
  if (existing) {
    return {
      ...base,
      sha256Stored: sha256Hex(existing.stored),
      width: existing.width,
      height: existing.height,
      bytes: existing.stored.length,
      deduplicated: true,
    };
  }

  const rendition = await render(input.bytes);
  const storedAbs = resolveStoredPath(deps.dataDir, storedPath);
  const thumbAbs = resolveStoredPath(deps.dataDir, thumbPath);
  if (!storedAbs || !thumbAbs) throw new AppError('INTERNAL', '照片保存失败：存储路径异常');
  // Thumbnail first: the stored copy is what a record is really about, so it is the last thing to appear.
  await writeFileAtomic(thumbAbs, rendition.thumb, id);
  await writeFileAtomic(storedAbs, rendition.stored, id);
  return {
    ...base,
    sha256Stored: sha256Hex(rendition.stored),
    width: rendition.width,
    height: rendition.height,
    bytes: rendition.stored.length,
    deduplicated: false,
  };
}

function problem(kind: PhotoFileProblem, storedPath: string): PhotoFileError {
  const messages: Record<PhotoFileProblem, string> = {
    missing: `照片文件丢失（可能已被移动或删除）：${storedPath}`,
    mismatch: `照片文件与登记时的内容不一致，可能已被修改或损坏：${storedPath}`,
    corrupt: `照片文件不完整或已损坏：${storedPath}`,
    unreadable: `无法读取照片文件，请检查数据文件夹的权限：${storedPath}`,
    'invalid-path': `照片存储路径无效：${storedPath}`,
  };
  return { ok: false, problem: kind, message: messages[kind] };
}

/**
 * Bytes of a stored photo, thumbnail or signature. Checks that the file is whole and, when `expectedSha256` is
 * given (the record's `sha256Stored`), that it is exactly what was stored. Never throws: a problem comes back as
 * `{ok:false, problem, message}` for the caller to show in place of the picture.
 */
export async function readPhoto(
  dataDir: string,
  storedPath: string,
  expectedSha256?: string,
): Promise<PhotoReadResult> {
  const abs = resolveStoredPath(dataDir, storedPath);
  if (!abs) return problem('invalid-path', storedPath);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    return problem(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', storedPath);
  }
  if (expectedSha256 !== undefined && sha256Hex(bytes) !== expectedSha256.toLowerCase())
    return problem('mismatch', storedPath);
  const mime = storedMime(storedPath);
  if (!looksComplete(bytes, mime)) return problem('corrupt', storedPath);
  return { ok: true, bytes, mime };
}

/** A stored photo, thumbnail or signature as a `data:` URL for an `<img>` in the renderer; see {@link readPhoto}. */
export async function photoDataUrl(
  dataDir: string,
  storedPath: string,
  expectedSha256?: string,
): Promise<PhotoDataUrlResult> {
  const read = await readPhoto(dataDir, storedPath, expectedSha256);
  return read.ok ? { ok: true, dataUrl: `data:${read.mime};base64,${read.bytes.toString('base64')}` } : read;
}

/**
 * Re-hashes a stored file against the hash recorded when it was stored (`sha256Stored` of a photo, `sha256`
 * of a signature): whether the evidence on disk is still exactly what was recorded.
 */
export async function verifyPhoto(
  dataDir: string,
  storedPath: string,
  sha256Stored: string,
): Promise<PhotoVerifyResult> {
  const read = await readPhoto(dataDir, storedPath, sha256Stored);
  return read.ok ? { ok: true } : read;
}
