import { v7 as uuidv7 } from 'uuid';

/** Produces new record ids. Time-ordered (UUIDv7) so records from several laptops can later be merged. */
export type IdSource = () => string;

/** Production id source: UUIDv7 from the system clock and crypto randomness. */
export function createUuidV7Source(): IdSource {
  return () => uuidv7();
}

/**
 * Deterministic UUIDv7 ids for tests and demo data: the timestamp comes from the given clock, the random bits
 * from a seeded generator, so the same seed gives the same ids in the same order.
 */
export function createSeededIdSource(seed: number, clock: () => Date): IdSource {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: small, fast and good enough for non-cryptographic test ids.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return () => {
    const random = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const n = next();
      random[i] = n & 0xff;
      random[i + 1] = (n >>> 8) & 0xff;
      random[i + 2] = (n >>> 16) & 0xff;
      random[i + 3] = (n >>> 24) & 0xff;
    }
    return uuidv7({ msecs: clock().getTime(), random });
  };
}
