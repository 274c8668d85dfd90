/**
 * Signatures drawn on the finish screen's canvas, stored like photos (content-addressed, atomic) but byte for
 * byte as received: the PNG is what the signer saw, and its hash is the hash of the stored file.
 */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { ServiceDeps } from '../context';
import { AppError } from '../errors';
import { contentPath, looksComplete, resolveStoredPath, sha256Hex, writeFileAtomic } from './content-files';

/** Largest accepted signature PNG. A full-screen canvas signature is 20–200 KB; this leaves ample room. */
export const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;
/** Accepted canvas size range per side, in pixels (a 4K screen at 2× is still under the maximum). */
export const SIGNATURE_MIN_SIDE = 16;
export const SIGNATURE_MAX_SIDE = 8192;
const DATA_URL_PREFIX = 'data:image/png;base64,';

/** What signature storage needs from the service dependencies. */
export type SignatureStoreDeps = Pick<ServiceDeps, 'dataDir' | 'newId'>;

/** A stored signature. */
export interface StoredSignature {
  id: string;
  /** SHA-256 of the stored PNG (identical to the received one). */
  sha256: string;
  /** Relative to the data folder, e.g. `signatures/ab/ab12….png`. */
  storedPath: string;
  width: number;
  height: number;
  /** Size of the PNG in bytes. */
  bytes: number;
  /** True when the same signature image was already stored. */
  deduplicated: boolean;
}

const invalid = (message: string): AppError => new AppError('VALIDATION', message);

/** Decoded PNG bytes of a canvas `toDataURL('image/png')` result, or a VALIDATION error. */
function decodeDataUrl(pngDataUrl: string): Buffer {
  if (typeof pngDataUrl !== 'string' || !pngDataUrl.startsWith(DATA_URL_PREFIX))
    throw invalid('签名数据格式不正确，应为 PNG 图片');
  const base64 = pngDataUrl.slice(DATA_URL_PREFIX.length);
  // Check the length before decoding so an absurd input costs nothing; base64 is 4 characters per 3 bytes.
  if (base64.length > Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4)
    throw invalid(`签名图片过大，最多 ${MAX_SIGNATURE_BYTES / 1024 / 1024} MB`);
  // Buffer.from silently skips invalid characters, so validate strictly first.
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
    throw invalid('签名数据格式不正确，应为 PNG 图片');
  const png = Buffer.from(base64, 'base64');
  if (!looksComplete(png, 'image/png')) throw invalid('签名图片已损坏，无法读取');
  return png;
}

/**
 * Validates and stores a signature drawn on a canvas. Rejects anything but a PNG data URL, oversized or
 * odd-sized images, damaged PNGs and an empty canvas (one colour everywhere: nothing was drawn) with Chinese
 * VALIDATION messages.
 */
export async function saveSignature(deps: SignatureStoreDeps, input: { pngDataUrl: string }): Promise<StoredSignature> {
  const png = decodeDataUrl(input.pngDataUrl);
  let width: number;
  let height: number;
  let blank: boolean;
  try {
    const image = sharp(png, { failOn: 'truncated', limitInputPixels: SIGNATURE_MAX_SIDE * SIGNATURE_MAX_SIDE });
    const meta = await image.metadata();
    if (meta.format !== 'png') throw invalid('签名数据格式不正确，应为 PNG 图片');
    width = meta.width ?? 0;
    height = meta.height ?? 0;
    if (
      width < SIGNATURE_MIN_SIDE ||
      height < SIGNATURE_MIN_SIDE ||
      width > SIGNATURE_MAX_SIDE ||
      height > SIGNATURE_MAX_SIDE
    ) {
      throw invalid(`签名图片尺寸异常（${width}×${height}）`);
    }
    const stats = await image.stats();
    blank = stats.channels.every((c) => c.min === c.max);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('签名图片已损坏，无法读取');
  }
  if (blank) throw invalid('签名为空，请重新签名');

  const sha256 = sha256Hex(png);
  const storedPath = contentPath('signatures', sha256, '.png');
  const abs = resolveStoredPath(deps.dataDir, storedPath);
  if (!abs) throw new AppError('INTERNAL', '签名保存失败：存储路径异常');
  const id = deps.newId();
  // Same bytes, same name: an existing whole file is this signature already.
  const existing = await fs.readFile(abs).catch(() => null);
  const deduplicated = existing !== null && existing.equals(png);
  if (!deduplicated) await writeFileAtomic(abs, png, id);
  return { id, sha256, storedPath, width, height, bytes: png.length, deduplicated };
}
