import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices } from '../../electron/services/bootstrap';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource } from '../../electron/services/ids';
import { dispatch } from '../../electron/services/registry';
import { generateDistrictData } from '../../scripts/demo/district';
import { median, timeMsAsync, type BenchSuite } from '../harness';

const ORIGIN = 'app://careinspect';
const SENDER = { url: `${ORIGIN}/index.html#/`, isMainFrame: true, isOurWindow: true };
const TODAY = '2026-03-02';
const RUNS = 25;

function spread(times: number[]): string {
  return `median ${median(times).toFixed(2)} min ${Math.min(...times).toFixed(2)} max ${Math.max(...times).toFixed(2)} ms`;
}

/**
 * dashboard.district.ms: median time of the whole `statistics:dashboard` call (totals, by town, by department,
 * monthly trend, ranking, major and overdue lists) through the real dispatcher, on 300 institutions with 10
 * years of generated inspections and hazards, for the screen's default period (this year). The previous full
 * year, one town, one department and the whole decade are timed too and printed in the detail.
 */
export const statisticsSuite: BenchSuite = {
  name: 'statistics',
  keys: ['dashboard.district.ms'],
  run: async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-bench-stats-'));
    const clock = createFixedClock(new Date(`${TODAY}T01:30:00.000Z`), 1);
    const services = startServices({
      dataDir,
      resourcesDir: path.resolve(__dirname, '../../resources'),
      appVersion: 'bench',
      trustedOrigin: ORIGIN,
      clock,
      newId: createSeededIdSource(11, clock),
    });
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch(services.registry, channel, input, SENDER);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    try {
      await call('auth:setup-admin', {
        username: 'bench',
        password: 'Bench#2026',
        displayName: '基准测试',
        departmentKey: 'civil-affairs',
      });
      const sqlite = services.registry.deps.sqlite;
      const summary = generateDistrictData(sqlite, { seed: 2026, institutions: 300, years: 10, endDate: TODAY });
      const town = (sqlite.prepare('SELECT id FROM towns ORDER BY sort_order LIMIT 1').get() as { id: string }).id;
      const variants: Record<string, unknown> = {
        year: { from: '2026-01-01', to: '2026-12-31' },
        lastYear: { from: '2025-01-01', to: '2025-12-31' },
        town: { from: '2026-01-01', to: '2026-12-31', townId: town },
        fire: { from: '2026-01-01', to: '2026-12-31', departmentKey: 'fire' },
        decade: { from: '2016-03-03', to: TODAY },
      };
      const times: Record<string, number[]> = {};
      for (const [name, input] of Object.entries(variants)) {
        await call('statistics:dashboard', input); // warms the statement cache
        times[name] = [];
        for (let i = 0; i < RUNS; i++) times[name].push(await timeMsAsync(() => call('statistics:dashboard', input)));
      }
      const main = times.year ?? [];
      const value = Number(median(main).toFixed(2));
      return [
        {
          key: 'dashboard.district.ms',
          value,
          unit: 'ms',
          target: '< 50',
          what: `statistics:dashboard (all figures, lists, trend) for this year over 300 institutions × 10 years (${summary.inspections} inspections, ${summary.hazards} hazards), median of ${RUNS}`,
          ok: value < 50,
          detail: Object.entries(times)
            .map(([name, t]) => `${name}: ${spread(t)}`)
            .join('; '),
        },
      ];
    } finally {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
