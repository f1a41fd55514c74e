import { InvalidArgumentError, LengthMismatchError } from '@lab/core';
import { checkFeatures } from './check';

/** Per-feature statistics fitted by {@link fitStandardize}. */
export interface StandardizeStats {
  readonly nFeatures: number;
  /** Mean of each feature on the fitted data. */
  readonly mean: Float64Array;
  /** Population standard deviation (ddof = 0) of each feature; a constant feature gets `1`, so it maps to 0. */
  readonly scale: Float64Array;
}

/**
 * Fits per-feature mean and standard deviation on (training) data, as scikit-learn's
 * `StandardScaler`: `mean_j = Σ_i x_ij / n`, `scale_j = sqrt(Σ_i (x_ij − mean_j)² / n)`, with a zero
 * scale replaced by 1. Computed in float64, two passes.
 *
 * @param x - row-major features, `n × nFeatures`, at least one row, all finite.
 * @example
 * const stats = fitStandardize(train.x, train.nFeatures);
 * const xTest = applyStandardize(test.x, stats);
 */
export function fitStandardize(x: Float32Array | Float64Array, nFeatures: number): StandardizeStats {
  const n = checkFeatures('x', x, nFeatures);
  if (n === 0) throw new InvalidArgumentError('x', x, 'at least one row');
  const mean = new Float64Array(nFeatures);
  const scale = new Float64Array(nFeatures);
  for (let i = 0; i < n; i++) for (let j = 0; j < nFeatures; j++) mean[j] += x[i * nFeatures + j];
  for (let j = 0; j < nFeatures; j++) mean[j] /= n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < nFeatures; j++) {
      const d = x[i * nFeatures + j] - mean[j];
      scale[j] += d * d;
    }
  for (let j = 0; j < nFeatures; j++) {
    const s = Math.sqrt(scale[j] / n);
    scale[j] = s === 0 ? 1 : s;
  }
  return { nFeatures, mean, scale };
}

/**
 * Applies fitted statistics: `(x_ij − mean_j) / scale_j`, returning a new Float32Array. Use the
 * statistics of the training split on the test split, never statistics fitted on the test split.
 */
export function applyStandardize(x: Float32Array | Float64Array, stats: StandardizeStats): Float32Array {
  checkStats('stats', stats, ['mean', 'scale']);
  const { nFeatures, mean, scale } = stats;
  checkFeatures('x', x, nFeatures);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const j = i % nFeatures;
    out[i] = (x[i] - mean[j]) / scale[j];
  }
  return out;
}

/**
 * Fits on `x` and transforms it in one go; returns the scaled copy and the statistics to apply to
 * other splits.
 *
 * @example
 * const { x: xTrain, stats } = standardize(train.x, train.nFeatures);
 * const xTest = applyStandardize(test.x, stats);
 */
export function standardize(x: Float32Array | Float64Array, nFeatures: number): { x: Float32Array; stats: StandardizeStats } {
  const stats = fitStandardize(x, nFeatures);
  return { x: applyStandardize(x, stats), stats };
}

/** Internal: checks fitted-statistics objects. */
export function checkStats(argument: string, stats: unknown, fields: readonly string[]): void {
  const s = stats as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null || !Number.isInteger(s.nFeatures) || (s.nFeatures as number) < 1)
    throw new InvalidArgumentError(argument, stats, 'statistics returned by a fit* function');
  for (const f of fields) {
    const a = s[f];
    if (!(a instanceof Float64Array)) throw new InvalidArgumentError(`${argument}.${f}`, a, 'a Float64Array');
    if (a.length !== s.nFeatures) throw new LengthMismatchError(`${argument}.${f}`, a.length, `${argument}.nFeatures`, s.nFeatures as number);
  }
}
