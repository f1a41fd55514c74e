import { describe, expect, test } from 'vitest';
import { at, integerSteps, rejects } from '../test/helpers';
import { multiStep, stepDecay } from './stepDecay';

describe('stepDecay', () => {
  test('α0·γ^⌊t/stepSize⌋ at 0, each boundary, last step and past the end', () => {
    const s = stepDecay({ initValue: 1, stepSize: 10, gamma: 0.5 });
    expect(at(s, [0, 9, 10, 19, 20, 29, 30, 1000])).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.5 ** 100]);
    integerSteps(s);
  });
  test('default gamma is 0.1', () => {
    expect(stepDecay({ initValue: 1, stepSize: 2 })(2)).toBe(0.1);
  });
  test('rejects bad parameters', () => {
    rejects(() => stepDecay({ initValue: 1, stepSize: 0 }), 'stepSize');
    rejects(() => stepDecay({ initValue: 1, stepSize: 1.5 }), 'stepSize');
    rejects(() => stepDecay({ initValue: 1, stepSize: 2, gamma: 0 }), 'gamma');
    rejects(() => stepDecay({ initValue: Infinity, stepSize: 2 }), 'initValue');
  });
});

describe('multiStep', () => {
  test('γ applied at each milestone (twice for a repeated one)', () => {
    const s = multiStep({ initValue: 1, milestones: [2, 5, 5], gamma: 0.5 });
    expect(at(s, [0, 1, 2, 4, 5, 6, 100])).toEqual([1, 1, 0.5, 0.5, 0.125, 0.125, 0.125]);
    integerSteps(s);
  });
  test('rejects unsorted or fractional milestones', () => {
    rejects(() => multiStep({ initValue: 1, milestones: [5, 2] }), 'milestones');
    rejects(() => multiStep({ initValue: 1, milestones: [2.5] }), 'milestones[0]');
  });
});
