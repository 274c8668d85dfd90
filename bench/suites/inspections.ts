import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api';
import { startServices } from '../../electron/services/bootstrap';
import { dispatch } from '../../electron/services/registry';
import { createInspectionWorld, itemKeys, startWorldInspection } from '../../tests/services/inspections/fixtures';
import { median, percentile, timeMsAsync, type BenchSuite } from '../harness';

const SAVES = 2000;
const ORIGIN = 'app://careinspect';
const sender = { url: `${ORIGIN}/index.html#/`, isMainFrame: true, isOurWindow: true };

/** A fresh app on a temp data folder with the production clock and ids, signed in, as on a laptop. */
async function freshApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-bench-inspections-'));
  const services = startServices({
    dataDir,
    resourcesDir: path.resolve(__dirname, '../../resources'),
    appVersion: 'bench',
    trustedOrigin: ORIGIN,
  });
  const call = async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const result = await dispatch(services.registry, channel, input, sender);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ChannelOutput<K>;
  };
  await call('auth:setup-admin', {
    username: 'bench',
    password: 'Bench#2026',
    displayName: '基准测试',
    departmentKey: 'civil-affairs',
  });
  const app = { call, registry: services.registry };
  return {
    app,
    dispose: () => {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A 12-megapixel camera-like JPEG (4000×3000, noisy so it compresses like a photo). */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: 120, g: 130, b: 110 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const stats = (values: number[]) => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  median: median(values),
});

/**
 * inspection.save.*: the answer-save round trip as the renderer pays it (dispatch: role, zod, cached item
 * lookup, one immediate transaction with the upsert and its audit row, synchronous=FULL commit), 2,000 saves,
 * against a raw prepared INSERT of the same row in its own transaction on the same file in the same run.
 * inspection.photo.ingest12mp.ms: adding a 12 MP JPEG through the registry (decode, orient, downscale, thumb,
 * content-addressed files, rows).
 */
export const inspectionsSuite: BenchSuite = {
  name: 'inspections',
  keys: ['inspection.save.p50.ms', 'inspection.save.p99.ms', 'inspection.photo.ingest12mp.ms'],
  run: async () => {
    const { app, dispose } = await freshApp();
    try {
      const world = await createInspectionWorld(app);
      const inspection = await startWorldInspection(app, world);
      const id = inspection.summary.id;
      const keys = itemKeys(inspection);
      const results = ['符合', '不符合', '不适用'] as const;
      const save = (n: number) =>
        app.call('inspections:save-answer', {
          inspectionId: id,
          itemKey: keys[n % keys.length] ?? '',
          result: results[n % 3],
          note: `备注 ${n}`,
        });
      for (let n = 0; n < 50; n++) await save(n); // warm-up: statements prepared, pages cached
      const appTimes: number[] = [];
      for (let n = 0; n < SAVES; n++) appTimes.push(await timeMsAsync(() => save(n)));

      const sqlite = app.registry.deps.sqlite;
      const insert = sqlite.prepare(
        `INSERT INTO inspection_answers (id, inspection_id, item_key, result, note, fixed_on_spot, updated_at, updated_by_id)
         VALUES (?, ?, ?, ?, ?, 0, ?, (SELECT id FROM users LIMIT 1))`,
      );
      const rawTimes: number[] = [];
      for (let n = 0; n < SAVES; n++) {
        const start = process.hrtime.bigint();
        insert.run(`raw-${n}`, id, `raw-item-${n}`, results[n % 3], `备注 ${n}`, '2026-03-02T01:30:00.000Z');
        rawTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
      }

      const jpeg = await twelveMegapixelJpeg();
      const base64 = jpeg.toString('base64');
      const ingest = await timeMsAsync(() =>
        app.call('inspections:add-photo', { inspectionId: id, itemKey: keys[0] ?? null, fileName: '12mp.jpg', base64 }),
      );

      const a = stats(appTimes);
      const r = stats(rawTimes);
      const detail = `app p50 ${a.p50.toFixed(3)} ms p99 ${a.p99.toFixed(3)} ms; raw prepared INSERT p50 ${r.p50.toFixed(3)} ms p99 ${r.p99.toFixed(3)} ms (${SAVES} each, synchronous=FULL, same file, same run)`;
      return [
        {
          key: 'inspection.save.p50.ms',
          value: Number(a.p50.toFixed(3)),
          unit: 'ms',
          target: '< 5',
          what: 'answer save round trip through the registry dispatch (upsert + audit, one transaction), median of 2,000',
          ok: a.p50 < 5,
          detail,
        },
        {
          key: 'inspection.save.p99.ms',
          value: Number(a.p99.toFixed(3)),
          unit: 'ms',
          target: '< 5',
          what: 'answer save round trip through the registry dispatch, 99th percentile of 2,000',
          ok: a.p99 < 5,
          detail,
        },
        {
          key: 'inspection.photo.ingest12mp.ms',
          value: Math.round(ingest),
          unit: 'ms',
          target: 'report',
          what: `inspections:add-photo of a 12 MP JPEG (${(jpeg.length / 1024 / 1024).toFixed(1)} MB): decode, orient, downscale to 2048 px, thumbnail, files, rows`,
          ok: null,
        },
      ];
    } finally {
      dispose();
    }
  },
};
