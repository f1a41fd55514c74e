/**
 * Initialisers (PyTorch's `torch.nn.init`): fill a tensor's values in place and return it. Every
 * random one takes `rng`, a seed or a `Rng` from `@lab/core`.
 */
import { InvalidArgumentError, Rng, toRng } from '@lab/core';
import { Tensor } from '../tensor';
import { liveArray } from './parameter';

/** Nonlinearities known to `calculateGain` (PyTorch's names). */
export type Nonlinearity = 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/** Which fan Kaiming initialisation preserves: forward (`fan_in`) or backward (`fan_out`) variance. */
export type FanMode = 'fan_in' | 'fan_out';

function rngOf(rng: number | Rng | undefined): Rng {
  if (!(rng instanceof Rng) && !Number.isSafeInteger(rng)) throw new InvalidArgumentError('rng', rng, 'a seed (safe integer) or an Rng');
  return toRng(rng as number | Rng);
}

function fill(t: Tensor, draw: () => number): Tensor {
  if (!(t instanceof Tensor)) throw new InvalidArgumentError('tensor', t, 'a Tensor');
  const values = liveArray(t);
  for (let i = 0; i < values.length; i++) values[i] = draw();
  return t;
}

/**
 * The recommended gain for a nonlinearity (PyTorch's `calculate_gain`): 1 for linear, conv and
 * sigmoid; 5/3 for tanh; √2 for relu; √(2 / (1 + slope²)) for leaky_relu (slope default 0.01);
 * 3/4 for selu.
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      if (!Number.isFinite(slope)) throw new InvalidArgumentError('param', param, 'a finite negative slope');
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new InvalidArgumentError('nonlinearity', nonlinearity, 'one of linear, conv1d, conv2d, conv3d, sigmoid, tanh, relu, leaky_relu, selu');
  }
}

/**
 * `[fanIn, fanOut]` of a weight of shape `[out, in, ...kernel]` (PyTorch's convention):
 * fanIn = in·∏kernel, fanOut = out·∏kernel. Needs at least 2 axes.
 */
export function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length < 2) throw new InvalidArgumentError('shape', shape, 'at least 2 axes to compute fan in and fan out');
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return [shape[1] * receptive, shape[0] * receptive];
}

/** Fill with draws from U(low, high). Defaults low 0, high 1. */
export function initUniform(t: Tensor, options: { readonly low?: number; readonly high?: number; readonly rng: number | Rng }): Tensor {
  const { low = 0, high = 1 } = options;
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) throw new InvalidArgumentError('high', high, `a finite number ≥ low (${low})`);
  const r = rngOf(options.rng);
  return fill(t, () => r.uniform(low, high));
}

/** Fill with draws from N(mean, std²). Defaults mean 0, std 1. */
export function initNormal(t: Tensor, options: { readonly mean?: number; readonly std?: number; readonly rng: number | Rng }): Tensor {
  const { mean = 0, std = 1 } = options;
  if (!Number.isFinite(mean)) throw new InvalidArgumentError('mean', mean, 'a finite number');
  if (!Number.isFinite(std) || std < 0) throw new InvalidArgumentError('std', std, 'a finite number ≥ 0');
  const r = rngOf(options.rng);
  return fill(t, () => r.normal(mean, std));
}

/** Fill with `value`. */
export function initConstant(t: Tensor, value: number): Tensor {
  if (typeof value !== 'number') throw new InvalidArgumentError('value', value, 'a number');
  return fill(t, () => value);
}

/**
 * Glorot/Xavier uniform: U(-b, b) with `b = gain·√(6 / (fanIn + fanOut))`. Default gain 1.
 * Glorot & Bengio, "Understanding the difficulty of training deep feedforward neural networks", AISTATS 2010.
 */
export function initXavierUniform(t: Tensor, options: { readonly gain?: number; readonly rng: number | Rng }): Tensor {
  const [fanIn, fanOut] = computeFans(t.shape);
  const b = (options.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
  return initUniform(t, { low: -b, high: b, rng: options.rng });
}

/** Glorot/Xavier normal: N(0, std²) with `std = gain·√(2 / (fanIn + fanOut))`. Default gain 1. */
export function initXavierNormal(t: Tensor, options: { readonly gain?: number; readonly rng: number | Rng }): Tensor {
  const [fanIn, fanOut] = computeFans(t.shape);
  return initNormal(t, { std: (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut)), rng: options.rng });
}

/** Options of the Kaiming initialisers (PyTorch's defaults). */
export interface KaimingOptions {
  /** Negative slope of the following leaky_relu (only used with `'leaky_relu'`). Default 0. */
  readonly a?: number;
  /** `'fan_in'` (default) preserves the forward variance, `'fan_out'` the backward. */
  readonly mode?: FanMode;
  /** Default `'leaky_relu'`. */
  readonly nonlinearity?: Nonlinearity;
  readonly rng: number | Rng;
}

function kaimingStd(t: Tensor, options: KaimingOptions): number {
  const { a = 0, mode = 'fan_in', nonlinearity = 'leaky_relu' } = options;
  if (mode !== 'fan_in' && mode !== 'fan_out') throw new InvalidArgumentError('mode', mode, "'fan_in' or 'fan_out'");
  const [fanIn, fanOut] = computeFans(t.shape);
  return calculateGain(nonlinearity, a) / Math.sqrt(mode === 'fan_in' ? fanIn : fanOut);
}

/**
 * He/Kaiming uniform: U(-b, b) with `b = gain·√(3 / fan)`, gain from `calculateGain(nonlinearity, a)`.
 * He et al., "Delving Deep into Rectifiers", ICCV 2015.
 */
export function initKaimingUniform(t: Tensor, options: KaimingOptions): Tensor {
  const b = Math.sqrt(3) * kaimingStd(t, options);
  return initUniform(t, { low: -b, high: b, rng: options.rng });
}

/** He/Kaiming normal: N(0, std²) with `std = gain / √fan`. */
export function initKaimingNormal(t: Tensor, options: KaimingOptions): Tensor {
  return initNormal(t, { std: kaimingStd(t, options), rng: options.rng });
}
