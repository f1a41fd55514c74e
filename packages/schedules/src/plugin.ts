/**
 * `@lab/schedules/plugin`: every schedule as a `defineSchedule` definition (name, meta, params spec,
 * create), and all of them as one plugin. A separate entry point so that code that only calls the
 * factories does not ship the specs and their descriptions.
 */
import { definePlugin } from '@lab/core';
import { constantDefinition } from './constant';
import { cosineDecayDefinition } from './cosineDecay';
import { cyclicDefinition, triangularCyclicDefinition } from './cyclic';
import { exponentialDecayDefinition, naturalExpDecayDefinition } from './exponentialDecay';
import { inverseTimeDecayDefinition } from './inverseTimeDecay';
import { linearWarmupDefinition } from './linearWarmup';
import { oneCycleDefinition } from './oneCycle';
import { piecewiseConstantDefinition } from './piecewiseConstant';
import { linearDefinition, polynomialDecayDefinition } from './polynomialDecay';
import { sgdrDefinition } from './sgdr';
import { multiStepDefinition, stepDecayDefinition } from './stepDecay';
import { warmupCosineDefinition } from './warmupCosine';

export {
  constantDefinition,
  cosineDecayDefinition,
  cyclicDefinition,
  triangularCyclicDefinition,
  exponentialDecayDefinition,
  naturalExpDecayDefinition,
  inverseTimeDecayDefinition,
  linearWarmupDefinition,
  oneCycleDefinition,
  piecewiseConstantDefinition,
  linearDefinition,
  polynomialDecayDefinition,
  sgdrDefinition,
  multiStepDefinition,
  stepDecayDefinition,
  warmupCosineDefinition,
};

/**
 * Every schedule of this package as a plugin, for a registry:
 * `createRegistry().use(schedulesPlugin).build('schedule', { type: 'cosineDecay', initValue: 0.1, decaySteps: 100 })`.
 * Nothing is registered on import.
 */
export const schedulesPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: '@lab/schedules', version: '0.1.0' },
  schedules: [
    constantDefinition,
    piecewiseConstantDefinition,
    stepDecayDefinition,
    multiStepDefinition,
    inverseTimeDecayDefinition,
    exponentialDecayDefinition,
    naturalExpDecayDefinition,
    polynomialDecayDefinition,
    linearDefinition,
    cosineDecayDefinition,
    linearWarmupDefinition,
    warmupCosineDefinition,
    triangularCyclicDefinition,
    cyclicDefinition,
    sgdrDefinition,
    oneCycleDefinition,
  ],
});
