import { describe, expect, test } from 'vitest';
import { at, near, rejects } from '../test/helpers';
import { warmupCosine } from './warmupCosine';

describe('warmupCosine', () => {
  test('decay steps include the warm-up (default, optax)', () => {
    const s = warmupCosine({ peakValue: 1, warmupSteps: 10, decaySteps: 30, endValue: 0.2 });
    expect(at(s, [0, 5, 10])).toEqual([0, 0.5, 1]);
    near(s(20), 0.6); // half-way through the 20-step cosine
    expect(at(s, [30, 31, 1000])).toEqual([0.2, 0.2, 0.2]);
  });
  test('decay steps after the warm-up (Keras)', () => {
    const s = warmupCosine({ peakValue: 1, warmupSteps: 10, decaySteps: 30, decayIncludesWarmup: false });
    near(s(25), 0.5);
    expect(s(40)).toBe(0);
    expect(s(39)).toBeGreaterThan(0);
  });
  test('no warm-up starts at the peak', () => {
    expect(warmupCosine({ peakValue: 1, warmupSteps: 0, decaySteps: 4, initValue: 0 })(0)).toBe(1);
  });
  test('rejects a decay shorter than the warm-up it includes', () => {
    rejects(() => warmupCosine({ peakValue: 1, warmupSteps: 10, decaySteps: 10 }), 'decaySteps');
    rejects(() => warmupCosine({ peakValue: 1, warmupSteps: -1, decaySteps: 10 }), 'warmupSteps');
  });
});
