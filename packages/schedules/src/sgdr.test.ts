import { describe, expect, test } from 'vitest';
import { at, fractionalSteps, near, rejects } from '../test/helpers';
import { cosineWarmRestarts, sgdr } from './sgdr';

describe('sgdr', () => {
  test('constant periods: restarts at every multiple of T0', () => {
    const s = sgdr({ maxValue: 1, period: 4 });
    expect(at(s, [0, 4, 8, 400])).toEqual([1, 1, 1, 1]);
    near(s(2), 0.5);
    near(s(6), 0.5);
  });
  test('integer growth T_m = 2·T_{m−1}: restarts at 0, 3, 9, 21 with decaying peaks', () => {
    const s = sgdr({ maxValue: 1, minValue: 0.1, period: 3, periodMult: 2, peakDecay: 0.5 });
    expect(at(s, [0, 3, 9, 21])).toEqual([1, 0.5, 0.25, 0.125]);
    near(s(6), 0.1 + (0.5 - 0.1) / 2); // half-way through the 6-step period
    near(s(20), 0.1 + (0.25 - 0.1) * (1 + Math.cos((Math.PI * 11) / 12)) / 2);
  });
  test('real growth k = 1.5: periods 2, 3, 4.5, ...', () => {
    const s = sgdr({ maxValue: 1, period: 2, periodMult: 1.5 });
    expect(at(s, [0, 2, 5, 9.5])).toEqual([1, 1, 1, 1]);
    near(s(7.25), 0.5);
    fractionalSteps(s);
  });
  test('cosineWarmRestarts is the same schedule', () => {
    expect(cosineWarmRestarts).toBe(sgdr);
  });
  test('rejects bad parameters', () => {
    rejects(() => sgdr({ maxValue: 1, period: 0 }), 'period');
    rejects(() => sgdr({ maxValue: 1, period: 2.5 }), 'period');
    rejects(() => sgdr({ maxValue: 1, period: 2, periodMult: 0.5 }), 'periodMult');
    rejects(() => sgdr({ maxValue: 1, period: 2, peakDecay: 0 }), 'peakDecay');
  });
});
