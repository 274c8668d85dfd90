import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource } from '../../electron/services/ids';
import { ingestPhoto, type IngestedPhoto } from '../../electron/services/photos/photo-store';
import { median, timeMsAsync, type BenchSuite } from '../harness';

const WIDTH = 4000;
const HEIGHT = 3000;
const RUNS = 7;

/**
 * A deterministic 12-megapixel phone-like JPEG: smooth gradients with seeded sensor-like noise (a flat colour
 * would compress and decode unrealistically fast), quality 92, held upright (EXIF Orientation 6, so ingestion
 * pays for the turn as it does for most phone photos) and dated by DateTimeOriginal.
 */
async function phonePhoto(): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let state = 0x2545f491;
  for (let y = 0, i = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      // xorshift32 noise, ±16 levels around a gradient.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const noise = (state & 31) - 16;
      raw[i++] = Math.max(0, Math.min(255, ((x * 255) / WIDTH + noise) | 0));
      raw[i++] = Math.max(0, Math.min(255, ((y * 255) / HEIGHT + noise) | 0));
      raw[i++] = Math.max(0, Math.min(255, (128 + 100 * Math.sin(x / 150) * Math.cos(y / 110) + noise) | 0));
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .withExif({ IFD0: { Make: 'CareInspect', Model: 'bench' }, IFD2: { DateTimeOriginal: '2026:04:01 10:00:00' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/**
 * photo.ingest12mp.ms: one `ingestPhoto` of a 12 MP JPEG into an empty data folder (sniff, hash, EXIF, turn,
 * downscale to 2048 px, thumbnail, two atomic writes with fsync), median of several runs. Each run gets a fresh
 * folder so it never takes the deduplication shortcut.
 */
export const photosSuite: BenchSuite = {
  name: 'photo ingestion',
  keys: ['photo.ingest12mp.ms'],
  run: async () => {
    const original = await phonePhoto();
    const clock = createFixedClock(new Date('2026-04-01T02:00:00Z'), 1);
    const newId = createSeededIdSource(12, clock);
    const times: number[] = [];
    const last: { photo?: IngestedPhoto } = {};
    // Run 0 warms sharp's thread pool and libvips' caches and is not counted.
    for (let run = 0; run <= RUNS; run++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-bench-photos-'));
      try {
        const ms = await timeMsAsync(async () => {
          last.photo = await ingestPhoto({ dataDir, clock, newId }, { bytes: original, originalName: 'IMG_0001.JPG' });
        });
        if (run > 0) times.push(ms);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const { photo } = last;
    const value = Math.round(median(times));
    return [
      {
        key: 'photo.ingest12mp.ms',
        value,
        unit: 'ms',
        target: 'report',
        what: `ingestPhoto of a ${WIDTH}×${HEIGHT} JPEG (Orientation 6) into an empty data folder, median of ${RUNS} runs`,
        ok: null,
        detail:
          `min ${Math.round(Math.min(...times))} ms, max ${Math.round(Math.max(...times))} ms; ` +
          `input ${(original.length / 1024 / 1024).toFixed(1)} MB → stored ${photo?.width}×${photo?.height} ` +
          `${Math.round((photo?.bytes ?? 0) / 1024)} KB; sharp concurrency ${sharp.concurrency()}`,
      },
    ];
  },
};
