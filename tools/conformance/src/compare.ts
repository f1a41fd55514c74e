import type { Mismatch } from './types';

/** Tolerances from fixtures/README.md. */
export const SINGLE_SHOT = { rtol: 1e-10, atol: 1e-12 };
export const TRAJECTORY = { rtol: 1e-9, atol: 1e-11 };

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** Decode the fixtures' non-finite encoding ("NaN", "Infinity", "-Infinity") to numbers, recursively. */
export function decode(x: unknown): unknown {
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (Array.isArray(x)) return x.map(decode);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)]));
  return x;
}

/** A number from a fixture value (decoding "NaN" etc.). */
export function num(x: unknown): number {
  const v = decode(x);
  if (typeof v !== 'number') throw new Error(`expected a number in the fixture, got ${JSON.stringify(x)}`);
  return v;
}

/** Flatten a fixture tensor `{shape, data}` or nested list to numbers. */
export function flat(x: unknown): number[] {
  const v = decode(x);
  if (v && typeof v === 'object' && !Array.isArray(v) && 'data' in v) return flat((v as { data: unknown }).data);
  if (Array.isArray(v)) return v.flatMap((e) => (Array.isArray(e) ? flat(e) : [e as number]));
  if (typeof v === 'number') return [v];
  throw new Error(`not numeric: ${JSON.stringify(x)}`);
}

export function shapeOf(x: unknown): number[] {
  const v = x as { shape?: number[] };
  if (v && typeof v === 'object' && Array.isArray(v.shape)) return v.shape;
  const out: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur)) {
    out.push(cur.length);
    cur = cur[0];
  }
  return out;
}

function closeNumber(e: number, g: number, tol: Tolerance): boolean {
  if (Number.isNaN(e)) return Number.isNaN(g);
  if (!Number.isFinite(e)) return e === g;
  return Math.abs(g - e) <= tol.atol + tol.rtol * Math.abs(e);
}

function short(x: unknown): string {
  const s = JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return s === undefined ? String(x) : s.length > 200 ? s.slice(0, 197) + '...' : s;
}

/**
 * Compare numbers or (nested) arrays / typed arrays / fixture tensors within tolerance.
 * Returns a one-element mismatch list on failure, naming the first differing index.
 */
export function close(field: string, expected: unknown, got: unknown, tol: Tolerance = SINGLE_SHOT): Mismatch[] {
  let e: number[], g: number[];
  try {
    e = flat(expected);
    g = flat(ArrayBuffer.isView(got) ? Array.from(got as unknown as ArrayLike<number>) : got);
  } catch (err) {
    return [{ field, expected: short(expected), got: `${short(got)} (${(err as Error).message})` }];
  }
  if (e.length !== g.length) return [{ field, expected: `${e.length} values ${short(e)}`, got: `${g.length} values ${short(g)}` }];
  for (let i = 0; i < e.length; i++) {
    if (typeof g[i] !== 'number' || !closeNumber(e[i], g[i], tol))
      return [{ field: e.length > 1 ? `${field}[${i}]` : field, expected: e[i], got: g[i] }];
  }
  return [];
}

/** Exact equality of JSON-like values (integers, strings, index lists). Typed arrays compare as arrays. */
export function exact(field: string, expected: unknown, got: unknown): Mismatch[] {
  const norm = (x: unknown): unknown =>
    ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : Array.isArray(x) ? x.map(norm) : x;
  const a = short(norm(decode(expected)));
  const b = short(norm(got));
  return a === b ? [] : [{ field, expected: a, got: b }];
}

export { short };
