import { createRegistry, defaults, instantiate, type Schedule } from '@lab/core';
import { checkPlugin } from '@lab/core/testing';
import { describe, expect, test } from 'vitest';
import * as api from './index';
import * as pluginEntry from './plugin';
import { schedulesPlugin } from './plugin';

/** The smallest valid options of each definition: the required params only. */
const required: Record<string, Record<string, unknown>> = {
  constant: { value: 0.1 },
  piecewiseConstant: { boundaries: [3], values: [1, 0.5] },
  stepDecay: { initValue: 1, stepSize: 3 },
  multiStep: { initValue: 1, milestones: [2, 4] },
  inverseTimeDecay: { initValue: 1, decayRate: 0.5 },
  exponentialDecay: { initValue: 1, decayRate: 0.9 },
  naturalExpDecay: { initValue: 1, decayRate: 0.1 },
  polynomialDecay: { initValue: 1, decaySteps: 10 },
  linear: { initValue: 1, endValue: 0, transitionSteps: 10 },
  cosineDecay: { initValue: 1, decaySteps: 10 },
  linearWarmup: { peakValue: 1, warmupSteps: 5 },
  warmupCosine: { peakValue: 1, warmupSteps: 5, decaySteps: 20 },
  triangularCyclic: { minValue: 0, maxValue: 1, stepSize: 3 },
  cyclic: { baseValue: 0, maxValue: 1 },
  sgdr: { maxValue: 1, period: 4 },
  oneCycle: { maxValue: 1, totalSteps: 30 },
};

describe('schedulesPlugin', () => {
  test('conforms to the plugin contract', () => {
    expect(() => checkPlugin(schedulesPlugin)).not.toThrow();
  });
  test('lists every leaf schedule, each exported with its factory of the same name', () => {
    expect(schedulesPlugin.schedules.map((d) => d.name).sort()).toEqual(Object.keys(required).sort());
    for (const def of schedulesPlugin.schedules) {
      expect(def.kind).toBe('schedule');
      expect(typeof (api as Record<string, unknown>)[def.name]).toBe('function');
      expect((pluginEntry as Record<string, unknown>)[`${def.name}Definition`]).toBe(def);
    }
  });
  test("registry.build equals the factory, and the spec's defaults are the factory's defaults", () => {
    const registry = createRegistry().use(schedulesPlugin);
    for (const def of schedulesPlugin.schedules) {
      const factory = (api as unknown as Record<string, (o: unknown) => Schedule>)[def.name];
      const opts = required[def.name];
      const built = registry.build('schedule', { type: def.name, ...opts });
      // the factory alone fills its own defaults; the registry fills the spec's: they must agree
      const plain = factory(opts);
      const explicit = factory({ ...defaults(def.params), ...opts });
      for (let t = 0; t <= 30; t++) {
        expect(built(t)).toBe(plain(t));
        expect(explicit(t)).toBe(plain(t));
      }
    }
  });
  test('the spec rejects what the factory rejects (through the registry, naming the parameter)', () => {
    const registry = createRegistry().use(schedulesPlugin);
    expect(() => registry.build('schedule', { type: 'cosineDecay', initValue: 1, decaySteps: 0 })).toThrow(/cosineDecay\.decaySteps/);
    expect(() => registry.build('schedule', { type: 'exponentialDecay', initValue: 1, decayRate: 0 })).toThrow(/decayRate/);
    expect(() => registry.build('schedule', { type: 'sgdr', maxValue: 1, period: 4, periodMult: 0.5 })).toThrow(/periodMult/);
    expect(() => instantiate(pluginEntry.stepDecayDefinition, { initValue: 1, stepSize: 2.5 })).toThrow(/stepSize/);
  });
  test('nothing registers on import: the plugin is a plain value', () => {
    expect(createRegistry().list('schedule')).toEqual([]);
  });
});
