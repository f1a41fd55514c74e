import { InvalidArgumentError, NonFiniteError } from '@lab/core';
import type { FloatArray, GradientTransformation, Scalar } from './types';
import type { CountState } from './scale';
import { scalar, valueAt } from './util';

/**
 * The norm of all arrays seen as one vector, computed as PyTorch's `clip_grad_norm_` does: the
 * `p`-norm of the per-array `p`-norms; `normType = Infinity` gives `max |g|`. As in PyTorch
 * 1.13, whose norm kernel takes `p` as a float32, a `p` other than 1, 2 and Infinity is rounded
 * to float32 first (p = 2.7 computes with 2.700000047...).
 *
 * @example
 * globalNorm([Float64Array.of(3), Float64Array.of(4)]); // 5
 */
export function globalNorm(arrays: readonly FloatArray[], normType = 2): number {
  if (!(normType > 0)) throw new InvalidArgumentError('normType', normType, 'a number > 0 or Infinity');
  const p = Math.fround(normType);
  const norm = (xs: ArrayLike<number>): number => {
    let s = 0;
    if (normType === Infinity) {
      for (let j = 0; j < xs.length; j++) s = Math.max(s, Math.abs(xs[j]));
      return s;
    }
    for (let j = 0; j < xs.length; j++) {
      const a = Math.abs(xs[j]);
      s += normType === 2 ? a * a : normType === 1 ? a : a ** p;
    }
    return normType === 2 ? Math.sqrt(s) : normType === 1 ? s : s ** (1 / p);
  };
  return norm(arrays.map(norm));
}

/**
 * Clip every entry to `[−clipValue, clipValue]` (PyTorch's `clip_grad_value_`).
 *
 * @example
 * chain(clipByValue({ clipValue: 1 }), scaleByAdam(), scaleByLearningRate(1e-3));
 */
export function clipByValue({ clipValue }: { clipValue: Scalar }): GradientTransformation<CountState> {
  scalar('clipValue', clipValue);
  return {
    init: () => ({ count: 0 }),
    update(updates, { count }) {
      const c = valueAt(clipValue, count, 'clipValue');
      return { updates: updates.map((u) => u.map((x) => Math.min(Math.max(x, -c), c)) as FloatArray), state: { count: count + 1 } };
    },
  };
}

/**
 * Scale all updates together so that their global norm is at most `maxNorm`, with PyTorch 1.13's
 * `clip_grad_norm_` arithmetic: `u ← u · min(1, maxNorm / (‖u‖ + 1e−6))` (always applied, so a norm
 * equal to `maxNorm` still shrinks slightly). `normType` is any p > 0 or `Infinity` (max |u|);
 * default 2. A non-finite norm is refused with NonFiniteError.
 *
 * @example
 * chain(clipByGlobalNorm({ maxNorm: 1 }), scaleByAdam(), scaleByLearningRate(1e-3));
 */
export function clipByGlobalNorm({ maxNorm, normType = 2 }: { maxNorm: Scalar; normType?: number }): GradientTransformation<CountState> {
  scalar('maxNorm', maxNorm);
  globalNorm([], normType);
  return {
    init: () => ({ count: 0 }),
    update(updates, { count }) {
      const total = globalNorm(updates, normType);
      if (!Number.isFinite(total)) throw new NonFiniteError('norm of the updates', total);
      const coef = Math.min(valueAt(maxNorm, count, 'maxNorm') / (total + 1e-6), 1);
      return { updates: updates.map((u) => u.map((x) => x * coef) as FloatArray), state: { count: count + 1 } };
    },
  };
}
