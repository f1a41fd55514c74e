import type { Rng, SplitInput } from '@lab/core';
import { assigned, classSizes, cvParams, def, encode, factory, fits, rngOf } from './internal';

/**
 * Test fold of each sample under stratified k-fold (scikit-learn 1.2's algorithm): classes are
 * coded in order of first appearance in y, the per-fold count of each class comes from dealing the
 * class-sorted samples round robin to the folds, and each class's samples take their folds in
 * blocks, in data order (shuffled per class by `rng` when given).
 */
export function stratifiedAssignment(input: SplitInput, k: number, rng: Rng | false, o: object): Int32Array {
  const { codes, counts } = encode(input, 'y', true);
  fits(k, codes.length, 'samples');
  classSizes(counts, k, o);
  let p = 0;
  const perClass = counts.map((count) => {
    const folds: number[] = [];
    for (let j = 0; j < count; j++) folds.push(p++ % k);
    folds.sort((a, b) => a - b);
    return rng ? rng.shuffle(folds) : folds;
  });
  const next = counts.map(() => 0);
  return codes.map((c) => perClass[c][next[c]++]);
}

/**
 * Stratified K-fold: like {@link kFoldSplitter}, but every test fold keeps the class proportions of
 * `y` (each class's count in a fold is `floor` or `ceil` of its size / k), and fold sizes differ by
 * at most one. Needs `input.y`.
 *
 * Defaults: `nSplits: 5`, `shuffle: false`, `seed: 0` (with `shuffle`, each class's fold labels are
 * permuted by lab's Rng). Errors: `nSplits < 2`, `nSplits > nSamples`, or every class smaller than
 * `nSplits`; when only some classes are smaller, a warning goes to `onWarning` (default
 * `console.warn`), as scikit-learn warns.
 *
 * Reference: scikit-learn 1.2 `StratifiedKFold`; R. Kohavi, "A study of cross-validation and
 * bootstrap for accuracy estimation and model selection", IJCAI 1995.
 *
 * @example
 * const y = [0, 0, 0, 0, 1, 1];
 * for (const { test } of stratifiedKFold({ nSplits: 2 }).split({ nSamples: 6, y })) console.log(test);
 * // [0, 1, 4], [2, 3, 5]
 */
export const stratifiedKFoldSplitter = /* @__PURE__ */ def('stratifiedKFold', 'K-fold keeping the class proportions of y', cvParams, (o, input) =>
  assigned(stratifiedAssignment(input, o.nSplits, o.shuffle && rngOf(o), o), o.nSplits),
);

/** {@link stratifiedKFoldSplitter} as a plain factory. */
export const stratifiedKFold = /* @__PURE__ */ factory(stratifiedKFoldSplitter);
