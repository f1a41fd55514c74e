import { assigned, def, encode, factory, fits, nSplitsParam } from './internal';

/**
 * Group K-fold: no group is in both the training and the test set of a fold. Groups (distinct
 * values of `input.groups`, in sorted order) are dealt greedily, largest first, each to the fold
 * with the fewest samples so far (the first such fold on a tie), as scikit-learn 1.2 does; groups
 * of equal size are taken in descending group order (numpy's argsort reversed; for more than 16
 * groups numpy's unstable sort may break such ties differently). Not randomised.
 *
 * Default: `nSplits: 5`. Errors: `nSplits < 2`, `nSplits` greater than the number of groups,
 * `groups` missing or of another length than `nSamples`.
 *
 * Reference: scikit-learn 1.2 `GroupKFold`.
 *
 * @example
 * const groups = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4];
 * [...groupKFold({ nSplits: 3 }).split({ nSamples: 12, groups })].map((f) => f.test);
 * // [5, 6, 7, 8], [0, 1, 2, 9], [3, 4, 10, 11]
 */
export const groupKFoldSplitter = def('groupKFold', 'K-fold with non-overlapping groups', { nSplits: nSplitsParam(5) }, ({ nSplits: k }, input) => {
  const { codes, counts } = encode(input, 'groups');
  fits(k, counts.length, 'groups');
  const load: number[] = Array(k).fill(0);
  const foldOf: number[] = [];
  for (const g of counts.map((_, g) => g).sort((a, b) => counts[b] - counts[a] || b - a)) {
    const f = load.indexOf(Math.min(...load));
    load[f] += counts[g];
    foldOf[g] = f;
  }
  return assigned(codes.map((g) => foldOf[g]), k);
});

/** {@link groupKFoldSplitter} as a plain factory. */
export const groupKFold = factory(groupKFoldSplitter);
