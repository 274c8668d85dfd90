import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatPath, loadSeed } from '../../../electron/services/reference/seed-schema';

const seedDir = path.resolve(__dirname, '..', '..', '..', 'resources', 'seed');
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'careinspect-seed-'));
  cpSync(seedDir, dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function edit(file: string, change: (data: unknown) => void): void {
  const full = path.join(dir, file);
  const data: unknown = JSON.parse(readFileSync(full, 'utf8'));
  change(data);
  writeFileSync(full, JSON.stringify(data));
}

function asRecords(data: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(data)) throw new Error('expected an array');
  return data as Array<Record<string, unknown>>;
}

describe('loadSeed errors', () => {
  it('names the file, path and item of a schema violation, in Chinese', () => {
    edit('checklist-items.json', (data) => {
      const f05 = asRecords(data)[4];
      if (f05 === undefined) throw new Error('no row 4');
      (f05.majorHazard as Record<string, unknown>).flag = 'maybe';
      return data;
    });
    expect(() => loadSeed(dir)).toThrow(
      /^种子数据校验失败：文件 checklist-items\.json，位置 \[4\]\.majorHazard\.flag（F05）：.+/,
    );
    expect(() => loadSeed(dir)).toThrow(/无效选项/);
  });

  it('reports duplicate ids', () => {
    edit('checklist-items.json', (data) => {
      const rows = asRecords(data);
      const second = rows[1];
      if (second === undefined) throw new Error('no row 1');
      second.id = 'F01';
    });
    expect(() => loadSeed(dir)).toThrow('位置 [1].id（F01）：检查项编号重复：F01');
  });

  it('reports a missing file and broken JSON by file name', () => {
    unlinkSync(path.join(dir, 'towns-pudong.json'));
    expect(() => loadSeed(dir)).toThrow(/^种子数据文件 towns-pudong\.json 无法读取/);
    writeFileSync(path.join(dir, 'towns-pudong.json'), '{ "district": ');
    expect(() => loadSeed(dir)).toThrow(/^种子数据文件 towns-pudong\.json 不是合法的 JSON/);
  });

  it('checks references between files', () => {
    edit('departments.json', (data) => {
      const rows = asRecords(data);
      rows.splice(
        rows.findIndex((d) => d.key === 'health'),
        1,
      );
    });
    expect(() => loadSeed(dir)).toThrow(
      /文件 checklist-items\.json，位置 \[\d+\]\.departments\[\d+\]（[A-Z]\d{2}）：部门 health 不在 departments\.json 中/,
    );
  });

  it('refuses a major-hazard clause that is not among the verified criteria', () => {
    edit('checklist-items.json', (data) => {
      const f05 = asRecords(data)[4];
      if (f05 === undefined) throw new Error('no row 4');
      (f05.majorHazard as Record<string, unknown>).clause = '第六条';
    });
    expect(() => loadSeed(dir)).toThrow(
      '位置 [4].majorHazard.clause（F05）：条款 第六条 不在 major-hazard-2023.json 已核实的判定情形中',
    );
  });

  it('formats paths', () => {
    expect(formatPath([])).toBe('（根）');
    expect(formatPath(['towns', 3, 'code'])).toBe('towns[3].code');
    expect(formatPath([0, 'derived', 'hintZh'])).toBe('[0].derived.hintZh');
  });
});
