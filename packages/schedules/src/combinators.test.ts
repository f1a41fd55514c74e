import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { at, near, rejects } from '../test/helpers';
import { join, scale, sequence, warmup } from './combinators';
import { constant } from './constant';
import { cosineDecay } from './cosineDecay';
import { linear } from './polynomialDecay';

const ramp = linear({ initValue: 0, endValue: 10, transitionSteps: 10 });

describe('join', () => {
  test('each schedule sees step − its boundary', () => {
    const s = join([constant({ value: -1 }), ramp, ramp], [3, 5]);
    expect(at(s, [0, 2, 3, 4, 5, 6, 20])).toEqual([-1, -1, 0, 1, 0, 1, 10]);
  });
  test('a single schedule is itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), (t) => join([ramp], [])(t) === ramp(t)));
  });
  test('rejects mismatched or invalid boundaries', () => {
    rejects(() => join([ramp, ramp], []), 'boundaries');
    rejects(() => join([ramp, ramp], [4, 2]), 'boundaries');
    rejects(() => join([], []), 'schedules');
    rejects(() => join([ramp], [])(-1), 'step');
  });
});

describe('sequence', () => {
  test('durations instead of boundaries; the last segment runs on', () => {
    const s = sequence([{ schedule: constant({ value: -1 }), steps: 3 }, { schedule: ramp, steps: 2 }, { schedule: ramp }]);
    const j = join([constant({ value: -1 }), ramp, ramp], [3, 5]);
    for (let t = 0; t < 30; t++) expect(s(t)).toBe(j(t));
  });
  test('rejects a missing or bad duration', () => {
    rejects(() => sequence([{ schedule: ramp }, { schedule: ramp }]), 'segments[0].steps');
    rejects(() => sequence([{ schedule: ramp, steps: 0 }, { schedule: ramp }]), 'segments[0].steps');
  });
});

describe('scale', () => {
  test('by a number and by a schedule', () => {
    expect(scale(ramp, 0.5)(4)).toBe(2);
    expect(scale(ramp, ramp)(3)).toBe(9);
    rejects(() => scale(ramp, NaN), 'factor');
  });
});

describe('warmup', () => {
  test('linear up to schedule(0), then the schedule from its own step 0', () => {
    const cos = cosineDecay({ initValue: 1, decaySteps: 10 });
    const s = warmup(cos, 4);
    expect(at(s, [0, 2, 4])).toEqual([0, 0.5, 1]);
    near(s(9), cos(5));
    expect(s(100)).toBe(0);
    rejects(() => warmup(cos, 0), 'warmupSteps');
  });
});
