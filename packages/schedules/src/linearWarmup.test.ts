import { describe, expect, test } from 'vitest';
import { at, fractionalSteps, rejects } from '../test/helpers';
import { linearWarmup } from './linearWarmup';

describe('linearWarmup', () => {
  test("the lecture's form α·t/τ, then constant", () => {
    const s = linearWarmup({ peakValue: 0.8, warmupSteps: 4 });
    expect(at(s, [0, 1, 2, 3, 4, 5, 100])).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 0.8, 0.8]);
    fractionalSteps(s);
  });
  test('from an initial value', () => {
    expect(at(linearWarmup({ peakValue: 1, warmupSteps: 2, initValue: 0.5 }), [0, 1, 2])).toEqual([0.5, 0.75, 1]);
  });
  test("PyTorch's start factor (LinearLR with end_factor 1)", () => {
    const s = linearWarmup({ peakValue: 0.1, warmupSteps: 10, startFactor: 0.25 });
    expect(s(0)).toBe(0.025);
    expect(s(10)).toBe(0.1);
    expect(s(30)).toBe(0.1);
  });
  test('rejects bad parameters', () => {
    rejects(() => linearWarmup({ peakValue: 1, warmupSteps: 0 }), 'warmupSteps');
    rejects(() => linearWarmup({ peakValue: 1, warmupSteps: 3, startFactor: 1.5 }), 'startFactor');
    rejects(() => linearWarmup({ peakValue: 1, warmupSteps: 3, startFactor: 0.5, initValue: 0 }), 'initValue');
  });
});
