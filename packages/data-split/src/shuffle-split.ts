import { def, encode, factory, nSplitsParam, repeat, rngOf, samples, seedParam } from './internal';
import { sizeParams, sizes, stratifiedDraw } from './sizes';

const params = /* @__PURE__ */ sizeParams({ nSplits: /* @__PURE__ */ nSplitsParam(10, 1), seed: seedParam });

/**
 * Shuffle split (Monte Carlo cross-validation): `nSplits` independent random train/test splits.
 * Each draws a permutation from lab's Rng; its first `nTest` entries are the test set and the next
 * `nTrain` the training set (in that random order; train and test may leave samples out).
 *
 * Defaults: `nSplits: 10`, `seed: 0`, sizes from {@link SizeOptions} (`testSize` / `testFraction`,
 * `trainSize` / `trainFraction`), `testFraction: 0.1` when none is given. Errors: see {@link sizes}.
 *
 * Reference: scikit-learn 1.2 `ShuffleSplit`.
 *
 * @example
 * for (const { train, test } of shuffleSplit({ nSplits: 3, testFraction: 0.2, seed: 7 }).split({ nSamples: 10 }))
 *   console.log(train.length, test.length); // 8 2, three times
 */
export const shuffleSplitSplitter = /* @__PURE__ */ def('shuffleSplit', 'Independent random train/test splits', params, (o, input) => {
  const n = samples(input);
  const [nTrain, nTest] = sizes(n, o, 0.1);
  const rng = rngOf(o);
  return repeat(o.nSplits, () => {
    const p = rng.permutation(n);
    return { train: p.subarray(nTest, nTest + nTrain), test: p.subarray(0, nTest) };
  });
});

/**
 * Stratified shuffle split: like {@link shuffleSplitSplitter}, but each split keeps the class
 * proportions of `input.y`: every class gives train and test the approximate mode of the
 * multivariate hypergeometric (each within one sample of its proportional share).
 *
 * Defaults: `nSplits: 10`, `seed: 0`, `testFraction: 0.1` when no size is given. Errors: a class
 * with one member, fewer train or test samples than classes, the size errors of {@link sizes}.
 *
 * Reference: scikit-learn 1.2 `StratifiedShuffleSplit`.
 *
 * @example
 * const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
 * const [{ test }] = stratifiedShuffleSplit({ nSplits: 1, testSize: 5 }).split({ nSamples: 10, y });
 * // test holds 3 samples of class 0 and 2 of class 1
 */
export const stratifiedShuffleSplitSplitter = /* @__PURE__ */ def('stratifiedShuffleSplit', 'Random splits keeping the class proportions of y', params, (o, input) => {
  const { codes, counts } = encode(input, 'y');
  const [nTrain, nTest] = sizes(codes.length, o, 0.1);
  const rng = rngOf(o);
  const draw = () => stratifiedDraw(codes, counts, nTrain, nTest, rng);
  const first = draw();
  return repeat(o.nSplits, (s) => (s ? draw() : first));
});

/** {@link shuffleSplitSplitter} as a plain factory. */
export const shuffleSplit = /* @__PURE__ */ factory(shuffleSplitSplitter);
/** {@link stratifiedShuffleSplitSplitter} as a plain factory. */
export const stratifiedShuffleSplit = /* @__PURE__ */ factory(stratifiedShuffleSplitSplitter);
