import { nSplitsParam, partition, rounds, samples, seedParam, parts } from './internal';
import { factory } from './options';

/** {@link bootstrap}'s parts (its definition is `bootstrapSplitter` in @lab/data-split/plugin). */
export const bootstrapParts = /* @__PURE__ */ parts(
  'bootstrap',
  { nSplits: /* @__PURE__ */ nSplitsParam(10, 1), seed: seedParam },
  (o, input) => {
    const n = samples(input);
    return rounds(o.nSplits, o, (rng) => {
      const train = Int32Array.from({ length: n }, () => rng.int(n)).sort();
      const drawn = new Set(train);
      return [{ train, test: partition(n, (i) => !drawn.has(i)).test }];
    });
  },
);

/**
 * Bootstrap: each of `nSplits` rounds draws n samples uniformly with replacement (lab's Rng) as
 * the training set (sorted, with repeats) and tests on the out-of-bag samples, those never drawn
 * (sorted; about n / e of them, possibly none for tiny n).
 *
 * Defaults: `nSplits: 10`, `seed: 0`.
 *
 * Reference: B. Efron, "Bootstrap methods: another look at the jackknife", Annals of Statistics,
 * 1979; out-of-bag estimates: L. Breiman, "Out-of-bag estimation", 1996.
 *
 * @example
 * const [{ train, test }] = bootstrap({ nSplits: 1, seed: 3 }).split({ nSamples: 10 });
 * // train: 10 indices with repeats; test: the indices missing from train
 */
export const bootstrap = /* @__PURE__ */ factory(bootstrapParts);
