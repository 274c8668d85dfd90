/**
 * Photos of the 整改报告 and the 复查: the institution's after-photos and documents, uploaded before the form is
 * saved. As in the inspection module, the files are written first (content-addressed, so a failed transaction
 * leaves only a harmless orphan), then the `photos` row in one transaction with its audit record; the form then
 * links the photo ids to its history entry.
 */
import { eq } from 'drizzle-orm';
import { photos } from '../../../db/schema/photos';
import type { ChannelParsedInput, PictureData } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { decodePhotoBase64, photoRowFor } from '../photos/photo-records';
import { ingestPhoto, photoDataUrl, type IngestedPhoto } from '../photos/photo-store';

/** Inserts the `photos` row of an ingested photo (audited), or answers the existing row of the same original. */
function storePhotoRow(ctx: CallContext, ingested: IngestedPhoto): string {
  const actor = ctx.actor();
  const row = photoRowFor(ctx.deps, ingested, actor.id ?? '');
  if (!row.isNew) return row.id;
  recordChange(
    ctx,
    {
      entity: 'photo',
      entityId: ingested.id,
      action: 'upload-hazard',
      after: {
        sha256Original: ingested.sha256Original,
        originalName: ingested.originalName,
        capturedAt: ingested.capturedAt,
        width: ingested.width,
        height: ingested.height,
      },
    },
    actor,
  );
  return ingested.id;
}

/** `hazards:upload-photo`: ingests one photo, stores its row (the same original twice gives the same id). */
export async function uploadHazardPhoto(
  ctx: CallContext,
  input: ChannelParsedInput<'hazards:upload-photo'>,
): Promise<{ photoId: string; thumbDataUrl: string }> {
  ctx.actor();
  const ingested = await ingestPhoto(ctx.deps, {
    bytes: decodePhotoBase64(input.base64),
    ...(input.fileName ? { originalName: input.fileName } : {}),
  });
  const photoId = inTransaction(ctx.deps, () => storePhotoRow(ctx, ingested));
  const thumb = await hazardPhotoData(ctx.deps, photoId, true);
  if (!thumb.ok) throw new AppError('INTERNAL', `照片已保存，但缩略图无法读取：${thumb.message}`);
  return { photoId, thumbDataUrl: thumb.dataUrl };
}

/** `hazards:photo-data`: thumbnail or stored copy as a data URL; a missing or damaged file is reported in Chinese. */
export async function hazardPhotoData(deps: ServiceDeps, photoId: string, thumb: boolean): Promise<PictureData> {
  const row = deps.db.select().from(photos).where(eq(photos.id, photoId)).get();
  if (!row) throw notFound('照片');
  return thumb
    ? photoDataUrl(deps.dataDir, row.thumbPath)
    : photoDataUrl(deps.dataDir, row.storedPath, row.sha256Stored);
}
