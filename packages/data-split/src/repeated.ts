import type { Rng, SplitInput } from '@lab/core';
import { kFoldAssignment } from './k-fold';
import { assigned, def, factory, nSplitsParam, rngOf, samples, seedParam } from './internal';
import { stratifiedAssignment } from './stratified-k-fold';

type Assign = (input: SplitInput, k: number, rng: Rng, o: object) => Int32Array;

const repeated = (name: string, description: string, assign: Assign) =>
  def(
    name,
    description,
    { nSplits: /* @__PURE__ */ nSplitsParam(5), nRepeats: { kind: 'integer', default: 10, min: 1, description: 'number of repetitions' }, seed: seedParam },
    (o, input) => {
      const rng = rngOf(o);
      // The first repetition is computed now, so bad input fails on the call, not mid-iteration.
      const first = assign(input, o.nSplits, rng, o);
      return (function* () {
        for (let r = 0; r < o.nRepeats; r++) yield* assigned(r ? assign(input, o.nSplits, rng, { onWarning() {} }) : first, o.nSplits);
      })();
    },
    (o) => o.nSplits * o.nRepeats,
  );

/**
 * Repeated K-fold: {@link kFoldSplitter} with `shuffle: true`, `nRepeats` times, each repetition
 * drawing a new permutation from one Rng; yields `nSplits * nRepeats` folds, repetition by
 * repetition. Defaults: `nSplits: 5`, `nRepeats: 10`, `seed: 0`.
 *
 * Reference: scikit-learn 1.2 `RepeatedKFold`.
 *
 * @example
 * const cv = repeatedKFold({ nSplits: 2, nRepeats: 3, seed: 1 });
 * cv.nSplits({ nSamples: 10 }); // 6
 */
export const repeatedKFoldSplitter = /* @__PURE__ */ repeated('repeatedKFold', 'K-fold repeated with a new shuffle each time', (input, k, rng) =>
  kFoldAssignment(samples(input), k, rng),
);

/**
 * Repeated stratified K-fold: {@link stratifiedKFoldSplitter} with `shuffle: true`, `nRepeats`
 * times from one Rng. Defaults: `nSplits: 5`, `nRepeats: 10`, `seed: 0`. Errors and the warning as
 * for stratified K-fold (the warning is given once).
 *
 * Reference: scikit-learn 1.2 `RepeatedStratifiedKFold`.
 *
 * @example
 * const y = [0, 0, 0, 1, 1, 1];
 * [...repeatedStratifiedKFold({ nSplits: 3, nRepeats: 2 }).split({ nSamples: 6, y })].length; // 6
 */
export const repeatedStratifiedKFoldSplitter = /* @__PURE__ */ repeated(
  'repeatedStratifiedKFold',
  'Stratified K-fold repeated with a new shuffle each time',
  stratifiedAssignment,
);

/** {@link repeatedKFoldSplitter} as a plain factory. */
export const repeatedKFold = /* @__PURE__ */ factory(repeatedKFoldSplitter);
/** {@link repeatedStratifiedKFoldSplitter} as a plain factory. */
export const repeatedStratifiedKFold = /* @__PURE__ */ factory(repeatedStratifiedKFoldSplitter);
