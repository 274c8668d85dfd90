/**
 * Content-addressed files in the data folder: where a hash lives, how it is written without ever leaving half a
 * file, and how a stored relative path is turned back into an absolute one safely.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';

/** Top-level folders of the data folder this store owns. */
export const CONTENT_ROOTS = ['photos', 'signatures'] as const;

/** One of {@link CONTENT_ROOTS}. */
export type ContentRoot = (typeof CONTENT_ROOTS)[number];

/** Suffix of files being written; they only exist between write and rename (or after a crash in between). */
export const TEMP_SUFFIX = '.tmp';

// The only shape a stored path may have. Checked before any path leaves the data folder's namespace, so a
// tampered database row cannot make the app read (and send to the renderer) an arbitrary file.
const STORED_PATH = /^(photos|signatures)\/([0-9a-f]{2})\/([0-9a-f]{64})(\.thumb)?\.(jpg|png)$/;

/** SHA-256 of bytes, lowercase hex. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Relative path (always `/`-separated, so records move between Windows and other systems) of a content file:
 * `photos/ab/ab12….jpg`. The two-character fan-out keeps any one folder small enough for Explorer.
 */
export function contentPath(root: ContentRoot, hash: string, suffix: '.jpg' | '.thumb.jpg' | '.png'): string {
  return `${root}/${hash.slice(0, 2)}/${hash}${suffix}`;
}

/** True when `storedPath` has the shape this store writes (root, fan-out folder, hash, known suffix). */
export function isStoredPath(storedPath: string): boolean {
  const m = STORED_PATH.exec(storedPath);
  return m !== null && m[2] === m[3]?.slice(0, 2);
}

/** Absolute path of a stored file, or null when the relative path is not one this store could have written. */
export function resolveStoredPath(dataDir: string, storedPath: string): string | null {
  return isStoredPath(storedPath) ? path.join(dataDir, ...storedPath.split('/')) : null;
}

/** MIME type of a stored path, from its extension. */
export function storedMime(storedPath: string): 'image/jpeg' | 'image/png' {
  return storedPath.endsWith('.png') ? 'image/png' : 'image/jpeg';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Cheap structural check of a file this store wrote: a JPEG starts with SOI and ends with EOI, a PNG starts
 * with its signature and ends with IEND. Catches truncation (the usual damage: a copy to a full disk, a sync
 * tool) without decoding; a full check is comparing the hash with {@link sha256Hex}.
 */
export function looksComplete(bytes: Buffer, mime: 'image/jpeg' | 'image/png'): boolean {
  if (mime === 'image/png') {
    return (
      bytes.length > PNG_SIGNATURE.length + PNG_IEND.length &&
      bytes.subarray(0, 8).equals(PNG_SIGNATURE) &&
      bytes.subarray(-12).equals(PNG_IEND)
    );
  }
  return (
    bytes.length > 4 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    bytes[bytes.length - 2] === 0xff &&
    bytes[bytes.length - 1] === 0xd9
  );
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Turns a file-system failure while saving into a message the inspector can act on. */
function writeFailure(error: unknown): AppError {
  const code = errnoCode(error);
  if (code === 'ENOSPC') return new AppError('INTERNAL', '照片保存失败：磁盘空间不足，请清理磁盘后重试');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('INTERNAL', '照片保存失败：数据文件夹不可写，请检查文件夹权限');
  return new AppError('INTERNAL', '照片保存失败：无法写入数据文件夹，请重试');
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX. Windows cannot open a directory for syncing (NTFS journals the
  // rename), so failing here is expected there and harmless.
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // See above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `bytes` to `absPath` so that the path either does not exist or holds all of them: write to a temp file
 * in the same folder (same volume, so rename is atomic), fsync, rename over the target, fsync the folder.
 * `tempTag` makes the temp name unique per writer. Since targets are content-addressed, a concurrent writer of
 * the same path writes the same bytes, so whichever rename lands last is equally right.
 */
export async function writeFileAtomic(absPath: string, bytes: Buffer, tempTag: string): Promise<void> {
  const dir = path.dirname(absPath);
  const temp = path.join(dir, `.${path.basename(absPath)}.${tempTag}${TEMP_SUFFIX}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, absPath);
    } catch (error) {
      // Windows refuses to replace a file another process holds open. If the target already holds these exact
      // bytes (same content address), the write has in effect happened; anything else is a real failure.
      const current = await fs.readFile(absPath).catch(() => null);
      if (!current?.equals(bytes)) throw error;
      await fs.rm(temp, { force: true });
    }
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw writeFailure(error);
  }
  await syncDirectory(dir);
}

/**
 * Every file under the store's folders that is not in `knownPaths` (stored and thumbnail paths of all photo and
 * signature rows), plus temp files a crash left behind; relative `/` paths, sorted.
 *
 * Why orphans exist at all: ingestion writes files BEFORE the database transaction that records them, so a failed
 * or rolled-back transaction leaves a file nobody references. That is harmless (content-addressed: re-importing
 * the photo reuses it) and this finds them for cleanup. Run it when no ingestion is in flight (e.g. at startup),
 * since an ingestion's files are unknown to the database until its transaction commits.
 */
export async function findOrphanPhotos(dataDir: string, knownPaths: Iterable<string>): Promise<string[]> {
  const known = new Set(knownPaths);
  const orphans: string[] = [];
  for (const root of CONTENT_ROOTS) {
    const rootDir = path.join(dataDir, root);
    const buckets = await fs.readdir(rootDir, { withFileTypes: true }).catch(() => []);
    for (const bucket of buckets) {
      if (!bucket.isDirectory()) {
        orphans.push(`${root}/${bucket.name}`);
        continue;
      }
      const files = await fs.readdir(path.join(rootDir, bucket.name), { withFileTypes: true }).catch(() => []);
      for (const file of files) {
        const rel = `${root}/${bucket.name}/${file.name}`;
        if (!file.isFile() || !known.has(rel)) orphans.push(rel);
      }
    }
  }
  return orphans.sort();
}
