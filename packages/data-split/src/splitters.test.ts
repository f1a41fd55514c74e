/** Behaviour of each splitter beyond the scikit-learn cases: errors, warnings, seeds, defaults. */
import { createRegistry, isLabError, Rng } from '@lab/core';
import type { SplitInput, Splitter } from '@lab/core';
import { checkPlugin } from '@lab/core/testing';
import { describe, expect, test } from 'vitest';
import { bootstrap } from './bootstrap';
import { groupKFold } from './group-k-fold';
import { groupSplitPlugin } from './groups-plugin';
import { kFold } from './k-fold';
import { leaveOneOut, leavePOut } from './leave-out';
import { dataSplitPlugin } from './plugin';
import { predefinedSplit } from './predefined-split';
import { repeatedKFold, repeatedStratifiedKFold } from './repeated';
import { shuffleSplit, stratifiedShuffleSplit } from './shuffle-split';
import { stratifiedGroupKFold } from './stratified-group-k-fold';
import { stratifiedKFold } from './stratified-k-fold';
import { timeSeriesSplit } from './time-series-split';

const arrays = (s: Splitter, input: SplitInput) => [...s.split(input)].map((f) => ({ train: Array.from(f.train), test: Array.from(f.test) }));

/** The lab error a call throws (fails the test when it throws none or another kind). */
function labError(run: () => unknown): { argument: string; message: string } {
  try {
    run();
  } catch (e) {
    expect(isLabError(e), String(e)).toBe(true);
    return e as { argument: string; message: string };
  }
  throw new Error('expected a lab error, got none');
}

describe('errors are raised on the call and name the argument', () => {
  test.each([
    ['k < 2', () => kFold({ nSplits: 1 }), 'kFold.nSplits'],
    ['k not an integer', () => kFold({ nSplits: 2.5 }), 'kFold.nSplits'],
    ['unknown option', () => kFold({ nFolds: 3 } as never), 'kFold.nFolds'],
    ['k > n', () => kFold({ nSplits: 5 }).split({ nSamples: 4 }), 'nSplits'],
    ['empty input', () => kFold().split({ nSamples: 0 }), 'nSamples'],
    ['nSamples not an integer', () => kFold().split({ nSamples: 3.5 }), 'nSamples'],
    ['stratified without y', () => stratifiedKFold({ nSplits: 2 }).split({ nSamples: 4 }), 'y'],
    ['y of the wrong length', () => stratifiedKFold({ nSplits: 2 }).split({ nSamples: 4, y: [0, 1, 0] }), 'y'],
    ['every class smaller than k', () => stratifiedKFold({ nSplits: 3 }).split({ nSamples: 4, y: [0, 0, 1, 1] }), 'nSplits'],
    ['repeated stratified, every class smaller than k', () => repeatedStratifiedKFold({ nSplits: 3 }).split({ nSamples: 4, y: [0, 0, 1, 1] }), 'nSplits'],
    ['group K-fold without groups', () => groupKFold({ nSplits: 2 }).split({ nSamples: 4 }), 'groups'],
    ['more folds than groups', () => groupKFold({ nSplits: 3 }).split({ nSamples: 4, groups: [0, 0, 1, 1] }), 'nSplits'],
    ['stratified group: more folds than groups', () => stratifiedGroupKFold({ nSplits: 3 }).split({ nSamples: 6, y: [0, 1, 0, 1, 0, 1], groups: [0, 0, 0, 1, 1, 1] }), 'nSplits'],
    ['leave-one-out of one sample', () => leaveOneOut().split({ nSamples: 1 }), 'nSamples'],
    ['leave-p-out with p >= n', () => leavePOut({ p: 3 }).split({ nSamples: 3 }), 'p'],
    ['leave-p-out without p', () => leavePOut({} as never), 'leavePOut.p'],
    ['time series: too many splits', () => timeSeriesSplit({ nSplits: 5 }).split({ nSamples: 5 }), 'nSplits'],
    ['time series: sizes do not fit', () => timeSeriesSplit({ nSplits: 3, testSize: 3, gap: 1 }).split({ nSamples: 9 }), 'nSplits * testSize + gap'],
    ['predefined: no fold', () => predefinedSplit({ testFold: [-1, -1] }).split({ nSamples: 2 }), 'testFold'],
    ['predefined: wrong length', () => predefinedSplit({ testFold: [0, 1] }).split({ nSamples: 3 }), 'testFold'],
    ['shuffle split: test count >= n', () => shuffleSplit({ testSize: 10 }).split({ nSamples: 10 }), 'testSize'],
    ['shuffle split: count and fraction both', () => shuffleSplit({ testSize: 2, testFraction: 0.2 }).split({ nSamples: 10 }), 'testSize'],
    ['shuffle split: fraction out of (0, 1)', () => shuffleSplit({ testFraction: 1 }), 'shuffleSplit.testFraction'],
    ['stratified shuffle: a class of one', () => stratifiedShuffleSplit({ testSize: 2 }).split({ nSamples: 5, y: [0, 0, 0, 0, 1] }), 'y'],
    ['stratified shuffle: fewer test samples than classes', () => stratifiedShuffleSplit({ testSize: 1 }).split({ nSamples: 6, y: [0, 0, 0, 1, 1, 1] }), 'trainSize and testSize'],
    ['bootstrap: bad seed', () => bootstrap({ seed: 0.5 }), 'bootstrap.seed'],
  ])('%s', (_, run, argument) => {
    expect(labError(run).argument).toBe(argument);
  });
});

describe('stratification warnings (scikit-learn warns when some class is smaller than k)', () => {
  test('a warning to onWarning, folds still made', () => {
    const warnings: string[] = [];
    const folds = arrays(stratifiedKFold({ nSplits: 3, onWarning: (m) => warnings.push(m) }), { nSamples: 6, y: [0, 0, 0, 0, 1, 1] });
    expect(folds).toHaveLength(3);
    expect(warnings).toEqual(['the smallest class in y has 2 members, fewer than nSplits=3']);
  });

  test('console.warn by default; repeated stratified K-fold warns once', () => {
    const calls: unknown[] = [];
    const original = console.warn;
    console.warn = (m: unknown) => calls.push(m);
    try {
      Array.from(repeatedStratifiedKFold({ nSplits: 3, nRepeats: 4 }).split({ nSamples: 6, y: [0, 0, 0, 0, 1, 1] }));
    } finally {
      console.warn = original;
    }
    expect(calls).toHaveLength(1);
  });

  test('no warning when every class has k members', () => {
    const warnings: string[] = [];
    Array.from(stratifiedKFold({ nSplits: 2, onWarning: (m) => warnings.push(m) }).split({ nSamples: 4, y: ["a", "b", "a", "b"] }));
    expect(warnings).toEqual([]);
  });
});

describe('seeds', () => {
  const input = { nSamples: 30, y: Array.from({ length: 30 }, (_, i) => i % 3), groups: Array.from({ length: 30 }, (_, i) => i % 7) };
  const shuffled: [string, (o: { seed?: number | Rng }) => Splitter][] = [
    ['kFold', (o) => kFold({ shuffle: true, ...o })],
    ['stratifiedKFold', (o) => stratifiedKFold({ shuffle: true, nSplits: 3, ...o })],
    ['stratifiedGroupKFold', (o) => stratifiedGroupKFold({ shuffle: true, nSplits: 3, ...o })],
    ['repeatedKFold', (o) => repeatedKFold({ nRepeats: 2, ...o })],
    ['repeatedStratifiedKFold', (o) => repeatedStratifiedKFold({ nSplits: 3, nRepeats: 2, ...o })],
    ['shuffleSplit', (o) => shuffleSplit(o)],
    ['stratifiedShuffleSplit', (o) => stratifiedShuffleSplit(o)],
    ['bootstrap', (o) => bootstrap(o)],
  ];
  test.each(shuffled)('%s: same seed, same folds (every call); another seed, other folds; an Rng draws on', (_, make) => {
    const a = make({ seed: 7 });
    expect(arrays(a, input)).toEqual(arrays(a, input));
    expect(arrays(make({ seed: 7 }), input)).toEqual(arrays(a, input));
    expect(arrays(make({ seed: 8 }), input)).not.toEqual(arrays(a, input));
    const viaRng = make({ seed: new Rng(99) });
    expect(arrays(viaRng, input)).not.toEqual(arrays(viaRng, input));
  });

  test('without shuffle, K-fold is the same for any seed', () => {
    expect(arrays(kFold({ seed: 1 }), { nSamples: 9 })).toEqual(arrays(kFold({ seed: 2 }), { nSamples: 9 }));
  });
});

describe('splitters', () => {
  test('repeated K-fold: each repetition is a new shuffle', () => {
    const folds = arrays(repeatedKFold({ nSplits: 2, nRepeats: 3, seed: 1 }), { nSamples: 20 });
    expect(folds).toHaveLength(6);
    expect(folds[0].test).not.toEqual(folds[2].test);
  });

  test('shuffle split: sizes by count or fraction (default test fraction 0.1); train and test disjoint', () => {
    for (const [o, sizes] of [
      [{}, [18, 2]],
      [{ testSize: 5 }, [15, 5]],
      [{ testFraction: 0.25, trainSize: 10 }, [10, 5]],
    ] as const) {
      for (const { train, test } of shuffleSplit({ nSplits: 3, ...o }).split({ nSamples: 20 })) {
        expect([train.length, test.length]).toEqual(sizes);
        expect(new Set([...train, ...test]).size).toBe(train.length + test.length);
      }
    }
  });

  test('stratified shuffle split: the worked case (6 and 4 -> test 3 and 2)', () => {
    const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const [{ test }] = stratifiedShuffleSplit({ nSplits: 1, testSize: 5 }).split({ nSamples: 10, y });
    expect(Array.from(test, (i) => y[i]).sort()).toEqual([0, 0, 0, 1, 1]);
  });

  test('bootstrap: n draws with repeats as train, out-of-bag samples as test', () => {
    const folds = [...bootstrap({ nSplits: 5, seed: 3 }).split({ nSamples: 40 })];
    expect(folds).toHaveLength(5);
    for (const { train, test } of folds) {
      expect(train).toHaveLength(40);
      expect(new Set(train).size).toBeLessThan(40);
      const drawn = new Set(train);
      expect(Array.from(test)).toEqual([...Array(40).keys()].filter((i) => !drawn.has(i)));
    }
  });

  test('leave-p-out: C(n, p) folds in lexicographic order', () => {
    const cv = leavePOut({ p: 2 });
    expect(cv.nSplits({ nSamples: 5 })).toBe(10);
    expect(cv.nSplits({ nSamples: 30 })).toBe(435);
    expect(arrays(cv, { nSamples: 4 }).map((f) => f.test)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });

  test('time-series split: train before test, gap and maxTrainSize', () => {
    expect(arrays(timeSeriesSplit({ nSplits: 2, gap: 1, maxTrainSize: 2 }), { nSamples: 9 })).toEqual([
      { train: [0, 1], test: [3, 4, 5] },
      { train: [3, 4], test: [6, 7, 8] },
    ]);
  });

  test('leave-one-out: nSplits = nSamples', () => {
    expect(leaveOneOut().nSplits({ nSamples: 7 })).toBe(7);
  });

  test('predefined split: folds in ascending id order; nSplits = number of ids', () => {
    const cv = predefinedSplit({ testFold: [3, 1, -1, 1] });
    expect(cv.nSplits({ nSamples: 4 })).toBe(2);
    expect(arrays(cv, { nSamples: 4 })).toEqual([
      { train: [0, 2], test: [1, 3] },
      { train: [1, 2, 3], test: [0] },
    ]);
  });
});

describe('plugins', () => {
  test('dataSplitPlugin conforms, and builds every splitter of the main entry by name from a config', () => {
    checkPlugin(dataSplitPlugin);
    const registry = createRegistry().use(dataSplitPlugin);
    expect(registry.list('splitter')).toHaveLength(12);
    expect(registry.has('splitter', 'groupKFold')).toBe(false);
    const cv = registry.build('splitter', { type: 'kFold', nSplits: 3 });
    expect(arrays(cv, { nSamples: 6 }).map((f) => f.test)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(() => registry.build('splitter', { type: 'kFold', nSplits: 1 })).toThrow(/nSplits/);
    expect(registry.build('splitter', { type: 'trainTestSplit', testSize: 2, shuffle: false }).nSplits({ nSamples: 5 })).toBe(1);
  });

  test('groupSplitPlugin conforms and adds the two group splitters; together the plugins hold all 14, each once', () => {
    checkPlugin(groupSplitPlugin);
    const registry = createRegistry().use(dataSplitPlugin).use(groupSplitPlugin);
    const names = registry.list('splitter').map((e) => e.name);
    expect(names).toHaveLength(14);
    expect(new Set(names).size).toBe(14);
    expect(registry.list('splitter').filter((e) => e.plugin === '@lab/data-split/groups').map((e) => e.name)).toEqual(['groupKFold', 'stratifiedGroupKFold']);
    const input = { nSamples: 6, groups: ['a', 'a', 'b', 'b', 'b', 'c'] };
    const cv = registry.build('splitter', { type: 'groupKFold', nSplits: 3 });
    expect(arrays(cv, input)).toEqual(arrays(groupKFold({ nSplits: 3 }), input));
    expect(() => registry.build('splitter', { type: 'stratifiedGroupKFold', nSplits: 1 })).toThrow(/nSplits/);
    expect(registry.get('splitter', 'groupKFold').meta?.docsUrl).toBe('https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.GroupKFold.html');
  });

  test('the plugins\' version is the package version', async () => {
    const { version } = (await import('../package.json')).default;
    expect(dataSplitPlugin.meta.version).toBe(version);
    expect(groupSplitPlugin.meta.version).toBe(version);
  });
});

describe('option types', () => {
  test('seed takes a number or an Rng where the splitter has one; unknown options are type errors', () => {
    kFold({ nSplits: 3, shuffle: true, seed: new Rng(1) });
    kFold({ seed: 3, onWarning: () => {} });
    // @ts-expect-error groupKFold is not randomised: no seed
    expect(() => groupKFold({ seed: 1 })).toThrow(/seed/);
    // @ts-expect-error nSplits is a number
    expect(() => kFold({ nSplits: '3' })).toThrow(/nSplits/);
  });
});
