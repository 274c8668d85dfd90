import { createHash } from 'node:crypto';

/**
 * The draw's pseudo-random generator, fully specified so that a recorded draw can be re-run by any later
 * version of the program (or by an auditor with another implementation):
 *
 * 1. Key derivation: `digest = SHA-256(UTF-8("careinspect-draw/1|" + stream + "|" + seed))`. The state is the
 *    first 16 bytes of the digest read as four little-endian unsigned 32-bit words s0..s3. (If all four were
 *    zero, which SHA-256 makes practically impossible, s0 would be set to 0x9E3779B9.)
 * 2. Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018), 32-bit words:
 *    `result = rotl(s1 * 5, 7) * 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11)`.
 * 3. Integers in [0, n): rejection sampling, drop x >= 2^32 - (2^32 mod n), answer x mod n (no modulo bias).
 * 4. Reals in [0, 1): `((x1 >>> 5) * 2^26 + (x2 >>> 6)) / 2^53` from two consecutive outputs.
 *
 * Separate named streams (e.g. "institutions", "teams") come from the same seed, so changing how teams are
 * formed can never change which institutions were drawn.
 */
export interface Prng {
  /** Next raw 32-bit output. */
  nextUint32: () => number;
  /** Uniform integer in [0, n), n between 1 and 2^32. */
  nextInt: (n: number) => number;
  /** Uniform real in [0, 1) with 53 random bits. */
  nextFloat: () => number;
}

/** Version tag mixed into the key derivation; part of the algorithm, never change it for version 1. */
const KEY_PREFIX = 'careinspect-draw/1';
const TWO_POW_32 = 0x1_0000_0000;

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Creates the generator of one named stream of a seed (see {@link Prng} for the exact algorithm). */
export function createPrng(seed: string, stream: string): Prng {
  const digest = createHash('sha256').update(`${KEY_PREFIX}|${stream}|${seed}`, 'utf8').digest();
  let s0 = digest.readUInt32LE(0);
  let s1 = digest.readUInt32LE(4);
  let s2 = digest.readUInt32LE(8);
  let s3 = digest.readUInt32LE(12);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 0x9e3779b9;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };

  const nextInt = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`nextInt: bad bound ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };

  const nextFloat = (): number => {
    const high = nextUint32() >>> 5;
    const low = nextUint32() >>> 6;
    return (high * 67_108_864 + low) / 9_007_199_254_740_992;
  };

  return { nextUint32, nextInt, nextFloat };
}
