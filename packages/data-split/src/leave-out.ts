import type { Fold } from '@lab/core';
import { assigned, fail, partition, range, samples, parts } from './internal';
import { factory } from './options';

/** {@link leaveOneOut}'s parts (its definition is `leaveOneOutSplitter` in @lab/data-split/plugin). */
export const leaveOneOutParts = /* @__PURE__ */ parts(
  'leaveOneOut',
  {},
  (_, input) => {
    const n = samples(input);
    return assigned(range(0, n < 2 ? fail('nSamples', n, '>= 2') : n), n);
  },
  (_, input) => samples(input),
);

/** Number of p-subsets of n items, `C(n, p)`. */
const choose = (n: number, p: number): number => {
  let c = 1;
  for (let i = 1; i <= p; i++) c = (c * (n - p + i)) / i;
  return Math.round(c) + 0; // + 0 turns -0 (p > n) into 0
};

/** The folds whose test sets are the p-subsets of 0..n-1 extending `test`, in lexicographic order. */
function* subsets(n: number, p: number, test: number[] = []): Generator<Fold> {
  if (test.length === p) yield partition(n, (i) => test.includes(i));
  else for (let i = test.length ? test[test.length - 1] + 1 : 0; i <= n - p + test.length; i++) yield* subsets(n, p, [...test, i]);
}

/** {@link leavePOut}'s parts (its definition is `leavePOutSplitter` in @lab/data-split/plugin). */
export const leavePOutParts = /* @__PURE__ */ parts(
  'leavePOut',
  { p: { kind: 'integer', min: 1, description: 'test set size' } },
  ({ p }, input) => {
    const n = samples(input);
    return subsets(n > p ? n : fail('p', p, `< ${n} (nSamples)`), p);
  },
  ({ p }, input) => choose(samples(input), p),
);

/**
 * Leave-one-out: n folds, fold i tests sample i alone and trains on the other n - 1
 * (K-fold with k = n). No params. Error: `nSamples < 2`.
 *
 * Reference: scikit-learn 1.2 `LeaveOneOut`; P. A. Lachenbruch and M. R. Mickey, "Estimation of
 * error rates in discriminant analysis", Technometrics, 1968.
 *
 * @example
 * [...leaveOneOut().split({ nSamples: 3 })].map((f) => f.test); // [0], [1], [2]
 */
export const leaveOneOut = /* @__PURE__ */ factory(leaveOneOutParts);
/**
 * Leave-p-out: every subset of `p` samples is the test set once, in lexicographic order;
 * `C(n, p)` folds whose test sets overlap (not a partition). Param `p` (required, >= 1).
 * Error: `nSamples <= p`.
 *
 * Reference: scikit-learn 1.2 `LeavePOut`.
 *
 * @example
 * leavePOut({ p: 2 }).nSplits({ nSamples: 5 }); // 10
 * [...leavePOut({ p: 2 }).split({ nSamples: 4 })][0]; // { train: [2, 3], test: [0, 1] }
 */
export const leavePOut = /* @__PURE__ */ factory(leavePOutParts);
