import { assigned, cvParams, encode, fits, range, rngOf, sum, parts } from './internal';
import { factory } from './options';
import { stratifiedLabels } from './stratified-k-fold';

/** Population standard deviation (numpy's `std`, ddof 0), summed in index order. */
const std = (xs: number[]): number => {
  const m = sum(xs) / xs.length;
  return Math.sqrt(sum(xs.map((x) => (x - m) * (x - m))) / xs.length);
};

/** {@link stratifiedGroupKFold}'s parts (its definition is `stratifiedGroupKFoldSplitter` in @lab/data-split/plugin). */
export const stratifiedGroupKFoldParts = /* @__PURE__ */ parts('stratifiedGroupKFold', cvParams, (o, input) => {
  const k = o.nSplits;
  const { codes, counts } = encode(input, 'groups');
  fits(k, counts.length, 'groups');
  const y = stratifiedLabels(input, k, o, true);
  const zeros = () => y.counts.map(() => 0);
  const perGroup = counts.map(zeros);
  codes.forEach((g, i) => perGroup[g][y.codes[i]]++);
  const perFold = Array.from({ length: k }, zeros);
  const order = range(0, counts.length);
  if (o.shuffle) rngOf(o).shuffle(order);
  const spread = perGroup.map(std);
  const foldOf: number[] = [];
  for (const g of order.sort((a, b) => spread[b] - spread[a])) {
    let best = 0;
    let minEval = Infinity;
    let minSize = Infinity;
    for (let f = 0; f < k; f++) {
      const ev = sum(y.counts.map((total, j) => std(perFold.map((row, h) => (row[j] + (h === f ? perGroup[g][j] : 0)) / total)))) / y.counts.length;
      const size = sum(perFold[f]);
      if (ev < minEval || (Math.abs(ev - minEval) <= 1e-8 + 1e-5 * minEval && size < minSize)) {
        best = f;
        minEval = ev;
        minSize = size;
      }
    }
    perGroup[g].forEach((c, j) => (perFold[best][j] += c));
    foldOf[g] = best;
  }
  return assigned(codes.map((g) => foldOf[g]), k);
});

/**
 * Stratified group K-fold: folds with non-overlapping groups whose class proportions are as close
 * to those of `y` as the groups allow (scikit-learn 1.2's greedy heuristic). Groups are taken in
 * order of decreasing standard deviation of their class counts (stable); each goes to the fold that
 * minimises the mean over classes of the standard deviation across folds of the class fraction,
 * ties (numpy `isclose`) going to the fold with fewer samples, then the first.
 *
 * Defaults: `nSplits: 5`, `shuffle: false`, `seed: 0` (with `shuffle`, the group order before the
 * stable sort is a lab-Rng permutation; scikit-learn 1.2 shuffles the count rows apart from their
 * group ids, a known bug this does not copy). Errors: `y` or `groups` missing or of another
 * length than `nSamples`, `nSplits < 2`, every class smaller than `nSplits` (a warning when only
 * some are), and `nSplits` greater than the number of groups (scikit-learn 1.2 yields empty test folds then).
 *
 * Reference: scikit-learn 1.2 `StratifiedGroupKFold`.
 *
 * @example
 * const y = [0, 0, 1, 1, 0, 1, 0, 1];
 * const groups = [1, 1, 2, 2, 3, 3, 4, 4];
 * [...stratifiedGroupKFold({ nSplits: 2 }).split({ nSamples: 8, y, groups })].map((f) => f.test);
 */
export const stratifiedGroupKFold = /* @__PURE__ */ factory(stratifiedGroupKFoldParts);
