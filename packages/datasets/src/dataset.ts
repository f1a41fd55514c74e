import { InvalidArgumentError, LengthMismatchError, NonFiniteError } from '@lab/core';
import { checkInteger } from './check';
import type { Dataset } from './types';

/** Fields accepted by {@link createDataset}; everything but `x`, `y` and `nFeatures` has a default. */
export interface DatasetInit {
  /** Row-major features, `nSamples × nFeatures`. Float64 input is converted to Float32. */
  readonly x: Float32Array | Float64Array | readonly number[];
  /** Integer class labels in `[0, nClasses)`. */
  readonly y: Int32Array | readonly number[];
  readonly nFeatures: number;
  /** Default `'dataset'`. */
  readonly name?: string;
  /** Default: `max(y) + 1`, or `classNames.length` when given. */
  readonly nClasses?: number;
  /** Default `['x0', 'x1', ...]`. */
  readonly featureNames?: readonly string[];
  /** Default `['0', '1', ...]`. */
  readonly classNames?: readonly string[];
  /** Default `'user data'`. */
  readonly source?: string;
  /** Default `null`. */
  readonly url?: string | null;
  /** Default `null`. */
  readonly citation?: string | null;
  /** Default `null`. */
  readonly licence?: string | null;
}

/** `['x0', 'x1', ...]`. */
export function defaultFeatureNames(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `x${j}`);
}

/** `['0', '1', ...]`. */
export function defaultClassNames(n: number): string[] {
  return Array.from({ length: n }, (_, k) => String(k));
}

/**
 * Builds a {@link Dataset} from arrays, checking everything: `x.length` is a multiple of
 * `nFeatures`, one label per row, labels are integers in `[0, nClasses)`, features are finite,
 * and the name lists have the right lengths. The arrays are copied, so later edits to the inputs
 * do not reach the data set.
 *
 * @example
 * const ds = createDataset({ x: [0, 0, 1, 1], y: [0, 1], nFeatures: 2, classNames: ['no', 'yes'] });
 * ds.nSamples; // 2
 */
export function createDataset(init: DatasetInit): Dataset {
  if (typeof init !== 'object' || init === null) throw new InvalidArgumentError('init', init, 'an object');
  const nFeatures = checkInteger('nFeatures', init.nFeatures, 1);
  const x = Float32Array.from(init.x as ArrayLike<number>);
  if (x.length % nFeatures !== 0)
    throw new InvalidArgumentError('x', x.length, `a length divisible by nFeatures = ${nFeatures}`, `x has ${x.length} entries, not a multiple of nFeatures = ${nFeatures}`);
  for (let i = 0; i < init.x.length; i++) if (!Number.isFinite(init.x[i])) throw new NonFiniteError('x', init.x[i], i);
  const nSamples = x.length / nFeatures;
  if (init.y.length !== nSamples) throw new LengthMismatchError('y', init.y.length, 'the rows of x', nSamples);
  let maxLabel = -1;
  for (let i = 0; i < nSamples; i++) {
    const v = init.y[i];
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) throw new InvalidArgumentError(`y[${i}]`, v, 'a class label: an integer >= 0');
    if (v > maxLabel) maxLabel = v;
  }
  const nClasses = checkInteger('nClasses', init.nClasses ?? init.classNames?.length ?? maxLabel + 1, 0);
  if (maxLabel >= nClasses) throw new InvalidArgumentError('y', maxLabel, `labels in [0, ${nClasses}) (nClasses = ${nClasses})`);
  const featureNames = init.featureNames ? [...init.featureNames] : defaultFeatureNames(nFeatures);
  if (featureNames.length !== nFeatures) throw new LengthMismatchError('featureNames', featureNames.length, 'nFeatures', nFeatures);
  const classNames = init.classNames ? [...init.classNames] : defaultClassNames(nClasses);
  if (classNames.length !== nClasses) throw new LengthMismatchError('classNames', classNames.length, 'nClasses', nClasses);
  return {
    name: init.name ?? 'dataset',
    x,
    y: Int32Array.from(init.y as ArrayLike<number>),
    nSamples,
    nFeatures,
    nClasses,
    featureNames,
    classNames,
    source: init.source ?? 'user data',
    url: init.url ?? null,
    citation: init.citation ?? null,
    licence: init.licence ?? null,
  };
}

/** Internal: a generated classification data set (arrays already valid, not copied). */
export function syntheticDataset(name: string, x: Float32Array, y: Int32Array, nFeatures: number, nClasses: number, source: string): Dataset {
  return {
    name,
    x,
    y,
    nSamples: y.length,
    nFeatures,
    nClasses,
    featureNames: defaultFeatureNames(nFeatures),
    classNames: defaultClassNames(nClasses),
    source,
    url: null,
    citation: null,
    licence: null,
  };
}

/** Internal: rows of (x, y) reordered by `perm` (row i of the result is row perm[i]), as new arrays. */
export function shuffleRows(x: Float64Array, y: Int32Array, nFeatures: number, perm: Int32Array): [Float64Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const x2 = new Float64Array(x.length);
  const y2 = new Int32Array(y.length);
  for (let i = 0; i < perm.length; i++) {
    const p = perm[i];
    y2[i] = y[p];
    for (let j = 0; j < nFeatures; j++) x2[i * nFeatures + j] = x[p * nFeatures + j];
  }
  return [x2, y2];
}
