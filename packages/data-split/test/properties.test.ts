/**
 * Invariants of every K-fold variant, checked with fast-check on random inputs: each index is in
 * exactly one test fold (per repetition), train and test never overlap and cover all samples,
 * index arrays are ascending, groups never straddle train and test, and stratified folds keep each
 * class's count within one sample of its ideal share n_c / k.
 */
import type { Fold, SplitInput, Splitter } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  kFold,
  leaveOneOut,
  predefinedSplit,
  repeatedKFold,
  repeatedStratifiedKFold,
  stratifiedKFold,
  stratifiedShuffleSplit,
} from '../src/index';
import { groupKFold, stratifiedGroupKFold } from '../src/groups';

const ascending = (a: Int32Array) => a.every((v, i) => i === 0 || a[i - 1] < v);

/** Partition checks for one round of folds over n samples; returns how often each index was tested. */
function checkRound(folds: Fold[], n: number): void {
  const tested = new Int32Array(n);
  for (const { train, test } of folds) {
    expect(ascending(train) && ascending(test)).toBe(true);
    expect(train.length + test.length).toBe(n);
    const inTest = new Set(test);
    expect(train.some((i) => inTest.has(i))).toBe(false);
    test.forEach((i) => tested[i]++);
  }
  expect(Array.from(tested).every((t) => t === 1)).toBe(true);
}

const classCounts = (y: number[], idx: Int32Array, m: number) => {
  const c = new Array(m).fill(0);
  idx.forEach((i) => c[y[i]]++);
  return c;
};

/** Within one sample of ideal: |count of class c in fold - n_c / k| < 1 for every fold and class. */
function checkStratified(folds: Fold[], y: number[], k: number): void {
  const m = Math.max(...y) + 1;
  const total = classCounts(y, Int32Array.from(y.keys()), m);
  for (const { test } of folds) classCounts(y, test, m).forEach((c, j) => expect(Math.abs(c - total[j] / k)).toBeLessThan(1));
}

/** n, k <= n, and labels in 0..m-1 whose largest class has at least k members. */
const labelled = fc
  .record({ n: fc.integer({ min: 2, max: 60 }), k: fc.integer({ min: 2, max: 8 }), m: fc.integer({ min: 1, max: 5 }), seed: fc.integer() })
  .filter(({ n, k }) => k <= n)
  .chain(({ n, k, m, seed }) => fc.record({ n: fc.constant(n), k: fc.constant(k), seed: fc.constant(seed), y: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }) }))
  .filter(({ y, k }) => Math.max(...[0, 1, 2, 3, 4].map((c) => y.filter((v) => v === c).length)) >= k)
  .map(({ y, ...rest }) => {
    // Relabel to 0..m-1 in order of first appearance so class ids are dense.
    const ids = [...new Set(y)];
    return { ...rest, y: y.map((v) => ids.indexOf(v)) };
  });

const quiet = { onWarning: () => {} };

describe('K-fold invariants (fast-check)', () => {
  test('kFold, shuffled or not: a partition; the first n % k folds one larger', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 80 }), fc.integer({ min: 2, max: 10 }), fc.boolean(), fc.integer(), (n, k, shuffle, seed) => {
        fc.pre(k <= n);
        const cv = kFold({ nSplits: k, shuffle, seed });
        const folds = [...cv.split({ nSamples: n })];
        expect(folds.length).toBe(cv.nSplits({ nSamples: n }));
        checkRound(folds, n);
        folds.forEach((f, i) => expect(f.test.length).toBe(Math.floor(n / k) + (i < n % k ? 1 : 0)));
      }),
    );
  });

  test('stratifiedKFold, shuffled or not: a partition within one sample of ideal class counts', () => {
    fc.assert(
      fc.property(labelled, fc.boolean(), ({ n, k, y, seed }, shuffle) => {
        const folds = [...stratifiedKFold({ nSplits: k, shuffle, seed, ...quiet }).split({ nSamples: n, y })];
        expect(folds.length).toBe(k);
        checkRound(folds, n);
        checkStratified(folds, y, k);
        // Fold sizes differ by at most one.
        expect(Math.max(...folds.map((f) => f.test.length)) - Math.min(...folds.map((f) => f.test.length))).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('repeated (stratified) K-fold: every repetition is a partition (stratified within one sample)', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 1, max: 3 }), ({ n, k, y, seed }, r) => {
        const input: SplitInput = { nSamples: n, y };
        for (const [cv, stratified] of [
          [repeatedKFold({ nSplits: k, nRepeats: r, seed }), false],
          [repeatedStratifiedKFold({ nSplits: k, nRepeats: r, seed, ...quiet }), true],
        ] as [Splitter, boolean][]) {
          const folds = [...cv.split(input)];
          expect(folds.length).toBe(k * r);
          expect(cv.nSplits(input)).toBe(k * r);
          for (let i = 0; i < r; i++) {
            checkRound(folds.slice(i * k, (i + 1) * k), n);
            if (stratified) checkStratified(folds.slice(i * k, (i + 1) * k), y, k);
          }
        }
      }),
    );
  });

  test('groupKFold and stratifiedGroupKFold: a partition in which no group is on both sides', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 1, max: 20 }), fc.boolean(), ({ n, k, y, seed }, gMax, shuffle) => {
        const groups = y.map((_, i) => (i * 7919 + seed) % gMax);
        fc.pre(new Set(groups).size >= k);
        const input = { nSamples: n, y, groups };
        for (const cv of [groupKFold({ nSplits: k }), stratifiedGroupKFold({ nSplits: k, shuffle, seed, ...quiet })]) {
          const folds = [...cv.split(input)];
          checkRound(folds, n);
          for (const { train, test } of folds) {
            const testGroups = new Set(Array.from(test, (i) => groups[i]));
            expect(train.some((i) => testGroups.has(groups[i]))).toBe(false);
          }
        }
      }),
    );
  });

  test('leaveOneOut and predefinedSplit: partitions (predefined: -1 samples never tested)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 2, maxLength: 40 }), (testFold) => {
        const n = testFold.length;
        checkRound([...leaveOneOut().split({ nSamples: n })], n);
        fc.pre(testFold.some((f) => f !== -1));
        const folds = [...predefinedSplit({ testFold }).split({ nSamples: n })];
        const tested = new Int32Array(n);
        folds.forEach(({ train, test }) => {
          expect(train.length + test.length).toBe(n);
          test.forEach((i) => tested[i]++);
        });
        testFold.forEach((f, i) => expect(tested[i]).toBe(f === -1 ? 0 : 1));
      }),
    );
  });

  test('stratifiedShuffleSplit: train class counts within one of the proportional share', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 1, max: 99 }), ({ n, y, seed }, pct) => {
        const counts = [...new Set(y)].map((c) => y.filter((v) => v === c).length);
        const nTest = Math.ceil((pct / 100) * n);
        fc.pre(Math.min(...counts) >= 2 && nTest >= counts.length && n - nTest >= counts.length);
        for (const { train, test } of stratifiedShuffleSplit({ nSplits: 2, testFraction: pct / 100, seed }).split({ nSamples: n, y })) {
          expect([train.length, test.length]).toEqual([n - nTest, nTest]);
          expect(new Set([...train, ...test]).size).toBe(n);
          classCounts(y, train, counts.length).forEach((c, j) => expect(Math.abs(c - ((n - nTest) * counts[j]) / n)).toBeLessThan(1));
        }
      }),
    );
  });
});
