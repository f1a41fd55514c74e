import { describe, expect, test } from 'vitest';
import { at, fractionalSteps, rejects } from '../test/helpers';
import { linear, polynomialDecay } from './polynomialDecay';

describe('polynomialDecay', () => {
  test('(α0 − αend)(1 − t/T)^p + αend, held at the end', () => {
    const s = polynomialDecay({ initValue: 1.5, endValue: 0.5, power: 2, decaySteps: 4 });
    expect(at(s, [0, 2, 4, 5, 100])).toEqual([1.5, 0.75, 0.5, 0.5, 0.5]);
    fractionalSteps(s);
  });
  test('transitionBegin holds the start', () => {
    const s = polynomialDecay({ initValue: 1, decaySteps: 2, transitionBegin: 3 });
    expect(at(s, [0, 3, 4, 5, 6])).toEqual([1, 1, 0.5, 0, 0]);
  });
  test('rejects bad parameters', () => {
    rejects(() => polynomialDecay({ initValue: 1, decaySteps: 0 }), 'decaySteps');
    rejects(() => polynomialDecay({ initValue: 1, decaySteps: 3, power: 0 }), 'power');
  });
});

describe('linear', () => {
  test('ramp then constant, up or down', () => {
    expect(at(linear({ initValue: 1, endValue: 0, transitionSteps: 4 }), [0, 1, 4, 8])).toEqual([1, 0.75, 0, 0]);
    expect(at(linear({ initValue: 0, endValue: 2, transitionSteps: 4, transitionBegin: 2 }), [0, 2, 4, 6, 7])).toEqual([0, 0, 1, 2, 2]);
  });
  test('rejects bad parameters', () => {
    rejects(() => linear({ initValue: 1, endValue: 0, transitionSteps: 2.5 }), 'transitionSteps');
  });
});
