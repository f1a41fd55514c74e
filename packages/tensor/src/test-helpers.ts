/** Helpers shared by the tests (not exported from the package). */
import { Rng } from '@lab/core';
import { tensor, type Tensor } from './tensor';

/** A random shape of rank [minRank, maxRank] with sizes in [1, maxSize]. */
export function randomShape(rng: Rng, minRank = 0, maxRank = 3, maxSize = 3): number[] {
  const rank = minRank + rng.int(maxRank - minRank + 1);
  return Array.from({ length: rank }, () => 1 + rng.int(maxSize));
}

/** Shapes that broadcast to `shape`: drop some leading axes and set some sizes to 1. */
export function broadcastableTo(rng: Rng, shape: readonly number[]): number[] {
  const drop = rng.int(shape.length + 1);
  return shape.slice(drop).map((d) => (rng.next() < 0.3 ? 1 : d));
}

/** A float64 leaf requiring grad with values from `draw`. */
export function leaf(shape: readonly number[], draw: () => number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(Float64Array.from({ length: n }, draw), { shape, dtype: 'float64', requiresGrad: true });
}

/** Normal draws pushed at least `margin` away from 0. */
export function awayFromZero(rng: Rng, margin = 0.1): () => number {
  return () => {
    const v = rng.normal();
    return v >= 0 ? v + margin : v - margin;
  };
}

/** Deep-compare nested number arrays with a tolerance. */
export function expectClose(actual: unknown, expected: unknown, tol = 1e-6, path = ''): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') throw new Error(`${path}: expected number ${expected}, got ${String(actual)}`);
    const ok = Number.isNaN(expected) ? Number.isNaN(actual) : expected === actual || Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
    if (!ok) throw new Error(`${path || 'value'}: expected ${expected}, got ${actual}`);
    return;
  }
  const e = expected as ArrayLike<unknown>;
  const a = actual as ArrayLike<unknown>;
  if (a === null || typeof a !== 'object' || a.length !== e.length) throw new Error(`${path}: expected length ${e.length}, got ${String(a && a.length)}`);
  for (let i = 0; i < e.length; i++) expectClose(a[i], e[i], tol, `${path}[${i}]`);
}
