// Adds up the vitest and Playwright JSON reports into the closing line CI reads. A stage of `npm test` that
// failed before any report was written (typecheck, lint, build) counts as one failed test, so a red run can
// never print "0 failed".
import fs from 'node:fs';

const npmStatus = Number(process.argv[2] ?? '0');
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const playwright = read('test-results/playwright.json');
if (playwright) {
  passed += (playwright.stats?.expected ?? 0) + (playwright.stats?.flaky ?? 0);
  failed += playwright.stats?.unexpected ?? 0;
  skipped += playwright.stats?.skipped ?? 0;
}
if (npmStatus !== 0 && failed === 0) {
  console.log('npm test failed outside the test runners (typecheck, lint or build): see the output above');
  failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
