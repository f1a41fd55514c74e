import { describe, expect, test } from 'vitest';
import { integerSteps, near, rejects } from '../test/helpers';
import { oneCycle, oneCycleMomentum } from './oneCycle';

describe('oneCycle', () => {
  test('two phases, cos: start, peak, end, extrapolated total, error past it', () => {
    const s = oneCycle({ maxValue: 1, totalSteps: 11, pctStart: 6 / 11 });
    near(s(0), 1 / 25);
    expect(s(5)).toBe(1); // end of phase 1 at pctStart·T − 1 = 5
    near(s(10), 1 / 25 / 1e4);
    expect(s(11)).toBeGreaterThan(s(10)); // torch extrapolates the cosine one step
    rejects(() => s(12), 'step');
    integerSteps(s);
  });
  test('linear anneal can go negative at totalSteps, as torch', () => {
    const s = oneCycle({ maxValue: 1, totalSteps: 11, pctStart: 6 / 11, annealStrategy: 'linear', divFactor: 2, finalDivFactor: 1 });
    expect([s(0), s(5), s(10)]).toEqual([0.5, 1, 0.5]);
    near(s(11), 0.4);
  });
  test('three phases: up, back down to the start, then to the final value', () => {
    const s = oneCycle({ maxValue: 1, totalSteps: 20, pctStart: 0.3, threePhase: true, divFactor: 10 });
    expect(s(5)).toBe(1);
    near(s(10), 0.1);
    near(s(19), 0.1 / 1e4);
  });
  test('momentum moves against the rate', () => {
    const m = oneCycleMomentum({ totalSteps: 11, pctStart: 6 / 11 });
    expect([m(0), m(5), m(10)]).toEqual([0.95, 0.85, 0.95]);
    const m3 = oneCycleMomentum({ totalSteps: 20, threePhase: true });
    expect([m3(0), m3(5), m3(10), m3(19)]).toEqual([0.95, 0.85, 0.95, 0.95]);
  });
  test('rejects bad parameters', () => {
    rejects(() => oneCycle({ maxValue: 1, totalSteps: 0 }), 'totalSteps');
    rejects(() => oneCycle({ maxValue: 1, totalSteps: 10, pctStart: 1.5 }), 'pctStart');
    // phase 1 starts and ends at step 0, where torch raises ZeroDivisionError: refused on construction
    rejects(() => oneCycle({ maxValue: 1, totalSteps: 10, pctStart: 0.1 }), 'pctStart');
    rejects(() => oneCycle({ maxValue: 1, totalSteps: 10, annealStrategy: 'exp' as 'cos' }), 'annealStrategy');
    rejects(() => oneCycle({ maxValue: 1, totalSteps: 10, divFactor: 0 }), 'divFactor');
  });
  test('a phase without steps is skipped, as in torch (values recorded from PyTorch 1.13)', () => {
    const zero = oneCycle({ maxValue: 1, totalSteps: 5, pctStart: 0, annealStrategy: 'linear', divFactor: 2, finalDivFactor: 1 });
    expect([0, 1, 2, 3, 4].map(zero)).toEqual([0.9, 0.8, 0.7, 0.6, 0.5].map((v) => expect.closeTo(v, 15)));
    const late = oneCycle({ maxValue: 1, totalSteps: 10, pctStart: 0.6, threePhase: true, annealStrategy: 'linear', divFactor: 2, finalDivFactor: 1 });
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(late)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.9, 0.8, 0.7, 0.6].map((v) => expect.closeTo(v, 15)));
  });
});
