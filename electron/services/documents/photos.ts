import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { photos } from '../../../db/schema';
import type { ServiceDeps } from '../context';
import { readPhoto } from '../photos/photo-store';

/** A photo read for a document: its bytes, or why it could not be read (printed as a captioned placeholder). */
export interface DocumentPhoto {
  bytes: Buffer | null;
  missing: string | null;
}

/**
 * Reads photos for a document and remembers where each came from, so the issued document can be rendered again
 * from its stored data (photos are kept there as references, not bytes).
 */
export class PhotoLoader {
  /** SHA-256 of the bytes → stored path, for every photo read. */
  readonly images = new Map<string, string>();
  private readonly deps: ServiceDeps;
  private rows = new Map<string, typeof photos.$inferSelect>();

  constructor(deps: ServiceDeps) {
    this.deps = deps;
  }

  /** Loads the photo rows of `ids` in one query (call before {@link read}). */
  prepare(ids: readonly string[]): void {
    const missing = [...new Set(ids)].filter((id) => !this.rows.has(id));
    for (let i = 0; i < missing.length; i += 500) {
      for (const row of this.deps.db
        .select()
        .from(photos)
        .where(inArray(photos.id, missing.slice(i, i + 500)))
        .all())
        this.rows.set(row.id, row);
    }
  }

  /** Bytes of any stored picture (a signature) by path and stored hash; a problem becomes a placeholder text. */
  async readStored(storedPath: string | null, sha256: string | null): Promise<DocumentPhoto> {
    if (!storedPath) return { bytes: null, missing: '图像缺失' };
    const result = await readPhoto(this.deps.dataDir, storedPath, sha256 ?? undefined);
    if (!result.ok)
      return { bytes: null, missing: result.problem === 'missing' ? '图像文件缺失' : '图像文件已损坏或被改动' };
    this.images.set(createHash('sha256').update(result.bytes).digest('hex'), storedPath);
    return { bytes: result.bytes, missing: null };
  }

  /** The bytes of one photo; a missing, damaged or unknown photo becomes a placeholder text, never an error. */
  async read(photoId: string): Promise<DocumentPhoto> {
    if (!this.rows.has(photoId)) this.prepare([photoId]);
    const row = this.rows.get(photoId);
    if (!row) return { bytes: null, missing: '照片记录不存在' };
    const result = await readPhoto(this.deps.dataDir, row.storedPath, row.sha256Stored);
    if (!result.ok)
      return { bytes: null, missing: result.problem === 'missing' ? '照片文件缺失' : '照片文件已损坏或被改动' };
    this.images.set(createHash('sha256').update(result.bytes).digest('hex'), row.storedPath);
    return { bytes: result.bytes, missing: null };
  }
}
