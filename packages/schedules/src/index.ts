// Closed-form schedules: (step) => value
export { constant, constantDefinition } from './constant';
export type { ConstantOptions } from './constant';
export { piecewiseConstant, piecewiseConstantDefinition } from './piecewiseConstant';
export type { PiecewiseConstantOptions } from './piecewiseConstant';
export { stepDecay, multiStep, stepDecayDefinition, multiStepDefinition } from './stepDecay';
export type { StepDecayOptions, MultiStepOptions } from './stepDecay';
export { inverseTimeDecay, inverseTimeDecayDefinition } from './inverseTimeDecay';
export type { InverseTimeDecayOptions } from './inverseTimeDecay';
export { exponentialDecay, naturalExpDecay, exponentialDecayDefinition, naturalExpDecayDefinition } from './exponentialDecay';
export type { ExponentialDecayOptions, NaturalExpDecayOptions } from './exponentialDecay';
export { polynomialDecay, linear, polynomialDecayDefinition, linearDefinition } from './polynomialDecay';
export type { PolynomialDecayOptions, LinearOptions } from './polynomialDecay';
export { cosineDecay, cosineDecayDefinition } from './cosineDecay';
export type { CosineDecayOptions } from './cosineDecay';
export { linearWarmup, linearWarmupDefinition } from './linearWarmup';
export type { LinearWarmupOptions } from './linearWarmup';
export { warmupCosine, warmupCosineDefinition } from './warmupCosine';
export type { WarmupCosineOptions } from './warmupCosine';
export { triangularCyclic, cyclic, triangularCyclicDefinition, cyclicDefinition } from './cyclic';
export type { TriangularCyclicOptions, CyclicOptions } from './cyclic';
export { sgdr, cosineWarmRestarts, sgdrDefinition } from './sgdr';
export type { SgdrOptions } from './sgdr';
export { oneCycle, oneCycleMomentum, oneCycleDefinition } from './oneCycle';
export type { OneCycleOptions, OneCycleMomentumOptions } from './oneCycle';

// Combinators
export { join, sequence, scale, warmup } from './combinators';
export type { Segment } from './combinators';

// Stateful adapter
export { reduceOnPlateau } from './reduceOnPlateau';
export type { ReduceOnPlateauOptions, PlateauState, PlateauScheduler } from './reduceOnPlateau';

// Plotting
export { sample } from './sample';
export type { SampleOptions, SchedulePoints } from './sample';

// Definitions as a plugin
export { schedulesPlugin } from './plugin';
