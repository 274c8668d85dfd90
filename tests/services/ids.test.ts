import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource, createUuidV7Source, createV7Generator } from '../../electron/services/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('UUIDv7 ids', () => {
  it('are well-formed RFC 9562 version-7 ids carrying the millisecond timestamp', () => {
    const id = createV7Generator((b) => b.fill(0xab), () => Date.UTC(2026, 10, 29, 9, 30))();
    expect(id).toMatch(UUID_V7);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBe(Date.UTC(2026, 10, 29, 9, 30));
  });

  it('increase strictly, even many within one millisecond and across the counter overflow', () => {
    const next = createV7Generator((b) => b.fill(0xff), () => 1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, () => next());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are unique from the production source', () => {
    const next = createUuidV7Source();
    const ids = Array.from({ length: 50_000 }, () => next());
    expect(new Set(ids).size).toBe(50_000);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
  });

  it('repeat exactly for the same seed and clock, and differ for another seed', () => {
    const run = (seed: number) => {
      const next = createSeededIdSource(seed, createFixedClock(new Date('2026-03-02T00:00:00Z'), 1));
      return Array.from({ length: 5 }, () => next());
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });
});
