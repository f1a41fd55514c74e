/**
 * Extra scikit-learn 1.2 reference cases recorded by record-sklearn.py (random inputs for the
 * deterministic splitters; train_test_split sizes including rejected ones). Each case must give
 * the same folds, the same error-or-not, and the same warning-or-not.
 */
import { isLabError } from '@lab/core';
import type { SplitInput, Splitter } from '@lab/core';
import { describe, expect, test } from 'vitest';
import {
  kFold,
  leavePOut,
  predefinedSplit,
  stratifiedKFold,
  timeSeriesSplit,
  trainTestSplit,
} from '../src/index';
import { groupKFold, stratifiedGroupKFold } from '../src/groups';
import data from './sklearn-cases.json';

interface Case {
  kind: string;
  options: Record<string, unknown>;
  nSamples: number;
  y: number[] | string[] | null;
  groups: number[] | null;
  expected: { error?: string; warned?: boolean; folds?: { train: number[]; test: number[] }[]; nTrain?: number; nTest?: number };
}

const factories: Record<string, (o: never) => Splitter> = {
  kFold,
  stratifiedKFold,
  groupKFold,
  stratifiedGroupKFold,
  timeSeriesSplit,
  leavePOut,
  predefinedSplit,
};

const cases = (data as { cases: Case[] }).cases;

describe('scikit-learn 1.2 reference cases', () => {
  test('the recording holds every kind', () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set([...Object.keys(factories), 'trainTestSplit']));
  });

  test.each(cases.filter((c) => c.kind !== 'trainTestSplit').map((c, i) => [`${c.kind} #${i} ${JSON.stringify(c.options)} n=${c.nSamples}`, c] as const))(
    '%s',
    (_, c) => {
      const warnings: string[] = [];
      const input: SplitInput = { nSamples: c.nSamples, y: c.y, groups: c.groups };
      const run = () => [...factories[c.kind]({ ...c.options, onWarning: (m: string) => warnings.push(m) } as never).split(input)];
      // scikit-learn 1.2's StratifiedGroupKFold yields empty test folds when there are fewer groups
      // than folds; lab rejects that instead (documented).
      const fewGroups = c.kind === 'stratifiedGroupKFold' && new Set(c.groups).size < (c.options.nSplits as number);
      if (c.expected.error || fewGroups) {
        let error: unknown;
        try {
          run();
        } catch (e) {
          error = e;
        }
        expect(isLabError(error), String(error)).toBe(true);
        return;
      }
      const folds = run();
      expect(folds.map((f) => ({ train: Array.from(f.train), test: Array.from(f.test) }))).toEqual(c.expected.folds);
      expect(warnings.length > 0).toBe(Boolean(c.expected.warned));
    },
  );

  test.each(cases.filter((c) => c.kind === 'trainTestSplit').map((c) => [`${JSON.stringify(c.options)} n=${c.nSamples}`, c] as const))('trainTestSplit %s', (_, c) => {
    const run = () => trainTestSplit(c.nSamples, { ...c.options, shuffle: false });
    if (c.expected.error) {
      expect(run).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
      return;
    }
    const { train, test } = run();
    expect([train.length, test.length]).toEqual([c.expected.nTrain, c.expected.nTest]);
  });
});
