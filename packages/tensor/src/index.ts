// Types
export type { DType, FloatArray, Shape, StridedView, Backend, UnaryOp, BinaryOp, ReduceOp } from './types';
export type { NestedArray, IndexLike, TensorOptions } from './tensor';
export type { GradNode, BackwardOptions } from './autograd';
export type { MatmulOptions } from './ops/matmul';
export type { GradCheckOptions, GradCheckResult, GradCheckEntry } from './grad-check';

// Tensors and factories
export { Tensor, tensor, scalar, zeros, ones, full, arange, linspace, eye } from './tensor';
export { rand, randn } from './random';

// Backends (explicit: nothing registers on import)
export { getBackend, setBackend, withBackend } from './backend';
export { jsBackend } from './backends/js';

// Autodiff
export { noGrad, isGradEnabled } from './autograd';
export { tidy, keep } from './scope';
export { gradCheck } from './grad-check';

// Ops
export {
  add,
  sub,
  mul,
  div,
  pow,
  maximum,
  minimum,
  where,
  neg,
  exp,
  log,
  log1p,
  sqrt,
  abs,
  sign,
  clamp,
  relu,
  leakyRelu,
  sigmoid,
  tanh,
  softplus,
} from './ops/elementwise';
export { sum, mean, max, min, argmax, argmin, logSumExp, softmax, logSoftmax } from './ops/reduce';
export { matmul } from './ops/matmul';
export { reshape, transpose, swapAxes, expand, slice, squeeze, unsqueeze, concat, stack } from './ops/shape-ops';
export { gather, indexSelect, oneHot } from './ops/index-ops';

// nn
export { Parameter } from './nn/parameter';
export { Module, type StateDict } from './nn/module';
export { Linear, type LinearOptions } from './nn/linear';
export { Sequential } from './nn/sequential';
export { ReLU, LeakyReLU, Sigmoid, Tanh, Softplus, Softmax, LogSoftmax, Identity } from './nn/activations';
export { Dropout } from './nn/dropout';
export { PolynomialFeatures, type PolynomialFeaturesOptions } from './nn/polynomial-features';
export {
  calculateGain,
  computeFans,
  initUniform,
  initNormal,
  initConstant,
  initXavierUniform,
  initXavierNormal,
  initKaimingUniform,
  initKaimingNormal,
  type Nonlinearity,
  type FanMode,
  type KaimingOptions,
} from './nn/init';
