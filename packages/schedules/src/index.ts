// Closed-form schedules: (step) => value
export { constant } from './constant';
export type { ConstantOptions } from './constant';
export { piecewiseConstant } from './piecewiseConstant';
export type { PiecewiseConstantOptions } from './piecewiseConstant';
export { stepDecay, multiStep } from './stepDecay';
export type { StepDecayOptions, MultiStepOptions } from './stepDecay';
export { inverseTimeDecay } from './inverseTimeDecay';
export type { InverseTimeDecayOptions } from './inverseTimeDecay';
export { exponentialDecay, naturalExpDecay } from './exponentialDecay';
export type { ExponentialDecayOptions, NaturalExpDecayOptions } from './exponentialDecay';
export { polynomialDecay, linear } from './polynomialDecay';
export type { PolynomialDecayOptions, LinearOptions } from './polynomialDecay';
export { cosineDecay } from './cosineDecay';
export type { CosineDecayOptions } from './cosineDecay';
export { linearWarmup } from './linearWarmup';
export type { LinearWarmupOptions } from './linearWarmup';
export { warmupCosine } from './warmupCosine';
export type { WarmupCosineOptions } from './warmupCosine';
export { triangularCyclic, cyclic } from './cyclic';
export type { TriangularCyclicOptions, CyclicOptions } from './cyclic';
export { sgdr, cosineWarmRestarts } from './sgdr';
export type { SgdrOptions } from './sgdr';
export { oneCycle, oneCycleMomentum } from './oneCycle';
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

// Definitions (params specs) and the plugin live in '@lab/schedules/plugin', so that code which only
// calls the factories does not ship the specs.
