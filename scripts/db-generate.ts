/**
 * Regenerates the SQL migrations that have not landed yet. Committed migrations are frozen (never edited);
 * uncommitted ones are scratch: they are removed, drizzle's journal is restored from HEAD, and drizzle-kit
 * generates one new migration for the whole pending schema change. Serialised with a lock file because
 * several people (or helpers) may run it in the same tree.
 */
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const migrations = path.join(root, 'db', 'migrations');
const lock = path.join(root, 'db', '.generate.lock');

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function acquireLock(): number {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return fs.openSync(lock, 'wx');
    } catch {
      if (Date.now() > deadline) throw new Error(`Lock ${lock} held for 2 minutes; remove it if no generate is running.`);
      execSync('sleep 1');
    }
  }
}

const fd = acquireLock();
try {
  const tracked = new Set(git(['ls-files', 'db/migrations']).split('\n').filter(Boolean));
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const p = path.join(dir, e.name);
          return e.isDirectory() ? walk(p) : [p];
        })
      : [];
  for (const file of walk(migrations)) {
    const rel = path.relative(root, file);
    if (!tracked.has(rel)) fs.rmSync(file);
  }
  if (tracked.has('db/migrations/meta/_journal.json')) git(['checkout', 'HEAD', '--', 'db/migrations/meta/_journal.json']);
  const name = process.argv[2] ?? 'schema';
  execFileSync('npx', ['drizzle-kit', 'generate', `--name=${name}`], { cwd: root, stdio: 'inherit' });
} finally {
  fs.closeSync(fd);
  fs.rmSync(lock, { force: true });
}
