import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices } from '../../electron/services/bootstrap';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource } from '../../electron/services/ids';
import { dispatch } from '../../electron/services/registry';
import { createDemoInstitutions, demoImportFile } from '../../scripts/demo/institutions';
import { median, percentile, timeMsAsync, type BenchSuite } from '../harness';

const ORIGIN = 'app://careinspect';
const SENDER = { url: `${ORIGIN}/index.html#/`, isMainFrame: true, isOurWindow: true };

/** A signed-in service layer on a fresh database file, called through the real dispatcher. */
async function freshApp(label: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `careinspect-bench-${label}-`));
  const clock = createFixedClock(new Date('2026-03-02T01:30:00.000Z'), 1);
  const services = startServices({
    dataDir,
    resourcesDir: path.resolve(__dirname, '../../resources'),
    appVersion: 'bench',
    trustedOrigin: ORIGIN,
    clock,
    newId: createSeededIdSource(7, clock),
  });
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(services.registry, channel, input, SENDER);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await call('auth:setup-admin', {
    username: 'bench',
    password: 'Bench#2026',
    displayName: '基准测试',
    departmentKey: 'civil-affairs',
  });
  return {
    services,
    call,
    dispose: () => {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// What inspectors type: a town, part of a name, a kind of home, a road, a code fragment, two words.
const QUERIES = [
  '川沙',
  '敬老院',
  '护理院',
  '长者照护之家',
  '周浦镇',
  '福寿',
  '浦东大道',
  '路',
  '3101',
  'MJ',
  '花木 养老院',
  '惠南镇 护理',
];

/**
 * institutions.search.ms: median time of one list page (the registry's `institutions:list`, with total count)
 * over 5,000 demo institutions for Chinese substring queries of 1–6 characters, through the real dispatcher.
 * institutions.import2000.ms: preview + commit of a 2,000-row Excel file into a registry of 5,000.
 */
export const institutionsSuite: BenchSuite = {
  name: 'institution registry',
  keys: ['institutions.search.ms', 'institutions.import2000.ms'],
  run: async () => {
    const app = await freshApp('inst');
    try {
      await createDemoInstitutions(app.services.registry.deps, 5000, 1);
      const times: number[] = [];
      for (let round = 0; round < 6; round++) {
        for (const query of QUERIES) {
          const ms = await timeMsAsync(() => app.call('institutions:list', { query, page: 1, pageSize: 20 }));
          if (round > 0) times.push(ms); // the first round warms the statement cache
        }
      }
      const search = Number(median(times).toFixed(2));

      const towns = (await app.call('towns:list', {})) as Array<{ id: string; name: string }>;
      const imports: number[] = [];
      let added = 0;
      for (let run = 0; run < 3; run++) {
        // Rows 5,000+ of the registry's own sequence: 2,000 new institutions, none clashing with the 5,000.
        const base64 = await demoImportFile(towns, 2000, 1, 5000 + run * 2000);
        imports.push(
          await timeMsAsync(async () => {
            await app.call('institutions:import-preview', { fileName: 'bench.xlsx', base64 });
            const result = (await app.call('institutions:import-commit', { fileName: 'bench.xlsx', base64 })) as {
              added: number;
            };
            added += result.added;
          }),
        );
      }
      // Every row must have been written, or the timing measured a cheaper, failing import.
      if (added !== 6000) throw new Error(`bench import added ${added} of 6000 rows`);
      const imp = Math.round(median(imports));
      return [
        {
          key: 'institutions.search.ms',
          value: search,
          unit: 'ms',
          target: '< 20',
          what: 'median institutions:list page (search + count + risk) over 5,000 institutions, Chinese substrings',
          ok: search < 20,
          detail: `p95 ${percentile(times, 95).toFixed(2)} ms over ${times.length} queries`,
        },
        {
          key: 'institutions.import2000.ms',
          value: imp,
          unit: 'ms',
          target: '< 2000',
          what: '2,000-row Excel import: preview + commit (parse, validate twice, write with audit) into a registry of 5,000+',
          ok: imp < 2000,
          detail: `runs ${imports.map((t) => Math.round(t)).join(' / ')} ms`,
        },
      ];
    } finally {
      app.dispose();
    }
  },
};
