import { assigned, encode, fits, nSplitsParam, range, parts } from './internal';
import { factory } from './options';

/**
 * numpy 1.24's default `argsort` (introsort: median-of-3 quicksort down to 16 items, then
 * insertion sort), so ties come out in numpy's order and group folds match scikit-learn exactly.
 * (numpy falls back to heapsort past a recursion depth of 2 log2 n, which its median-of-3
 * partition does not reach on group sizes.) Partitions are disjoint, so the order they are sorted
 * in does not matter, and insertion sort of a small partition is a stable sort of that range.
 */
export function argsort(v: number[]): Int32Array {
  const t = range(0, v.length);
  const at = (i: number) => v[t[i]];
  const swap = (a: number, b: number) => ([t[a], t[b]] = [t[b], t[a]]);
  const order = (a: number, b: number) => at(b) < at(a) && swap(a, b);
  const sort = (l: number, r: number): void => {
    if (r - l < 16) t.subarray(l, r + 1).sort((a, b) => v[a] - v[b]);
    else {
      const m = (l + r) >> 1;
      order(l, m);
      order(m, r);
      order(l, m);
      const p = at(m);
      let i = l;
      let j = r - 1;
      swap(m, j);
      for (;;) {
        while (at(++i) < p);
        while (p < at(--j));
        if (i >= j) break;
        swap(i, j);
      }
      swap(i, r - 1);
      sort(l, i - 1);
      sort(i + 1, r);
    }
  };
  sort(0, v.length - 1);
  return t;
}

/** {@link groupKFold}'s parts (its definition is `groupKFoldSplitter` in @lab/data-split/plugin). */
export const groupKFoldParts = /* @__PURE__ */ parts('groupKFold', { nSplits: /* @__PURE__ */ nSplitsParam(5) }, ({ nSplits: k }, input) => {
  const { codes, counts } = encode(input, 'groups');
  fits(k, counts.length, 'groups');
  const load: number[] = Array(k).fill(0);
  const foldOf: number[] = [];
  for (const g of argsort(counts).reverse()) {
    const f = load.indexOf(Math.min(...load));
    load[f] += counts[g];
    foldOf[g] = f;
  }
  return assigned(codes.map((g) => foldOf[g]), k);
});

/**
 * Group K-fold: no group is in both the training and the test set of a fold. Groups (distinct
 * values of `input.groups`, in sorted order) are dealt greedily, largest first, each to the fold
 * with the fewest samples so far (the first such fold on a tie), as scikit-learn 1.2 does; groups
 * of equal size are taken in the order of numpy's (unstable) argsort, reversed, which
 * {@link argsort} reproduces. Not randomised.
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
export const groupKFold = /* @__PURE__ */ factory(groupKFoldParts);
