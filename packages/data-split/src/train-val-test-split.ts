import type { LabelArray, SplitInput } from '@lab/core';
import { countParam, fail, rngOf, samples } from './internal';
import { resolve } from './options';
import { fractionParam, holdout, holdoutParams } from './sizes';
import { toInput } from './train-test-split';
import type { TrainTestSplitOptions } from './train-test-split';

const valParams = /* @__PURE__ */ (() => ({
  testSize: countParam('test'),
  testFraction: fractionParam('test'),
  valSize: countParam('validation'),
  valFraction: fractionParam('validation'),
  ...holdoutParams,
}))();

/** Options of {@link trainValTestSplit}: test and validation sizes as counts or fractions of all samples. */
export interface TrainValTestSplitOptions extends Omit<TrainTestSplitOptions, 'trainSize' | 'trainFraction'> {
  /** Validation set size as a count. */
  valSize?: number;
  /** Validation set size as a fraction of all samples, `nVal = ceil(valFraction * nSamples)`. */
  valFraction?: number;
}

/** The three index sets of {@link trainValTestSplit}. */
export interface TrainValTest {
  readonly train: Int32Array;
  readonly val: Int32Array;
  readonly test: Int32Array;
}

/**
 * Split into train, validation and test sets: first the test set is held out of all samples, then
 * the validation set out of the rest, both sizes counted against all samples (`testSize` /
 * `testFraction`, `valSize` / `valFraction`, each defaulting to a fraction of 0.2, so 60/20/20);
 * train is what remains. `shuffle` (default true), `stratify` (default false) and `seed` (default 0)
 * as in {@link trainTestSplit}. Not a splitter (a fold has two sets, this makes three).
 * Errors: the size errors of {@link sizes}, or a validation set that leaves no training sample.
 *
 * @example
 * const { train, val, test } = trainValTestSplit(10, { shuffle: false }); // 6 / 2 / 2
 */
export function trainValTestSplit(data: number | SplitInput, options?: TrainValTestSplitOptions): TrainValTest {
  const input = toInput(data);
  const n = samples(input);
  const o = resolve(valParams, options, 'trainValTestSplit');
  const rng = rngOf(o);
  const outer = holdout(input, o, rng, 0.2);
  const kept = outer.train;
  const nVal = o.valSize ?? Math.ceil((o.valFraction ?? 0.2) * n);
  if (nVal >= kept.length || (o.valSize && o.valFraction)) fail('valSize', nVal, `< ${kept.length} (left by the test set), without valFraction`);
  const y = input.y;
  const inner = holdout({ nSamples: kept.length, y: y && (Array.from(kept, (i) => y[i]) as LabelArray) }, { ...o, testSize: nVal, testFraction: undefined }, rng, 0);
  const back = (a: Int32Array) => a.map((i) => kept[i]);
  return { train: back(inner.train), val: back(inner.test), test: outer.test };
}
