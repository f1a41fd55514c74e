import { Rng } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sizes } from './sizes';
import { trainTestSplit } from './train-test-split';
import { trainValTestSplit } from './train-val-test-split';

const list = (a: Int32Array) => Array.from(a);

describe('sizes: counts vs fractions, scikit-learn rounding', () => {
  test('a fraction of the test set rounds up, of the train set down, in float64', () => {
    expect(sizes(100, { testFraction: 0.07 }, 0.25)).toEqual([92, 8]); // 0.07 * 100 = 7.000000000000001
    expect(sizes(11, { trainFraction: 0.5 }, 0.25)).toEqual([5, 6]);
    expect(sizes(5, { testFraction: 0.5, trainFraction: 0.5 }, 0.25)).toEqual([2, 3]);
    expect(sizes(10, {}, 0.25)).toEqual([7, 3]);
  });

  test('counts are taken as they are; 1 as a count is one sample', () => {
    expect(sizes(10, { testSize: 1 }, 0.25)).toEqual([9, 1]);
    expect(sizes(20, { testSize: 4, trainSize: 10 }, 0.25)).toEqual([10, 4]);
  });

  test('a test fraction alone: nTest = ceil(f * n), the rest trains', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (n, f) => {
        const nTest = Math.ceil(f * n);
        // Rejected exactly when ceil(f * n) leaves no training sample.
        if (nTest === n) expect(() => sizes(n, { testFraction: f }, 0.25)).toThrow(/trainSize/);
        else expect(sizes(n, { testFraction: f }, 0.25)).toEqual([n - nTest, nTest]);
      }),
    );
  });
});

describe('trainTestSplit', () => {
  test('without shuffle: the first nTrain samples, then nTest', () => {
    expect(trainTestSplit(10, { testSize: 3, shuffle: false })).toEqual({ train: Int32Array.of(0, 1, 2, 3, 4, 5, 6), test: Int32Array.of(7, 8, 9) });
    expect(trainTestSplit(20, { testSize: 4, trainSize: 10, shuffle: false })).toEqual({ train: Int32Array.from({ length: 10 }, (_, i) => i), test: Int32Array.of(10, 11, 12, 13) });
  });

  test('shuffled by default, seeded: disjoint, reproducible, views of one permutation', () => {
    const a = trainTestSplit(100, { testFraction: 0.2, seed: 42 });
    expect([a.train.length, a.test.length]).toEqual([80, 20]);
    expect(new Set([...a.train, ...a.test]).size).toBe(100);
    expect(a.train.buffer).toBe(a.test.buffer);
    expect(trainTestSplit(100, { testFraction: 0.2, seed: 42 })).toEqual(a);
    expect(list(trainTestSplit(100, { testFraction: 0.2, seed: 43 }).test)).not.toEqual(list(a.test));
    const rng = new Rng(1);
    expect(list(trainTestSplit(50, { seed: rng }).test)).not.toEqual(list(trainTestSplit(50, { seed: rng }).test));
  });

  test('stratified: class proportions kept', () => {
    const y = [...Array(30).fill('a'), ...Array(10).fill('b')];
    const { train, test } = trainTestSplit({ nSamples: 40, y }, { testFraction: 0.2, stratify: true, seed: 5 });
    expect(Array.from(test, (i) => y[i]).filter((v) => v === 'b')).toHaveLength(2);
    expect(Array.from(train, (i) => y[i]).filter((v) => v === 'b')).toHaveLength(8);
  });

  test.each([
    [10, { testSize: 3, testFraction: 0.3 }],
    [10, { testSize: 10 }],
    [10, { testFraction: 0.6, trainFraction: 0.5 }],
    [10, { testSize: 5, trainSize: 6 }],
    [1, {}],
    [10, { trainFraction: 0.05 }],
    [10, { testFraction: 1.5 }],
    [10, { testSize: 0.5 }],
    [10, { stratify: true, shuffle: false }],
    [{ nSamples: 4 }, { stratify: true }],
    [0, {}],
  ])('rejects %j with %j', (data, options) => {
    expect(() => trainTestSplit(data as never, options as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
  });
});

describe('trainValTestSplit', () => {
  test('60 / 20 / 20 by default, in order without shuffle', () => {
    expect(trainValTestSplit(10, { shuffle: false })).toEqual({
      train: Int32Array.of(0, 1, 2, 3, 4, 5),
      val: Int32Array.of(6, 7),
      test: Int32Array.of(8, 9),
    });
  });

  test('sizes as counts or fractions of all samples; the three sets partition the samples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 300 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer(), (n, t, v, seed) => {
        const { train, val, test } = trainValTestSplit(n, { testSize: t, valFraction: v / 10, seed });
        expect([test.length, val.length, train.length]).toEqual([t, Math.ceil((v / 10) * n), n - t - Math.ceil((v / 10) * n)]);
        expect(new Set([...train, ...val, ...test]).size).toBe(n);
      }),
    );
  });

  test('stratified: every set keeps the proportions', () => {
    const y = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const parts = trainValTestSplit({ nSamples: 50, y }, { stratify: true, seed: 2 });
    expect([parts.train, parts.val, parts.test].map((p) => Array.from(p, (i) => y[i]).filter((c) => c === 1).length)).toEqual([6, 2, 2]);
  });

  test.each([
    [10, { valSize: 8 }],
    [10, { valSize: 2, valFraction: 0.2 }],
    [10, { trainSize: 3 }],
    [10, { valFraction: 0 }],
  ])('rejects %j with %j', (data, options) => {
    expect(() => trainValTestSplit(data, options as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
  });
});
