import { eq } from 'drizzle-orm';
import { photos } from '../../../db/schema/photos';
import type { ServiceDeps } from '../context';
import { AppError } from '../errors';
import type { IngestedPhoto } from './photo-store';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 strictly: Buffer.from silently drops bad characters, which would turn garbage into "a photo". */
export function decodePhotoBase64(base64: string): Buffer {
  const clean = base64.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean))
    throw new AppError('VALIDATION', '图片数据格式不正确，请重新选择照片');
  return Buffer.from(clean, 'base64');
}

/**
 * The `photos` row of an ingested photo: the existing row for the same original (photos are stored once), or a
 * new one. Call inside the caller's transaction; `isNew` tells the caller whether there is a change to audit.
 */
export function photoRowFor(deps: ServiceDeps, ingested: IngestedPhoto, actorId: string): { id: string; isNew: boolean } {
  const existing = deps.db
    .select({ id: photos.id })
    .from(photos)
    .where(eq(photos.sha256Original, ingested.sha256Original))
    .get();
  if (existing) return { id: existing.id, isNew: false };
  deps.db
    .insert(photos)
    .values({
      id: ingested.id,
      sha256Original: ingested.sha256Original,
      sha256Stored: ingested.sha256Stored,
      storedPath: ingested.storedPath,
      thumbPath: ingested.thumbPath,
      width: ingested.width,
      height: ingested.height,
      originalWidth: ingested.originalWidth,
      originalHeight: ingested.originalHeight,
      originalMime: ingested.originalMime,
      originalBytes: ingested.originalBytes,
      bytes: ingested.bytes,
      mime: ingested.mime,
      capturedAt: ingested.capturedAt,
      orientationApplied: ingested.orientationApplied,
      originalName: ingested.originalName,
      importedAt: ingested.importedAt,
      importedBy: actorId,
    })
    .run();
  return { id: ingested.id, isNew: true };
}
