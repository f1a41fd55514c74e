import { describe, expect, test } from 'vitest';
import { at, integerSteps, near, rejects } from '../test/helpers';
import { cyclic, triangularCyclic } from './cyclic';

describe('triangularCyclic (lecture)', () => {
  test('up in stepSize steps, down in stepSize steps, bounds shrink by decay each cycle', () => {
    const s = triangularCyclic({ minValue: 1, maxValue: 3, stepSize: 2, decay: 0.5 });
    expect(at(s, [0, 1, 2, 3])).toEqual([1, 2, 3, 2]);
    expect(at(s, [4, 5, 6, 7])).toEqual([0.5, 1, 1.5, 1]);
    expect(at(s, [8, 10])).toEqual([0.25, 0.75]);
    integerSteps(s);
  });
  test('decay 1 keeps the bounds', () => {
    const s = triangularCyclic({ minValue: 0, maxValue: 1, stepSize: 5 });
    expect(at(s, [0, 5, 10, 15, 1000, 1005])).toEqual([0, 1, 0, 1, 0, 1]);
  });
  test('rejects bad parameters', () => {
    rejects(() => triangularCyclic({ minValue: 2, maxValue: 1, stepSize: 2 }), 'maxValue');
    rejects(() => triangularCyclic({ minValue: 0, maxValue: 1, stepSize: 0 }), 'stepSize');
    rejects(() => triangularCyclic({ minValue: 0, maxValue: 1, stepSize: 2, decay: 0 }), 'decay');
    rejects(() => triangularCyclic({ minValue: 0, maxValue: 1, stepSize: 2, decay: 1.5 }), 'decay');
  });
});

describe('cyclic (PyTorch CyclicLR)', () => {
  test('triangular, asymmetric', () => {
    const s = cyclic({ baseValue: 0, maxValue: 1, stepSizeUp: 2, stepSizeDown: 4 });
    // torch's formula in thirds of a cycle: exact only to rounding
    at(s, [0, 1, 2, 4, 6, 8]).forEach((v, i) => near(v + 1, [0, 0.5, 1, 0.5, 0, 1][i] + 1));
    integerSteps(s);
  });
  test('triangular2 halves the amplitude each cycle', () => {
    const s = cyclic({ baseValue: 0, maxValue: 1, stepSizeUp: 2, mode: 'triangular2' });
    expect(at(s, [2, 6, 10])).toEqual([1, 0.5, 0.25]);
  });
  test('exp_range scales by γ^t', () => {
    const s = cyclic({ baseValue: 0, maxValue: 1, stepSizeUp: 2, mode: 'exp_range', gamma: 0.5 });
    near(s(2), 0.25);
    near(s(6), 2 ** -6);
  });
  test('rejects bad parameters', () => {
    rejects(() => cyclic({ baseValue: 0, maxValue: 1, stepSizeUp: 0 }), 'stepSizeUp');
    rejects(() => cyclic({ baseValue: 0, maxValue: 1, mode: 'sine' as 'triangular' }), 'mode');
    rejects(() => cyclic({ baseValue: 0, maxValue: 1, gamma: 0 }), 'gamma');
  });
});
