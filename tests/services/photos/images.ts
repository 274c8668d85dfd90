import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { createFixedClock } from '../../../electron/services/clock';
import { createSeededIdSource } from '../../../electron/services/ids';
import type { PhotoStoreDeps } from '../../../electron/services/photos/photo-store';

/** A temp data folder with a fixed clock and seeded ids, and a way to remove it. */
export function tempStore(): PhotoStoreDeps & { dispose: () => void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-photos-'));
  const clock = createFixedClock(new Date('2026-04-01T02:00:00Z'), 1000);
  return {
    dataDir,
    clock,
    newId: createSeededIdSource(6, clock),
    dispose: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Every file under a folder, relative, `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * A white JPEG with a red block in its top-left corner (a quarter of each side), so where that corner ends up
 * shows how the picture was turned. `exif` adds tags (e.g. DateTimeOriginal); `orientation` sets the EXIF
 * Orientation tag without turning the pixels, as a camera held sideways does.
 */
export async function markedJpeg(
  width: number,
  height: number,
  opts: { orientation?: number; exif?: Record<string, Record<string, string>> } = {},
): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite([
    {
      input: {
        create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: '#ff0000' },
      },
      left: 0,
      top: 0,
    },
  ]);
  if (opts.exif) image = image.withExif(opts.exif);
  if (opts.orientation) image = image.withMetadata({ orientation: opts.orientation });
  return image.jpeg({ quality: 90 }).toBuffer();
}

/** RGB of one pixel of an image. */
export async function pixel(bytes: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

/** True when an RGB triple is clearly red / clearly white (JPEG shifts colours a little). */
export const isRed = ([r, g, b]: [number, number, number]): boolean => r > 200 && g < 60 && b < 60;
export const isWhite = ([r, g, b]: [number, number, number]): boolean => r > 230 && g > 230 && b > 230;

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A tiny PNG file whose header claims `width`×`height` (a decompression bomb's header): readable metadata,
 * without allocating the pixels.
 */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
