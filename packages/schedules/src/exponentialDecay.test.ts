import { describe, expect, test } from 'vitest';
import { at, fractionalSteps, near, rejects } from '../test/helpers';
import { exponentialDecay, naturalExpDecay } from './exponentialDecay';

describe('exponentialDecay', () => {
  test("the lecture's α0·β^t", () => {
    const s = exponentialDecay({ initValue: 1, decayRate: 0.5 });
    expect(at(s, [0, 1, 2, 10])).toEqual([1, 0.5, 0.25, 2 ** -10]);
    fractionalSteps(s);
  });
  test('transitionSteps, staircase, transitionBegin and endValue', () => {
    const s = exponentialDecay({ initValue: 1, decayRate: 0.5, transitionSteps: 10, transitionBegin: 5, staircase: true, endValue: 0.2 });
    // held until step 5, then halves every 10 steps, clipped at 0.2
    expect(at(s, [0, 5, 14, 15, 24, 25, 35, 1000])).toEqual([1, 1, 1, 0.5, 0.5, 0.25, 0.2, 0.2]);
    near(exponentialDecay({ initValue: 1, decayRate: 0.5, transitionSteps: 10 })(5), Math.SQRT1_2);
  });
  test('a growing rate is clipped from above', () => {
    const s = exponentialDecay({ initValue: 1, decayRate: 2, endValue: 8 });
    expect(at(s, [0, 3, 4, 100])).toEqual([1, 8, 8, 8]);
  });
  test('rejects decay rates <= 0 and bad steps', () => {
    rejects(() => exponentialDecay({ initValue: 1, decayRate: 0 }), 'decayRate');
    rejects(() => exponentialDecay({ initValue: 1, decayRate: 0.5, transitionSteps: 0 }), 'transitionSteps');
    rejects(() => exponentialDecay({ initValue: 1, decayRate: 0.5, transitionBegin: -1 }), 'transitionBegin');
    rejects(() => exponentialDecay({ initValue: 1, decayRate: 0.5, endValue: NaN }), 'endValue');
  });
});

describe('naturalExpDecay', () => {
  test("the lecture's α0·exp(−βt), smooth and staircase", () => {
    const s = naturalExpDecay({ initValue: 2, decayRate: 0.1 });
    expect(s(0)).toBe(2);
    near(s(10), 2 * Math.exp(-1));
    const stairs = naturalExpDecay({ initValue: 2, decayRate: 1, decaySteps: 10, staircase: true });
    expect(at(stairs, [0, 9])).toEqual([2, 2]);
    near(stairs(10), 2 * Math.exp(-1));
    fractionalSteps(s);
  });
  test('rejects decay rates <= 0', () => {
    rejects(() => naturalExpDecay({ initValue: 1, decayRate: 0 }), 'decayRate');
  });
});
