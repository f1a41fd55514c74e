import { describe, expect, test } from 'vitest';
import { at, fractionalSteps, rejects } from '../test/helpers';
import { inverseTimeDecay } from './inverseTimeDecay';

describe('inverseTimeDecay', () => {
  test("the lecture's α0/(1+βt)", () => {
    const s = inverseTimeDecay({ initValue: 1, decayRate: 0.5 });
    expect(at(s, [0, 1, 2, 6, 1998])).toEqual([1, 1 / 1.5, 0.5, 0.25, 0.001]);
    fractionalSteps(s);
  });
  test('decaySteps and staircase', () => {
    const smooth = inverseTimeDecay({ initValue: 1, decayRate: 1, decaySteps: 10 });
    const stairs = inverseTimeDecay({ initValue: 1, decayRate: 1, decaySteps: 10, staircase: true });
    expect(at(smooth, [0, 5, 10, 20])).toEqual([1, 1 / 1.5, 0.5, 1 / 3]);
    expect(at(stairs, [0, 9, 10, 19, 20])).toEqual([1, 1, 0.5, 0.5, 1 / 3]);
  });
  test('rejects decay rates <= 0', () => {
    rejects(() => inverseTimeDecay({ initValue: 1, decayRate: 0 }), 'decayRate');
    rejects(() => inverseTimeDecay({ initValue: 1, decayRate: -1 }), 'decayRate');
    rejects(() => inverseTimeDecay({ initValue: 1, decayRate: 1, decaySteps: 0 }), 'decaySteps');
  });
});
