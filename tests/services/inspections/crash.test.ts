import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { DATABASE_FILE } from '../../../electron/services/bootstrap';
import { createSignedInApp, repoRoot, type TestApp } from '../../support/services';
import { createInspectionWorld, startWorldInspection } from './fixtures';

const SAVES = 1000;

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

/** A seeded kill point (mulberry32), so a failure can be replayed with the same seed. */
function killPoint(seed: number, min: number, max: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return min + Math.floor(unit * (max - min));
}

interface ChildRun {
  acked: number[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the child, SIGKILLs its whole process group after `killAfter` acknowledged saves, and collects the acks. */
function runChild(dataDir: string, inspectionId: string, killAfter: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', path.join(__dirname, 'crash-child.ts'), dataDir, inspectionId, String(SAVES)], {
      cwd: repoRoot,
      // Own process group: npx, tsx and node die together, exactly like a laptop losing the app.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let stderr = '';
    let pending = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
      }
      if (!killed && acked.length >= killAfter && child.pid !== undefined) {
        killed = true;
        process.kill(-child.pid, 'SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ acked, signal, code, stderr }));
  });
}

it('loses no acknowledged answer when the app is killed mid-inspection (SIGKILL at a seeded random point)', async () => {
  app = await createSignedInApp();
  const world = await createInspectionWorld(app);
  const inspection = await startWorldInspection(app, world);
  const inspectionId = inspection.summary.id;
  app.close();

  const seed = 20260302;
  const killAfter = killPoint(seed, 100, SAVES - 100);
  const run = await runChild(app.dataDir, inspectionId, killAfter);
  expect(run.stderr).toBe('');
  expect(run.signal, `child should have been killed after ${killAfter} acks (seed ${seed})`).toBe('SIGKILL');
  expect(run.acked.length).toBeGreaterThanOrEqual(killAfter);
  expect(run.acked.length).toBeLessThan(SAVES);
  expect(run.acked).toEqual(run.acked.map((_, i) => i));

  // Reopen the file as the app would after the crash.
  const db = openDatabase(path.join(app.dataDir, DATABASE_FILE));
  try {
    expect(db.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // Every acknowledged save has its audit record, written in the same transaction as the answer.
    const notes = new Set(
      (
        db.sqlite
          .prepare(
            "SELECT json_extract(after_json, '$.note') AS note FROM audit_log WHERE entity = 'inspection-answer'",
          )
          .all() as Array<{ note: string }>
      ).map((r) => r.note),
    );
    const lost = run.acked.filter((n) => !notes.has(`save-${n}`));
    expect(lost, 'acknowledged saves missing after the crash').toEqual([]);
    // Each item holds its last acknowledged save, or a later one that committed before its ack was printed.
    const keys = inspection.sections.flatMap((s) => s.items.map((i) => i.key));
    const rows = db.sqlite
      .prepare('SELECT item_key AS itemKey, note FROM inspection_answers WHERE inspection_id = ?')
      .all(inspectionId) as Array<{
      itemKey: string;
      note: string;
    }>;
    const byKey = new Map(rows.map((r) => [r.itemKey, Number(r.note.replace('save-', ''))]));
    const lastAcked = run.acked[run.acked.length - 1] ?? -1;
    keys.forEach((key, k) => {
      const lastForItem = Math.max(...run.acked.filter((n) => n % keys.length === k));
      const stored = byKey.get(key) ?? -1;
      expect(stored % keys.length).toBe(k);
      expect(stored).toBeGreaterThanOrEqual(lastForItem);
      expect(stored).toBeLessThanOrEqual(lastAcked + keys.length);
    });
  } finally {
    db.close();
  }
}, 120_000);
