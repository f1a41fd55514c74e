import { describe, expect, test } from 'vitest';
import { at, fractionalSteps, near, rejects } from '../test/helpers';
import { cosineDecay } from './cosineDecay';

describe('cosineDecay', () => {
  test('from initValue to 0 at decaySteps, held after', () => {
    const s = cosineDecay({ initValue: 1, decaySteps: 10 });
    expect(s(0)).toBe(1);
    near(s(5), 0.5);
    expect(at(s, [10, 11, 1000])).toEqual([0, 0, 0]);
    fractionalSteps(s);
  });
  test('minimum as a fraction (alpha) and as an absolute value agree', () => {
    const a = cosineDecay({ initValue: 2, decaySteps: 8, alpha: 0.25 });
    const m = cosineDecay({ initValue: 2, decaySteps: 8, minValue: 0.5 });
    for (const t of [0, 2, 4, 8, 9, 50]) near(a(t), m(t));
    expect(m(8)).toBe(0.5);
    expect(m(100)).toBe(0.5);
  });
  test('periodic: continues past the end as PyTorch CosineAnnealingLR', () => {
    const s = cosineDecay({ initValue: 1, decaySteps: 10, minValue: 0.1, periodic: true });
    expect(s(10)).toBe(0.1);
    near(s(15), 0.55);
    near(s(20), 1);
  });
  test('rejects bad parameters', () => {
    rejects(() => cosineDecay({ initValue: 1, decaySteps: 0 }), 'decaySteps');
    rejects(() => cosineDecay({ initValue: 1, decaySteps: 5, alpha: -0.1 }), 'alpha');
    rejects(() => cosineDecay({ initValue: 1, decaySteps: 5, alpha: 0.1, minValue: 0.1 }), 'alpha');
  });
});
