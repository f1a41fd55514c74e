import { InvalidArgumentError, LengthMismatchError } from '@lab/core';
import { checkInteger } from './check';
import type { RowData } from './types';

/**
 * Gathers rows of a row-major matrix: row `k` of the result is row `indices[k]` of `x`. Indices may
 * repeat (bootstrap resamples) and come in any order; each must be an integer in `[0, nRows)`.
 *
 * @example
 * gatherRows(new Float32Array([1, 2, 3, 4, 5, 6]), 2, [2, 0]); // Float32Array [5, 6, 1, 2]
 */
export function gatherRows<T extends Float32Array | Float64Array | Int32Array>(x: T, width: number, indices: ArrayLike<number>): T {
  checkInteger('width', width, 1);
  if (x.length % width !== 0) throw new InvalidArgumentError('x', x.length, `a length divisible by width = ${width}`);
  const nRows = x.length / width;
  const Ctor = x.constructor as new (n: number) => T;
  const out = new Ctor(indices.length * width);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= nRows) throw new InvalidArgumentError(`indices[${k}]`, i, `a row index in [0, ${nRows})`);
    out.set(x.subarray(i * width, (i + 1) * width), k * width);
  }
  return out;
}

/**
 * A new data set with the rows `indices` of `data` (in that order; repeats allowed), e.g. the
 * train or test side of a fold from @lab/data-split, or a bootstrap resample. `x`, `y` and (when
 * present) `yTrue` are gathered; every other field (names, `nClasses`, `f`, ...) is kept.
 *
 * @example
 * const fold = { train: new Int32Array([0, 2]), test: new Int32Array([1]) };
 * const train = takeRows(loadIris(), fold.train); // train.nSamples === 2
 */
export function takeRows<D extends RowData>(data: D, indices: ArrayLike<number>): D {
  if (typeof data !== 'object' || data === null || !(data.x instanceof Float32Array)) throw new InvalidArgumentError('data', data, 'a data set with x: Float32Array');
  if (indices === null || typeof indices !== 'object' || typeof indices.length !== 'number') throw new InvalidArgumentError('indices', indices, 'an array of row indices');
  const { nFeatures, nSamples } = data;
  if (data.x.length !== nSamples * nFeatures) throw new LengthMismatchError('data.x', data.x.length, 'nSamples × nFeatures', nSamples * nFeatures);
  if (data.y.length !== nSamples) throw new LengthMismatchError('data.y', data.y.length, 'data.nSamples', nSamples);
  const out: Record<string, unknown> = { ...(data as object), nSamples: indices.length, x: gatherRows(data.x, nFeatures, indices), y: gatherRows(data.y, 1, indices) };
  if (data.yTrue !== undefined) out.yTrue = gatherRows(data.yTrue, 1, indices);
  return out as unknown as D;
}
