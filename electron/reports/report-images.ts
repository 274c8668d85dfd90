import sharp from 'sharp';

/**
 * Longest side of a photo printed in a report: two per row are ~75 mm wide, so 800 px is ~270 dpi, more than
 * print needs. Half of a phone's 1600 px, which lets libjpeg decode at half scale (shrink-on-load): ~3× faster.
 */
export const REPORT_PHOTO_MAX_SIDE = 800;

/**
 * Shrinks photos for documents that print many of them (a joint report of 200 photos would be 60 MB with the
 * stored 2048-px JPEGs). Deterministic for the same bytes, so an issued report renders again to the same file.
 * Runs the photos in parallel on sharp's thread pool; a photo that cannot be decoded becomes null.
 */
export async function shrinkPhotos(
  photos: readonly (Buffer | null)[],
  maxSide = REPORT_PHOTO_MAX_SIDE,
): Promise<(Buffer | null)[]> {
  return Promise.all(
    photos.map(async (bytes) => {
      if (!bytes) return null;
      try {
        return await sharp(bytes, { failOn: 'none' })
          .rotate()
          .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 72, mozjpeg: false })
          .toBuffer();
      } catch {
        return null;
      }
    }),
  );
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/**
 * PNGs with an alpha channel (signatures drawn on a canvas) flattened onto white, as PNGs without alpha. pdfkit
 * splits an alpha channel asynchronously, so two such images could be written in either order and the same
 * document would not always give the same bytes; without alpha it embeds them synchronously, in order.
 */
export async function flattenPngs(images: readonly (Buffer | null)[]): Promise<(Buffer | null)[]> {
  return Promise.all(
    images.map(async (bytes) => {
      if (!bytes || !bytes.subarray(0, 4).equals(PNG_SIGNATURE)) return bytes;
      try {
        return await sharp(bytes).flatten({ background: '#ffffff' }).removeAlpha().png().toBuffer();
      } catch {
        return null;
      }
    }),
  );
}
