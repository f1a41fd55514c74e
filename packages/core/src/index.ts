// Types: the whole contract
export type * from './types';

// Errors
export {
  LabError,
  isLabError,
  InvalidArgumentError,
  LengthMismatchError,
  ShapeMismatchError,
  NonFiniteError,
  UnknownNameError,
  DuplicateNameError,
  StateMismatchError,
  UndefinedResultError,
  describeValue,
} from './errors';

// Params specs
export { resolveOptions, checkParam, describeParam, defaults } from './params';

// Definitions, plugins, registry
export { defineOptimizer, defineSchedule, defineLoss, defineMetric, defineSplitter, definePlugin, instantiate } from './define';
export type { DefinitionInput } from './define';
export { createRegistry } from './registry';

// Randomness
export { Rng, toRng } from './rng';
