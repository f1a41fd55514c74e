/**
 * scikit-learn 1.2 model_selection fixtures against @lab/data-split's public API.
 *
 * sklearn's snake_case constructor kwargs become lab's camelCase options; `None` (null) means "left
 * out". sklearn's `test_size` / `train_size` are a count when a Python int and a fraction when a
 * float; JSON cannot tell 1 from 1.0, so the fixture's `kwarg_types` decides, and the handler maps
 * them to lab's explicit `testSize` (count) / `testFraction` (fraction) options.
 */
import {
  kFold,
  leaveOneOut,
  leavePOut,
  stratifiedKFold,
  timeSeriesSplit,
  trainTestSplit,
} from '@lab/data-split';
import type { SizeOptions } from '@lab/data-split';
import { groupKFold } from '@lab/data-split/groups';
import type { LabelArray, SplitInput, Splitter } from '@lab/core';
import { exact } from '../compare';
import type { FixtureCase, Handler, Handlers, Mismatch } from '../types';

type Kwargs = Record<string, unknown>;

/** sklearn kwarg name -> lab option name (null values are left out). */
const NAMES: Record<string, string> = {
  n_splits: 'nSplits',
  shuffle: 'shuffle',
  p: 'p',
  max_train_size: 'maxTrainSize',
  test_size: 'testSize',
  gap: 'gap',
};

function options(kwargs: Kwargs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) {
    if (v === null || k === 'random_state') continue;
    if (!(k in NAMES)) throw new Error(`no lab option for sklearn kwarg ${k}`);
    out[NAMES[k]] = v;
  }
  return out;
}

/** A cross-validator case: build the splitter, split, compare n_splits and every fold exactly. */
const cv =
  (make: (o: never) => Splitter): Handler =>
  (c: FixtureCase): Mismatch[] => {
    const splitter = make(options(c.call.kwargs) as never);
    const inputs = c.inputs as { n_samples: number; y: LabelArray | null; groups: LabelArray | null };
    const input: SplitInput = { nSamples: inputs.n_samples, y: inputs.y, groups: inputs.groups };
    const folds = [...splitter.split(input)];
    const expected = c.expected as { n_splits: number; folds: { train: number[]; test: number[] }[] };
    return [
      ...exact('n_splits', expected.n_splits, splitter.nSplits(input)),
      ...exact('folds.length', expected.folds.length, folds.length),
      ...expected.folds.flatMap((f, i) => [...exact(`folds[${i}].train`, f.train, folds[i]?.train), ...exact(`folds[${i}].test`, f.test, folds[i]?.test)]),
    ];
  };

/** train_test_split sizes: an int size is a count (`testSize`), a float one a fraction (`testFraction`). */
const trainTestSplitSizes: Handler = (c) => {
  const kwargs = c.call.kwargs as { test_size: number | null; train_size: number | null; shuffle: boolean };
  const types = c.kwarg_types as Record<'test_size' | 'train_size', 'int' | 'float' | null>;
  const o: SizeOptions & { shuffle: boolean } = { shuffle: kwargs.shuffle };
  for (const [set, lab] of [
    ['test', 'test'],
    ['train', 'train'],
  ] as const) {
    const value = kwargs[`${set}_size`];
    const type = types[`${set}_size`];
    if (value === null) continue;
    if (type === 'int') o[`${lab}Size`] = value;
    else if (type === 'float') o[`${lab}Fraction`] = value;
    else throw new Error(`unknown kwarg type ${String(type)} for ${set}_size`);
  }
  const { train, test } = trainTestSplit((c.inputs as { n_samples: number }).n_samples, o);
  const expected = c.expected as { n_train: number; n_test: number };
  return [...exact('n_train', expected.n_train, train.length), ...exact('n_test', expected.n_test, test.length)];
};

/** Handlers keyed by the reference call name. */
export const handlers: Handlers = {
  'sklearn.model_selection.KFold': cv(kFold),
  'sklearn.model_selection.StratifiedKFold': cv(stratifiedKFold),
  'sklearn.model_selection.GroupKFold': cv(groupKFold),
  'sklearn.model_selection.LeaveOneOut': cv(leaveOneOut),
  'sklearn.model_selection.LeavePOut': cv(leavePOut),
  'sklearn.model_selection.TimeSeriesSplit': cv(timeSeriesSplit),
  'sklearn.model_selection.train_test_split': trainTestSplitSizes,
};
