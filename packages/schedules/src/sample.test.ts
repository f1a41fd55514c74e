import { describe, expect, test } from 'vitest';
import { rejects } from '../test/helpers';
import { linear } from './polynomialDecay';
import { sample } from './sample';
import { sgdr } from './sgdr';

describe('sample', () => {
  const ramp = linear({ initValue: 1, endValue: 0, transitionSteps: 4 });
  test('points from start to end inclusive', () => {
    expect(sample(ramp, { end: 4, step: 2 })).toEqual({ steps: [0, 2, 4], values: [1, 0.5, 0] });
    expect(sample(ramp, { start: 1, end: 3 })).toEqual({ steps: [1, 2, 3], values: [0.75, 0.5, 0.25] });
  });
  test('fractional spacing for epoch schedules', () => {
    const { steps } = sample(sgdr({ maxValue: 1, period: 1 }), { end: 1, step: 0.1 });
    expect(steps).toHaveLength(11);
    expect(steps[10]).toBeCloseTo(1, 12);
  });
  test('rejects bad ranges', () => {
    rejects(() => sample(ramp, { start: 5, end: 4 }), 'end');
    rejects(() => sample(ramp, { end: 4, step: 0 }), 'step');
    rejects(() => sample(ramp, { end: 1e7 }), 'step');
  });
});
