import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices } from '../../electron/services/bootstrap';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource } from '../../electron/services/ids';
import { resolveCitations, searchLaws } from '../../electron/services/laws/law-queries';
import { currentSearchLibrary, seedLaws } from '../../electron/services/laws/law-store';
import { median, percentile, timeMs, type BenchSuite } from '../harness';

const QUERIES = [
  '疏散通道',
  '电动自行车',
  '消防',
  '食品',
  '特种设备',
  '法律责任',
  '应当',
  '安全出口',
  '燃气',
  '老年人',
];
const ROUNDS = 30;

/**
 * laws.*: seeding the 16 bundled texts into a fresh database, and article search (Chinese substring over every
 * current version, ~1,230 articles) by the in-memory index the service uses against SQLite `instr()` over
 * law_articles (LIKE '%…%' cannot use an index either), same queries, same run.
 */
export const lawsSuite: BenchSuite = {
  name: 'law library',
  keys: ['laws.seed.ms', 'laws.search.p95.ms', 'laws.search.sql-ratio', 'laws.resolve.ms'],
  run: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-bench-laws-'));
    // The real start-up path gives the real service deps; the laws tables are still empty afterwards.
    const running = startServices({
      dataDir: dir,
      resourcesDir: path.resolve(__dirname, '..', '..', 'resources'),
      appVersion: 'bench',
      trustedOrigin: 'app://careinspect',
      clock: createFixedClock(new Date('2026-01-01T00:00:00Z'), 1),
      newId: createSeededIdSource(9, createFixedClock(new Date('2026-01-01T00:00:00Z'), 1)),
    });
    const deps = running.registry.deps;
    const opened = running.database;
    try {
      const seedMs = timeMs(() => seedLaws(deps));
      // First search builds the index (parses the 16 stored texts); measured separately from steady state.
      const buildMs = timeMs(() => currentSearchLibrary(deps));

      const ids = currentSearchLibrary(deps).laws.map((l) => l.currentVersionId);
      const sql = opened.sqlite.prepare(
        `SELECT version_id, key, text FROM law_articles WHERE version_id IN (${ids.map(() => '?').join(',')}) AND instr(text, ?) > 0 ORDER BY version_id, ordinal`,
      );
      const memTimes: number[] = [];
      const sqlTimes: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (const q of QUERIES) {
          memTimes.push(timeMs(() => searchLaws(deps, q, 100)));
          sqlTimes.push(timeMs(() => sql.all(...ids, q)));
        }
      }
      const f14 = '消防法 第二十八条、第六十条(三) [V]; 上海消防条例 第四十三条 [V]';
      const resolveTimes = Array.from({ length: 200 }, () => timeMs(() => resolveCitations(deps, f14)));
      const memMedian = median(memTimes);
      const sqlMedian = median(sqlTimes);
      const p95 = Number(percentile(memTimes, 95).toFixed(3));
      const ratio = Number((memMedian / sqlMedian).toFixed(3));
      const resolveMs = Number(median(resolveTimes).toFixed(3));
      return [
        {
          key: 'laws.seed.ms',
          value: Math.round(seedMs),
          unit: 'ms',
          target: '<= 2000',
          what: 'first-start load of the 16 bundled law texts (parse, 16 versions, ~1,230 article rows, audit) into a fresh database',
          ok: seedMs <= 2000,
        },
        {
          key: 'laws.search.p95.ms',
          value: p95,
          unit: 'ms',
          target: '<= 20',
          what: `laws:search service call (in-memory index over current versions, up to 100 hits), p95 of ${QUERIES.length} queries × ${ROUNDS}`,
          ok: p95 <= 20,
          detail: `median ${memMedian.toFixed(3)} ms; index build on first search ${buildMs.toFixed(1)} ms`,
        },
        {
          key: 'laws.search.sql-ratio',
          value: ratio,
          unit: 'ratio',
          target: '<= 1',
          what: 'median laws:search (in memory, with hit offsets and output mapping) / median SQLite instr() scan of law_articles (rows only, no offsets)',
          ok: ratio <= 1,
          detail: `memory median ${memMedian.toFixed(3)} ms, SQLite median ${sqlMedian.toFixed(3)} ms`,
        },
        {
          key: 'laws.resolve.ms',
          value: resolveMs,
          unit: 'ms',
          target: '<= 5',
          what: 'resolve F14’s legal basis (3 citations) to article text, median of 200',
          ok: resolveMs <= 5,
        },
      ];
    } finally {
      running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
