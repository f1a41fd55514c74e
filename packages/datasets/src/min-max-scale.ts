import { InvalidArgumentError } from '@lab/core';
import { checkFeatures, checkRange } from './check';
import { checkStats } from './standardize';

/** Per-feature statistics fitted by {@link fitMinMax}. */
export interface MinMaxStats {
  readonly nFeatures: number;
  /** Minimum of each feature on the fitted data. */
  readonly min: Float64Array;
  /** Maximum of each feature on the fitted data. */
  readonly max: Float64Array;
  /** Target interval. */
  readonly range: readonly [number, number];
}

/**
 * Fits per-feature minimum and maximum on (training) data, as scikit-learn's `MinMaxScaler`.
 *
 * @param range - target interval `[low, high]`. Default `[0, 1]`.
 * @example
 * const stats = fitMinMax(train.x, train.nFeatures);
 * const xTest = applyMinMax(test.x, stats); // test values may fall outside [0, 1]
 */
export function fitMinMax(x: Float32Array | Float64Array, nFeatures: number, range: readonly [number, number] = [0, 1]): MinMaxStats {
  const n = checkFeatures('x', x, nFeatures);
  const r = checkRange('range', range);
  if (n === 0) throw new InvalidArgumentError('x', x, 'at least one row');
  const min = new Float64Array(nFeatures).fill(Infinity);
  const max = new Float64Array(nFeatures).fill(-Infinity);
  for (let i = 0; i < x.length; i++) {
    const j = i % nFeatures;
    if (x[i] < min[j]) min[j] = x[i];
    if (x[i] > max[j]) max[j] = x[i];
  }
  return { nFeatures, min, max, range: [r[0], r[1]] };
}

/**
 * Applies fitted statistics: `low + (x_ij − min_j) · (high − low) / (max_j − min_j)`; a constant
 * feature (`max_j = min_j`) maps to `low`. Values outside the fitted range are not clipped.
 */
export function applyMinMax(x: Float32Array | Float64Array, stats: MinMaxStats): Float32Array {
  checkStats('stats', stats, ['min', 'max']);
  const { nFeatures, min, max } = stats;
  const [low, high] = checkRange('stats.range', stats.range);
  checkFeatures('x', x, nFeatures);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const j = i % nFeatures;
    const span = max[j] - min[j];
    out[i] = span === 0 ? low : low + ((x[i] - min[j]) * (high - low)) / span;
  }
  return out;
}

/**
 * Fits on `x` and transforms it in one go; returns the scaled copy and the statistics to apply to
 * other splits.
 *
 * @example
 * const { x: xTrain, stats } = minMaxScale(train.x, train.nFeatures, [-1, 1]);
 */
export function minMaxScale(x: Float32Array | Float64Array, nFeatures: number, range: readonly [number, number] = [0, 1]): { x: Float32Array; stats: MinMaxStats } {
  const stats = fitMinMax(x, nFeatures, range);
  return { x: applyMinMax(x, stats), stats };
}
