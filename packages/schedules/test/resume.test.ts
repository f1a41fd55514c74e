import type { Schedule } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as s from '../src/index';

// Every closed-form schedule, as (options) => schedule with JSON options, so a "resumed" run
// rebuilds the schedule from its saved options, as a checkpoint would.
const configs: [string, () => Schedule][] = [
  ['constant', () => s.constant({ value: 0.1 })],
  ['piecewiseConstant', () => s.piecewiseConstant({ boundaries: [5, 20], initValue: 1, factors: [0.5, 0.1] })],
  ['stepDecay', () => s.stepDecay({ initValue: 1, stepSize: 7, gamma: 0.5 })],
  ['multiStep', () => s.multiStep({ initValue: 1, milestones: [3, 30], gamma: 0.5 })],
  ['inverseTimeDecay', () => s.inverseTimeDecay({ initValue: 1, decayRate: 0.3, decaySteps: 4, staircase: true })],
  ['exponentialDecay', () => s.exponentialDecay({ initValue: 1, decayRate: 0.9, transitionSteps: 3, endValue: 0.2 })],
  ['naturalExpDecay', () => s.naturalExpDecay({ initValue: 1, decayRate: 0.1 })],
  ['polynomialDecay', () => s.polynomialDecay({ initValue: 1, decaySteps: 40, power: 2 })],
  ['linear', () => s.linear({ initValue: 0, endValue: 1, transitionSteps: 13 })],
  ['cosineDecay', () => s.cosineDecay({ initValue: 1, decaySteps: 37, alpha: 0.1 })],
  ['linearWarmup', () => s.linearWarmup({ peakValue: 1, warmupSteps: 9 })],
  ['warmupCosine', () => s.warmupCosine({ peakValue: 1, warmupSteps: 5, decaySteps: 50 })],
  ['triangularCyclic', () => s.triangularCyclic({ minValue: 0.1, maxValue: 1, stepSize: 4, decay: 0.8 })],
  ['cyclic', () => s.cyclic({ baseValue: 0.1, maxValue: 1, stepSizeUp: 3, stepSizeDown: 5, mode: 'triangular2' })],
  ['sgdr', () => s.sgdr({ maxValue: 1, period: 3, periodMult: 1.5, peakDecay: 0.9 })],
  ['oneCycle', () => s.oneCycle({ maxValue: 1, totalSteps: 80 })],
  ['join', () => s.join([s.linearWarmup({ peakValue: 1, warmupSteps: 4 }), s.cosineDecay({ initValue: 1, decaySteps: 30 })], [4])],
  ['warmup', () => s.warmup(s.exponentialDecay({ initValue: 1, decayRate: 0.95 }), 6)],
];

describe('resuming at any step gives the same values as the uninterrupted run', () => {
  for (const [name, make] of configs) {
    test(name, () => {
      const uninterrupted = make();
      const run = Array.from({ length: 81 }, (_, t) => uninterrupted(t));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 80 }), (k) => {
          const resumed = make();
          for (let t = k; t <= 80; t++) expect(resumed(t)).toBe(run[t]);
        }),
        { numRuns: 20 },
      );
      // and a schedule has no hidden state: evaluating out of order changes nothing
      const shuffled = make();
      for (const t of [80, 3, 41, 0, 79]) expect(shuffled(t)).toBe(run[t]);
    });
  }
});
