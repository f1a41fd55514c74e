// Types
export type {
  FloatArray,
  GradientTransformation,
  TransformResult,
  Scalar,
  Schedule,
  ParameterLike,
  NameMatcher,
  InPlaceTransformation,
  StepKernels,
  StateData,
  EncodedState,
  GroupStateDict,
  OptimizerStateDict,
} from './types';

// Composition
export { chain } from './chain';
export { applyUpdates } from './apply-updates';

// Building blocks: scaling and direction (ψ and φ of the lecture's unified form)
export { scale, scaleByLearningRate } from './scale';
export type { CountState } from './scale';
export { trace } from './trace';
export type { TraceOptions, TraceState } from './trace';
export { scaleByAdam } from './scale-by-adam';
export type { ScaleByAdamOptions, AdamState } from './scale-by-adam';
export { scaleByRss } from './scale-by-rss';
export type { ScaleByRssOptions, RssState } from './scale-by-rss';
export { scaleByRms } from './scale-by-rms';
export type { ScaleByRmsOptions, RmsState } from './scale-by-rms';
export { scaleByAdaDelta } from './scale-by-adadelta';
export type { ScaleByAdaDeltaOptions, AdaDeltaState } from './scale-by-adadelta';
export { scaleByAdamax } from './scale-by-adamax';
export type { ScaleByAdamaxOptions, AdamaxState } from './scale-by-adamax';
export { scaleByNadam } from './scale-by-nadam';
export type { ScaleByNadamOptions, NadamState } from './scale-by-nadam';
export { scaleByRadam } from './scale-by-radam';
export type { ScaleByRadamOptions, RadamState } from './scale-by-radam';

// Transformations that compose anywhere
export { addDecayedWeights } from './weight-decay';
export { clipByValue, clipByGlobalNorm, globalNorm } from './clip';
export { accumulate } from './accumulate';
export type { AccumulateState } from './accumulate';
export { requireFinite, skipNonFinite } from './guards';
export type { SkipNonFiniteState } from './guards';
export { parameterEma } from './parameter-ema';
export type { ParameterEmaState } from './parameter-ema';
export { masked } from './masked';
export type { MaskedState } from './masked';
export { nameMatcher } from './match';
export { valueAt } from './util';

// Named optimizers: factories and definitions
export { sgd, sgdDefinition } from './sgd';
export { adagrad, adagradDefinition } from './adagrad';
export { rmsprop, rmspropDefinition } from './rmsprop';
export { adadelta, adadeltaDefinition } from './adadelta';
export { adam, adamDefinition, amsgrad, amsgradDefinition, adamw, adamwDefinition } from './adam';
export { adamax, adamaxDefinition } from './adamax';
export { nadam, nadamDefinition } from './nadam';
export { radam, radamDefinition } from './radam';
export { LECTURE } from './lecture';
export { optimizersPlugin } from './plugin';

// The PyTorch-style facade and state serialisation
export { Optimizer } from './optimizer';
export type { OptimizerConfig, OptimizerOptions, GroupConfig, ParamGroup } from './optimizer';
export { encodeState, decodeState } from './state-io';
