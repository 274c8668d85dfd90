import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** One benchmark result, in the shape bench/results.json keeps (keys are stable across versions). */
export interface BenchResult {
  key: string;
  value: number;
  unit: 'ratio' | 'ms' | 'mb' | 'count';
  target: string;
  what: string;
  ok: boolean | null;
  /** Extra figures printed beside the value (spread, baseline), for the reader. */
  detail?: string;
}

/** A group of benchmarks; `run` builds its own data with the deterministic demo generator. */
export interface BenchSuite {
  name: string;
  keys: string[];
  run: () => Promise<BenchResult[]>;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The p-th percentile (0–100) of a list, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Milliseconds taken by `fn`. */
export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds taken by an async `fn`. */
export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs A and B alternately `rounds` times and returns the median of the per-round ratios A/B. Alternating
 * pairs keep the ratio honest on a noisy shared machine whose speed drifts during the run.
 */
export function pairedRatio(a: () => number, b: () => number, rounds: number): { ratio: number; ratios: number[]; a: number[]; b: number[] } {
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const ta = a();
    const tb = b();
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { ratio: median(ratios), ratios, a: as, b: bs };
}

/** CPU model and core count, for results.json. */
export function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores`;
}

/** Current git commit, or 'unknown'. */
export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
