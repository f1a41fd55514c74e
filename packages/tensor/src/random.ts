import { InvalidArgumentError, Rng, toRng } from '@lab/core';
import { tensor, type Tensor, type TensorOptions } from './tensor';
import { sizeOf } from './shape';

function checkedShape(shape: readonly number[]): readonly number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) throw new InvalidArgumentError('shape', shape, 'an array of non-negative integers');
  return shape;
}

function checkRng(rng: number | Rng): Rng {
  if (!(rng instanceof Rng) && !Number.isSafeInteger(rng)) throw new InvalidArgumentError('rng', rng, 'a seed (safe integer) or an Rng');
  return toRng(rng);
}

/** Uniform draws in `[low, high)` (defaults 0, 1) from a seed or an `Rng`. */
export function rand(shape: readonly number[], rng: number | Rng, options: TensorOptions & { readonly low?: number; readonly high?: number } = {}): Tensor {
  const r = checkRng(rng);
  const { low = 0, high = 1 } = options;
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) throw new InvalidArgumentError('high', high, `a finite number ≥ low (${low})`);
  const values = new Float64Array(sizeOf(checkedShape(shape)));
  for (let i = 0; i < values.length; i++) values[i] = r.uniform(low, high);
  return tensor(values, { dtype: 'float32', ...options, shape });
}

/** Normal draws (defaults mean 0, std 1) from a seed or an `Rng`. */
export function randn(shape: readonly number[], rng: number | Rng, options: TensorOptions & { readonly mean?: number; readonly std?: number } = {}): Tensor {
  const r = checkRng(rng);
  const { mean = 0, std = 1 } = options;
  if (!Number.isFinite(mean)) throw new InvalidArgumentError('mean', mean, 'a finite number');
  if (!Number.isFinite(std) || std < 0) throw new InvalidArgumentError('std', std, 'a finite number ≥ 0');
  const values = new Float64Array(sizeOf(checkedShape(shape)));
  for (let i = 0; i < values.length; i++) values[i] = r.normal(mean, std);
  return tensor(values, { dtype: 'float32', ...options, shape });
}
