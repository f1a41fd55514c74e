import type { Rng } from '@lab/core';
import { assigned, cvParams, def, factory, fits, range, rngOf, samples } from './internal';

/**
 * Test fold of each of n samples under k-fold: consecutive blocks of the sample order (a seeded
 * permutation when `rng` is given), the first `n % k` blocks one larger.
 */
export function kFoldAssignment(n: number, k: number, rng?: Rng | false): Int32Array {
  fits(k, n, 'samples');
  const order = rng ? rng.permutation(n) : range(0, n);
  const out = new Int32Array(n);
  for (let j = 0, f = 0, end = 0; j < n; j++) {
    while (j >= end) end += Math.floor(n / k) + +(f++ < n % k);
    out[order[j]] = f - 1;
  }
  return out;
}

/**
 * K-fold cross-validation. The samples are cut into `nSplits` consecutive folds; each fold is the
 * test set once and the other folds form the training set. Fold sizes follow scikit-learn: the
 * first `n % k` folds have `floor(n / k) + 1` samples, the others `floor(n / k)`.
 *
 * Defaults: `nSplits: 5`, `shuffle: false`, `seed: 0`. With `shuffle: true` the samples are
 * permuted by lab's seeded Rng before cutting (so the folds differ from numpy's permutation, but
 * are reproducible for a seed); test indices are returned in ascending order.
 * Errors: `nSplits < 2` or `nSplits > nSamples`.
 *
 * Reference: scikit-learn 1.2 `KFold`; M. Stone, "Cross-validatory choice and assessment of
 * statistical predictions", JRSS B, 1974.
 *
 * @example
 * for (const { train, test } of kFold({ nSplits: 3 }).split({ nSamples: 10 })) console.log(train, test);
 * // test folds: [0..3], [4..6], [7..9]
 */
export const kFoldSplitter = /* @__PURE__ */ def('kFold', 'K-fold cross-validation', cvParams, (o, input) =>
  assigned(kFoldAssignment(samples(input), o.nSplits, o.shuffle && rngOf(o)), o.nSplits),
);

/** {@link kFoldSplitter} as a plain factory: `kFold({ nSplits: 5 }).split({ nSamples })`. */
export const kFold = /* @__PURE__ */ factory(kFoldSplitter);
