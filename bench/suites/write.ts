import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/open-database';
import { createAuditedInserter } from '../../db/queries/audited-write';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource, createUuidV7Source } from '../../electron/services/ids';
import { median, pairedRatio, timeMs, type BenchSuite } from '../harness';

const ROWS = 100_000;

function freshDb(label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `careinspect-bench-${label}-`));
  const opened = openDatabase(path.join(dir, 'bench.db'));
  return { ...opened, dispose: () => { opened.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * write.audited.ratio: 100k changes written the way the app writes them (row + audit record, ids from the
 * UUIDv7 source, ISO times from the clock, JSON after-image, cached statements, one transaction) against the
 * same rows and audit records inserted by raw prepared statements with everything precomputed.
 */
export const writeSuite: BenchSuite = {
  name: 'audited writes',
  keys: ['write.audited.ratio'],
  run: async () => {
    const appPath = (): number => {
      const db = freshDb('app');
      // The production id source and clock: what the app really pays per write.
      const newId = createUuidV7Source();
      const actor = { id: 'bench-user', name: '基准测试' };
      const ms = timeMs(() => {
        db.sqlite.transaction(() => {
          const insert = createAuditedInserter(db.sqlite, 'towns', ['id', 'code', 'name', 'kind', 'district', 'sort_order', 'is_active'], 'town', actor);
          // A bulk write (an import, demo data) is one change in time: its records share the transaction's time.
          const at = new Date().toISOString();
          for (let i = 0; i < ROWS; i++) {
            const row = { id: newId(), code: `B${i}`, name: `测试街镇${i}`, kind: '镇', district: '浦东新区', sort_order: i, is_active: 1 };
            insert(row, { auditId: newId(), at, entityId: row.id });
          }
        })();
      });
      db.dispose();
      return ms;
    };
    // Precompute everything the raw path would not have to compute, so only the app's overhead remains.
    const clock = createFixedClock(new Date('2026-01-01T00:00:00Z'), 1);
    const newId = createSeededIdSource(8, clock);
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const id = newId();
      const row = { id, code: `B${i}`, name: `测试街镇${i}`, kind: '镇', district: '浦东新区', sort_order: i, is_active: 1 };
      return { row, auditId: newId(), at: clock().toISOString(), after: JSON.stringify(row) };
    });
    const rawPath = (): number => {
      const db = freshDb('raw');
      const insertTown = db.sqlite.prepare('INSERT INTO towns (id, code, name, kind, district, sort_order, is_active) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const insertAudit = db.sqlite.prepare(
        'INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const ms = timeMs(() => {
        db.sqlite.transaction(() => {
          for (const { row, auditId, at, after } of rows) {
            insertTown.run(row.id, row.code, row.name, row.kind, row.district, row.sort_order, row.is_active);
            insertAudit.run(auditId, at, 'bench-user', '基准测试', 'town', row.id, 'create', null, after, null);
          }
        })();
      });
      db.dispose();
      return ms;
    };
    appPath();
    rawPath(); // warm-up pair
    const result = pairedRatio(appPath, rawPath, 5);
    const ratio = Number(result.ratio.toFixed(3));
    return [
      {
        key: 'write.audited.ratio',
        value: ratio,
        unit: 'ratio',
        target: '<= 1.3',
        what: "100k audited writes through the app's write path / the same rows + audit rows by raw prepared INSERT, same run",
        ok: ratio <= 1.3,
        detail: `app median ${Math.round(median(result.a))} ms, raw median ${Math.round(median(result.b))} ms, ratios ${result.ratios.map((r) => r.toFixed(2)).join(' ')}`,
      },
    ];
  },
};

