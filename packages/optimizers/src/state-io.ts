import { InvalidArgumentError, StateMismatchError } from '@lab/core';
import type { EncodedState } from './types';

type Typed = Float32Array | Float64Array | Int32Array | Uint8Array;
const KINDS: Record<string, new (b: ArrayBuffer) => Typed> = { f32: Float32Array, f64: Float64Array, i32: Int32Array, u8: Uint8Array };
const tagOf = (x: ArrayBufferView): string | undefined => Object.keys(KINDS).find((k) => x.constructor === KINDS[k]);
const special = (x: number): string | undefined => (Object.is(x, -0) ? '-0' : Number.isFinite(x) ? undefined : String(x));
const isPlain = (x: object): boolean => [Object.prototype, null].includes(Object.getPrototypeOf(x));

/**
 * Serialise plain state (numbers, strings, booleans, null, Float32/Float64/Int32/Uint8 arrays,
 * arrays and plain objects) to a JSON text plus a binary payload that holds every typed array's
 * bytes (little-endian, 8-byte aligned). `decodeState` gives back the same data bit for bit,
 * including NaN payloads, −0 and ±Infinity. Anything else (functions, class instances,
 * `undefined`) is refused with InvalidArgumentError naming its path.
 *
 * @example
 * const { json, payload } = encodeState(opt.stateDict());
 * opt.loadStateDict(decodeState({ json, payload }));
 */
export function encodeState(state: unknown): EncodedState {
  const chunks: [number, Uint8Array][] = [];
  let size = 0;
  const enc = (x: unknown, path: string): unknown => {
    if (typeof x === 'number') {
      const s = special(x);
      return s ? { $n: s } : x;
    }
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
    if (typeof x === 'object') {
      if (ArrayBuffer.isView(x)) {
        const tag = tagOf(x);
        if (tag) {
          const o = Math.ceil(size / 8) * 8;
          chunks.push([o, new Uint8Array(x.buffer, x.byteOffset, x.byteLength)]);
          size = o + x.byteLength;
          return { $a: tag, o, n: (x as Typed).length };
        }
      } else if (Array.isArray(x)) return x.map((v, i) => enc(v, `${path}[${i}]`));
      else if (isPlain(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k[0] === '$' ? `$${k}` : k, enc(v, `${path}.${k}`)]));
    }
    throw new InvalidArgumentError(path, x, 'plain data (see encodeState)');
  };
  const json = JSON.stringify(enc(state, 'state'));
  const payload = new Uint8Array(size);
  for (const [o, bytes] of chunks) payload.set(bytes, o);
  return { json, payload };
}

/** Read state written by `encodeState`. Malformed input is refused with StateMismatchError. */
export function decodeState({ json, payload }: EncodedState): unknown {
  const bad = (path: string, x: unknown): never => {
    throw new StateMismatchError(path, x, 'encodeState output');
  };
  const dec = (x: unknown, path: string): unknown => {
    if (Array.isArray(x)) return x.map((v, i) => dec(v, `${path}[${i}]`));
    if (x === null || typeof x !== 'object') return x;
    const r = x as Record<string, unknown>;
    if ('$n' in r) return typeof r.$n === 'string' && ['NaN', 'Infinity', '-Infinity', '-0'].includes(r.$n) ? Number(r.$n) : bad(path, x);
    if ('$a' in r) {
      const K = KINDS[r.$a as string];
      const o = r.o as number;
      const end = o + (r.n as number) * (K?.prototype.BYTES_PER_ELEMENT ?? NaN);
      if (!K || !Number.isInteger(o) || o < 0 || !(end <= payload.length)) bad(path, x);
      return new K(payload.slice(o, end).buffer);
    }
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [k[0] === '$' ? k.slice(1) : k, dec(v, `${path}.${k}`)]));
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    bad('json', json);
  }
  if (!(payload instanceof Uint8Array)) bad('payload', payload);
  return dec(parsed, 'state');
}
