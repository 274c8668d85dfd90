import { and, eq, max } from 'drizzle-orm';
import { inspectionPhotos, inspectionSignatures, inspectors } from '../../../db/schema';
import { photos } from '../../../db/schema/photos';
import type { ChannelParsedInput, InspectionPhoto, InspectionSignature, PictureData } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { decodePhotoBase64, photoRowFor } from '../photos/photo-records';
import { ingestPhoto, photoDataUrl } from '../photos/photo-store';
import { saveSignature } from '../photos/signature-store';
import { requireInProgress, requireItem } from './answers';
import { inspectionRow, listInspectionPhotos, listSignatures, listTeam } from './records';

/**
 * `inspections:add-photo`: the files are written first (content-addressed, so a failed transaction leaves only a
 * harmless orphan), then the photo record and its link to the item in one transaction with the audit record.
 * Attaching the same photo twice to the same item and role changes nothing and answers the existing link.
 */
export async function addPhoto(
  ctx: CallContext,
  input: ChannelParsedInput<'inspections:add-photo'>,
): Promise<InspectionPhoto> {
  const actor = ctx.actor();
  const { sqlite } = ctx.deps;
  // Fail fast before the slow part: a locked inspection or an unknown item should not cost an image decode.
  requireInProgress(sqlite, input.inspectionId);
  if (input.itemKey !== null) requireItem(sqlite, input.inspectionId, input.itemKey);
  const ingested = await ingestPhoto(ctx.deps, {
    bytes: decodePhotoBase64(input.base64),
    ...(input.fileName ? { originalName: input.fileName } : {}),
  });
  const linkId = inTransaction(ctx.deps, () => {
    requireInProgress(sqlite, input.inspectionId);
    const photoId = photoRowFor(ctx.deps, ingested, actor.id ?? '').id;
    const sameItem = input.itemKey === null ? undefined : input.itemKey;
    const duplicate = ctx.deps.db
      .select({ id: inspectionPhotos.id, itemKey: inspectionPhotos.itemKey })
      .from(inspectionPhotos)
      .where(
        and(
          eq(inspectionPhotos.inspectionId, input.inspectionId),
          eq(inspectionPhotos.photoId, photoId),
          eq(inspectionPhotos.role, input.role),
        ),
      )
      .all()
      .find((p) => (p.itemKey ?? undefined) === sameItem);
    if (duplicate) return duplicate.id;
    const last = ctx.deps.db
      .select({ n: max(inspectionPhotos.sortOrder) })
      .from(inspectionPhotos)
      .where(eq(inspectionPhotos.inspectionId, input.inspectionId))
      .get();
    const row: typeof inspectionPhotos.$inferInsert = {
      id: ctx.deps.newId(),
      inspectionId: input.inspectionId,
      itemKey: input.itemKey,
      photoId,
      role: input.role,
      caption: input.caption ?? null,
      sortOrder: (last?.n ?? 0) + 1,
      createdAt: ctx.now(),
      createdById: actor.id ?? '',
    };
    ctx.deps.db.insert(inspectionPhotos).values(row).run();
    recordChange(
      ctx,
      {
        entity: 'inspection-photo',
        entityId: row.id,
        action: 'create',
        after: {
          inspectionId: row.inspectionId,
          itemKey: row.itemKey,
          photoId,
          role: row.role,
          caption: row.caption,
          sha256Original: ingested.sha256Original,
          originalName: ingested.originalName,
          capturedAt: ingested.capturedAt,
        },
      },
      actor,
    );
    return row.id;
  });
  const photo = listInspectionPhotos(ctx.deps, input.inspectionId).find((p) => p.id === linkId);
  if (!photo) throw notFound('照片');
  return photo;
}

/** `inspections:remove-photo`: unlinks a photo from an inspection in progress (the stored file stays: evidence). */
export function removePhoto(ctx: CallContext, inspectionPhotoId: string): { removed: boolean } {
  return inTransaction(ctx.deps, () => {
    const link = ctx.deps.db.select().from(inspectionPhotos).where(eq(inspectionPhotos.id, inspectionPhotoId)).get();
    if (!link) throw notFound('照片');
    requireInProgress(ctx.deps.sqlite, link.inspectionId);
    ctx.deps.db.delete(inspectionPhotos).where(eq(inspectionPhotos.id, inspectionPhotoId)).run();
    recordChange(ctx, { entity: 'inspection-photo', entityId: link.id, action: 'remove', before: link });
    return { removed: true };
  });
}

/** `inspections:photo-data`: thumbnail or stored copy as a data URL; a missing or damaged file is reported. */
export async function photoData(deps: ServiceDeps, photoId: string, variant: 'thumb' | 'full'): Promise<PictureData> {
  const row = deps.db.select().from(photos).where(eq(photos.id, photoId)).get();
  if (!row) throw notFound('照片');
  return variant === 'thumb'
    ? photoDataUrl(deps.dataDir, row.thumbPath)
    : photoDataUrl(deps.dataDir, row.storedPath, row.sha256Stored);
}

const REPRESENTATIVE = 'representative';

function upsertSignature(ctx: CallContext, row: typeof inspectionSignatures.$inferInsert): InspectionSignature {
  const before = ctx.deps.db
    .select()
    .from(inspectionSignatures)
    .where(
      and(eq(inspectionSignatures.inspectionId, row.inspectionId), eq(inspectionSignatures.signerKey, row.signerKey)),
    )
    .get();
  if (before) ctx.deps.db.delete(inspectionSignatures).where(eq(inspectionSignatures.id, before.id)).run();
  ctx.deps.db.insert(inspectionSignatures).values(row).run();
  const { recordedById: _by, ...after } = row;
  recordChange(ctx, {
    entity: 'inspection-signature',
    entityId: row.id,
    action: row.refused ? 'refuse' : before ? 'replace' : 'sign',
    before: before ? { signerKey: before.signerKey, refused: before.refused, sha256: before.sha256 } : undefined,
    after,
  });
  const saved = listSignatures(ctx.deps, row.inspectionId).find((s) => s.signerKey === row.signerKey);
  if (!saved) throw notFound('签名');
  return saved;
}

/**
 * `inspections:sign`: stores a signature drawn on the canvas (PNG, content-addressed, written first) and records
 * it for one inspector of the team or for the representative; signing again replaces the earlier drawing.
 */
export async function sign(
  ctx: CallContext,
  input: ChannelParsedInput<'inspections:sign'>,
): Promise<InspectionSignature> {
  const actor = ctx.actor();
  requireInProgress(ctx.deps.sqlite, input.inspectionId);
  const row = inspectionRow(ctx.deps, input.inspectionId);
  let signerName = row.representativeName;
  if (input.signer.role === 'inspector') {
    const inspectorId = input.signer.inspectorId;
    const member = listTeam(ctx.deps, input.inspectionId).find((t) => t.id === inspectorId);
    if (!member) {
      const known = ctx.deps.db
        .select({ name: inspectors.name })
        .from(inspectors)
        .where(eq(inspectors.id, inspectorId))
        .get();
      throw new AppError('VALIDATION', `${known?.name ?? '该人员'}不是本次检查的检查人员，不能签名`);
    }
    signerName = member.name;
  }
  const stored = await saveSignature(ctx.deps, { pngDataUrl: input.pngDataUrl });
  return inTransaction(ctx.deps, () => {
    requireInProgress(ctx.deps.sqlite, input.inspectionId);
    return upsertSignature(ctx, {
      id: stored.id,
      inspectionId: input.inspectionId,
      signerKey: input.signer.role === 'inspector' ? input.signer.inspectorId : REPRESENTATIVE,
      role: input.signer.role,
      inspectorId: input.signer.role === 'inspector' ? input.signer.inspectorId : null,
      signerName,
      storedPath: stored.storedPath,
      sha256: stored.sha256,
      signedAt: ctx.now(),
      refused: false,
      refusalReason: null,
      witnessName: null,
      recordedById: actor.id ?? '',
    });
  });
}

/** `inspections:refuse-signature`: the representative refuses to sign; the reason and a witness are recorded. */
export function refuseSignature(
  ctx: CallContext,
  input: ChannelParsedInput<'inspections:refuse-signature'>,
): InspectionSignature {
  const actor = ctx.actor();
  return inTransaction(ctx.deps, () => {
    requireInProgress(ctx.deps.sqlite, input.inspectionId);
    const row = inspectionRow(ctx.deps, input.inspectionId);
    return upsertSignature(ctx, {
      id: ctx.deps.newId(),
      inspectionId: input.inspectionId,
      signerKey: REPRESENTATIVE,
      role: 'representative',
      inspectorId: null,
      signerName: row.representativeName,
      storedPath: null,
      sha256: null,
      signedAt: ctx.now(),
      refused: true,
      refusalReason: input.reason,
      witnessName: input.witnessName,
      recordedById: actor.id ?? '',
    });
  });
}

/** `inspections:signature-data`: a signature drawing as a data URL, checked against its recorded hash. */
export async function signatureData(deps: ServiceDeps, inspectionId: string, signerKey: string): Promise<PictureData> {
  const row = deps.db
    .select()
    .from(inspectionSignatures)
    .where(and(eq(inspectionSignatures.inspectionId, inspectionId), eq(inspectionSignatures.signerKey, signerKey)))
    .get();
  if (!row) throw notFound('签名');
  if (!row.storedPath || !row.sha256) {
    return {
      ok: false,
      problem: 'refused',
      message: `拒签：${row.refusalReason ?? ''}（见证人：${row.witnessName ?? ''}）`,
    };
  }
  return photoDataUrl(deps.dataDir, row.storedPath, row.sha256);
}
