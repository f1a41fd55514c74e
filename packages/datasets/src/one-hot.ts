import { InvalidArgumentError } from '@lab/core';
import { checkInteger } from './check';

/**
 * One-hot encodes class labels: row `i` of the `n × nClasses` result (row-major) is all zeros but a
 * 1 in column `y[i]`.
 *
 * @param nClasses - number of columns; every label must lie in `[0, nClasses)`.
 * @example
 * oneHot(new Int32Array([2, 0]), 3); // Float32Array [0, 0, 1, 1, 0, 0]
 */
export function oneHot(y: Int32Array | readonly number[], nClasses: number): Float32Array {
  checkInteger('nClasses', nClasses, 1);
  if (!(y instanceof Int32Array) && !Array.isArray(y)) throw new InvalidArgumentError('y', y, 'an Int32Array or an array of integers');
  const out = new Float32Array(y.length * nClasses);
  for (let i = 0; i < y.length; i++) {
    const k = y[i];
    if (!Number.isInteger(k) || k < 0 || k >= nClasses) throw new InvalidArgumentError(`y[${i}]`, k, `a class label in [0, ${nClasses})`);
    out[i * nClasses + k] = 1;
  }
  return out;
}
