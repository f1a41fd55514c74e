import { assigned, fail, samples, parts } from './internal';
import { factory } from './options';

/** The fold ids of a testFold: distinct values other than -1, ascending. */
const foldIds = (testFold: number[]): number[] => {
  const ids = [...new Set(testFold)].filter((f) => f !== -1).sort((a, b) => a - b);
  return ids.length ? ids : fail('testFold', testFold, 'a fold id other than -1');
};

/** {@link predefinedSplit}'s parts (its definition is `predefinedSplitSplitter` in @lab/data-split/plugin). */
export const predefinedSplitParts = /* @__PURE__ */ parts(
  'predefinedSplit',
  { testFold: { kind: 'numbers', description: 'test fold id per sample (-1: train only)' } },
  ({ testFold }, input) => {
    const n = samples(input);
    if (testFold.length !== n) fail('testFold', testFold, `${n} entries (nSamples)`);
    const ids = foldIds(testFold);
    return assigned(testFold.map((f) => ids.indexOf(f)), ids.length);
  },
  ({ testFold }) => foldIds(testFold).length,
);

/**
 * Predefined split: `testFold[i]` names the test fold of sample i; -1 keeps the sample in every
 * training set. The folds are the distinct values other than -1, in ascending order (e.g. a fixed
 * validation set: `testFold` of -1 for training samples and 0 for validation samples).
 *
 * Param `testFold` (required). Errors: no fold other than -1; `testFold` of another length than
 * `nSamples`.
 *
 * Reference: scikit-learn 1.2 `PredefinedSplit`.
 *
 * @example
 * [...predefinedSplit({ testFold: [0, 1, -1, 1] }).split({ nSamples: 4 })];
 * // { train: [1, 2, 3], test: [0] }, { train: [0, 2], test: [1, 3] }
 */
export const predefinedSplit = /* @__PURE__ */ factory(predefinedSplitParts);
