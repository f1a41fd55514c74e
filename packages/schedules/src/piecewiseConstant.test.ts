import { describe, expect, test } from 'vitest';
import { at, integerSteps, rejects } from '../test/helpers';
import { piecewiseConstant } from './piecewiseConstant';

describe('piecewiseConstant', () => {
  test("the lecture's factors β_m: value changes AT each boundary", () => {
    const s = piecewiseConstant({ boundaries: [3, 6], initValue: 1, factors: [0.5, 0.1] });
    expect(at(s, [0, 2, 3, 5, 6, 7, 1000])).toEqual([1, 1, 0.5, 0.5, 0.05, 0.05, 0.05]);
    integerSteps(s);
  });
  test('absolute values', () => {
    const s = piecewiseConstant({ boundaries: [3, 6], values: [0.3, 0.2, 0.1] });
    expect(at(s, [0, 2, 3, 5, 6, 99])).toEqual([0.3, 0.3, 0.2, 0.2, 0.1, 0.1]);
  });
  test('no boundaries: a constant', () => {
    expect(piecewiseConstant({ boundaries: [], values: [2] })(50)).toBe(2);
  });
  test('invalid parameters are rejected, naming them', () => {
    rejects(() => piecewiseConstant({ boundaries: [3, 3], values: [1, 2, 3] }), 'boundaries');
    rejects(() => piecewiseConstant({ boundaries: [2.5], values: [1, 2] }), 'boundaries[0]');
    rejects(() => piecewiseConstant({ boundaries: [-1], values: [1, 2] }), 'boundaries[0]');
    rejects(() => piecewiseConstant({ boundaries: [3], values: [1] }), 'values');
    rejects(() => piecewiseConstant({ boundaries: [3], factors: [0.5] }), 'initValue');
    rejects(() => piecewiseConstant({ boundaries: [3], initValue: 1, factors: [] }), 'factors');
    rejects(() => piecewiseConstant({ boundaries: [3], initValue: 1, values: [1, 2] }), 'values');
  });
});
