import { InvalidArgumentError, StateMismatchError } from './errors';
import type { RngState } from './types';

/**
 * Natural log from + - * / only (IEEE-754 exact operations in a fixed order), so the normal
 * draws below give the same bits on every JavaScript engine; `Math.log` is not specified to
 * be correctly rounded and differs between engines.
 */
function portableLog(x: number): number {
  let k = 0;
  while (x < Math.SQRT1_2) {
    x *= 2;
    k--;
  }
  while (x > Math.SQRT2) {
    x /= 2;
    k++;
  }
  const f = (x - 1) / (x + 1);
  const f2 = f * f;
  let s = 1 / 25;
  for (let d = 23; d >= 1; d -= 2) s = 1 / d + f2 * s;
  return k * 0.6931471805599453 + 2 * f * s;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded random number generator (xoshiro128**, seeded through splitmix32). All arithmetic is
 * 32-bit integer or exact IEEE operations, so one seed gives the same stream on every platform.
 * Its state is four 32-bit words and can be saved (`getState`) and restored (`setState`) exactly.
 *
 * @example
 * const rng = new Rng(42);
 * rng.next();        // float in [0, 1)
 * rng.int(10);       // integer in [0, 10)
 * rng.normal();      // standard normal
 * const saved = rng.getState(); rng.next(); rng.setState(saved); // same draw again
 */
export class Rng {
  private s = new Uint32Array(4);

  constructor(seed: number | RngState = 0) {
    if (typeof seed === 'number') {
      if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('seed', seed, 'a safe integer');
      const sm = splitmix32((seed >>> 0) ^ Math.floor(seed / 4294967296));
      for (let i = 0; i < 4; i++) this.s[i] = sm();
    } else this.setState(seed);
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  next(): number {
    return ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) / 9007199254740992;
  }

  /** A float in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /** An integer in [0, n), without modulo bias. n must be an integer in [1, 2^32]. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) throw new InvalidArgumentError('n', n, 'an integer in [1, 2^32]');
    const limit = 4294967296 - (4294967296 % n);
    let x: number;
    do x = this.nextUint32();
    while (x >= limit);
    return x % n;
  }

  /** A normal draw (Marsaglia's polar method, portable log). */
  normal(mean = 0, std = 1): number {
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    return mean + std * u * Math.sqrt((-2 * portableLog(s)) / s);
  }

  /** Shuffle an array in place (Fisher-Yates) and return it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** A new generator seeded from this stream (advances this one): independent child streams. */
  fork(): Rng {
    return new Rng({ s: [this.nextUint32(), this.nextUint32(), this.nextUint32(), (this.nextUint32() | 1) >>> 0] });
  }

  getState(): RngState {
    return { s: [this.s[0], this.s[1], this.s[2], this.s[3]] };
  }

  setState(state: RngState): void {
    const s = state?.s;
    if (!Array.isArray(s) || s.length !== 4 || s.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffffffff) || s.every((x) => x === 0))
      throw new StateMismatchError('rng state', state, 'four 32-bit unsigned integers, not all zero');
    this.s.set(s);
  }

  clone(): Rng {
    return new Rng(this.getState());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Accepts a seed or an Rng and returns an Rng (a number seeds a new generator). */
export function toRng(seedOrRng: number | Rng): Rng {
  return seedOrRng instanceof Rng ? seedOrRng : new Rng(seedOrRng);
}
