/**
 * npm run bench [-- KEY_PREFIX]: runs the benchmarks, prints each result (ratios against a baseline measured
 * in the same run, or medians with their spread) and writes bench/results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gitCommit, machineDescription, type BenchResult } from './harness';
import { suites } from './suites';

async function main(): Promise<void> {
  const prefix = process.argv[2] ?? '';
  const selected = suites.filter((s) => s.keys.some((k) => k.startsWith(prefix)));
  if (selected.length === 0) {
    console.error(`没有以“${prefix}”开头的基准项。可用：${suites.flatMap((s) => s.keys).join(', ')}`);
    process.exit(2);
  }
  const results: BenchResult[] = [];
  for (const suite of selected) {
    process.stdout.write(`• ${suite.name} …\n`);
    const out = await suite.run();
    for (const r of out.filter((x) => x.key.startsWith(prefix))) {
      results.push(r);
      const verdict = r.ok === null ? 'report' : r.ok ? 'ok' : 'MISSED';
      console.log(`  ${r.key.padEnd(32)} ${String(r.value).padStart(10)} ${r.unit.padEnd(5)} target ${r.target.padEnd(8)} ${verdict}`);
      if (r.detail) console.log(`      ${r.detail}`);
    }
  }
  const file = path.resolve(__dirname, 'results.json');
  const previous = prefix && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { results: BenchResult[] }).results : [];
  const merged = [...previous.filter((p) => !results.some((r) => r.key === p.key)), ...results];
  fs.writeFileSync(file, `${JSON.stringify({ commit: gitCommit(), machine: machineDescription(), results: merged }, null, 2)}\n`);
  console.log(`\n结果已写入 ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
