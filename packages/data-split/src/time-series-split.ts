import { countParam, fail, nSplitsParam, range, samples, parts } from './internal';
import { factory } from './options';

/** {@link timeSeriesSplit}'s parts (its definition is `timeSeriesSplitSplitter` in @lab/data-split/plugin). */
export const timeSeriesSplitParts = /* @__PURE__ */ parts(
  'timeSeriesSplit',
  {
    nSplits: /* @__PURE__ */ nSplitsParam(5),
    maxTrainSize: /* @__PURE__ */ countParam('most train'),
    testSize: /* @__PURE__ */ countParam('test'),
    gap: { kind: 'integer', default: 0, min: 0, description: 'samples between train and test' },
  },
  ({ nSplits: k, maxTrainSize, testSize, gap }, input) => {
    const n = samples(input);
    const t = testSize ?? Math.floor(n / (k + 1));
    if (k >= n) fail('nSplits', k, `< ${n} (nSamples)`);
    if (n - gap - k * t <= 0) fail('nSplits * testSize + gap', k * t + gap, `< ${n} (nSamples)`);
    return Array.from({ length: k }, (_, i) => {
      const s = n - (k - i) * t;
      return { train: range(Math.max(0, s - gap - (maxTrainSize ?? n)), s - gap), test: range(s, s + t) };
    });
  },
);

/**
 * Time-series split: forward-chaining folds for ordered data; every test set comes after its
 * training set. With `t = testSize ?? floor(n / (nSplits + 1))`, fold i (0-based) tests samples
 * `[s, s + t)` with `s = n - (nSplits - i) * t`, and trains on the samples before `s - gap`, only
 * the last `maxTrainSize` of them when that is given.
 *
 * Defaults: `nSplits: 5`, `gap: 0`, `testSize` and `maxTrainSize` unset. Errors: `nSplits < 2`,
 * `nSplits + 1 > nSamples`, or `nSamples - gap - nSplits * testSize <= 0`.
 *
 * Reference: scikit-learn 1.2 `TimeSeriesSplit`.
 *
 * @example
 * [...timeSeriesSplit({ nSplits: 3 }).split({ nSamples: 12 })];
 * // train [0..2] test [3..5]; train [0..5] test [6..8]; train [0..8] test [9..11]
 */
export const timeSeriesSplit = /* @__PURE__ */ factory(timeSeriesSplitParts);
