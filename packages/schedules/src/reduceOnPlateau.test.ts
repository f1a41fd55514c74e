import { NonFiniteError } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rejects } from '../test/helpers';
import { reduceOnPlateau, type PlateauState } from './reduceOnPlateau';

const run = (plateau: ReturnType<typeof reduceOnPlateau>, lr: number, metrics: number[]) => {
  const lrs: number[] = [];
  let s = plateau.init(lr);
  for (const m of metrics) {
    s = plateau.step(s, m);
    lrs.push(s.lr);
  }
  return { lrs, state: s };
};

describe('reduceOnPlateau', () => {
  test('reduces after more than `patience` bad steps (min, rel)', () => {
    const { lrs } = run(reduceOnPlateau({ patience: 2, factor: 0.5 }), 1, [5, 4, 4, 4, 4, 4, 4, 3]);
    expect(lrs).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5]);
  });
  test('relative threshold: a too-small improvement is a bad step', () => {
    const p = reduceOnPlateau({ patience: 0, factor: 0.5, threshold: 0.1 });
    expect(run(p, 1, [10, 9.5]).lrs).toEqual([1, 0.5]);
    expect(run(p, 1, [10, 8.9]).lrs).toEqual([1, 1]);
  });
  test('max mode with an absolute threshold', () => {
    const p = reduceOnPlateau({ mode: 'max', patience: 0, factor: 0.5, threshold: 0.5, thresholdMode: 'abs' });
    expect(run(p, 1, [1, 1.4, 2]).lrs).toEqual([1, 0.5, 0.5]);
  });
  test('cooldown ignores bad steps; minLr bounds; eps skips tiny reductions', () => {
    const p = reduceOnPlateau({ patience: 0, factor: 0.5, cooldown: 2, minLr: 0.3 });
    expect(run(p, 1, [1, 1, 1, 1, 1, 1, 1]).lrs).toEqual([1, 0.5, 0.5, 0.5, 0.3, 0.3, 0.3]);
    const tiny = reduceOnPlateau({ patience: 0, factor: 0.5, eps: 0.1 });
    expect(run(tiny, 0.1, [1, 1]).lrs).toEqual([0.1, 0.1]);
  });
  test('state is plain JSON; resuming from a saved state equals the uninterrupted run', () => {
    const p = reduceOnPlateau({ patience: 1, factor: 0.5, cooldown: 1 });
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), fc.nat(40), (metrics, cut) => {
        const k = Math.min(cut, metrics.length);
        const whole = run(p, 1, metrics).state;
        let s: PlateauState = run(p, 1, metrics.slice(0, k)).state;
        s = JSON.parse(JSON.stringify(s));
        for (const m of metrics.slice(k)) s = p.step(s, m);
        expect(s).toEqual(whole);
      }),
    );
  });
  test('does not modify the input state', () => {
    const p = reduceOnPlateau({ patience: 0 });
    const s0 = Object.freeze(p.init(1));
    expect(() => p.step(s0, 1)).not.toThrow();
    expect(s0.step).toBe(0);
  });
  test('rejects bad options and non-finite metrics', () => {
    rejects(() => reduceOnPlateau({ factor: 1 }), 'factor');
    rejects(() => reduceOnPlateau({ patience: -1 }), 'patience');
    rejects(() => reduceOnPlateau({ mode: 'up' as 'min' }), 'mode');
    rejects(() => reduceOnPlateau({ thresholdMode: 'x' as 'rel' }), 'thresholdMode');
    rejects(() => reduceOnPlateau({ cooldown: 0.5 }), 'cooldown');
    const p = reduceOnPlateau();
    expect(() => p.step(p.init(1), NaN)).toThrow(NonFiniteError);
  });
});
