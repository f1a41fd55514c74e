import { InvalidArgumentError, ShapeMismatchError, toRng, type Rng } from '@lab/core';
import { zeros, type Tensor } from '../tensor';
import type { DType } from '../types';
import { initKaimingUniform, initUniform } from './init';
import { Module } from './module';

/** Options of `Linear`. */
export interface LinearOptions {
  /** Add a learnable bias. Default true. */
  readonly bias?: boolean;
  /** Seed or `Rng` for the initial weights. Default 0 (pass one shared `Rng` to make layers independent). */
  readonly rng?: number | Rng;
  /** Default `'float32'`. */
  readonly dtype?: DType;
}

/**
 * Fully connected layer `y = x·Wᵀ + b`, with `weight` of shape `[outFeatures, inFeatures]` and `bias`
 * of shape `[outFeatures]` (PyTorch's layout, so state dicts line up). Initialised like PyTorch:
 * weight by Kaiming uniform with a = √5 (i.e. U(-1/√in, 1/√in)), bias by U(-1/√in, 1/√in).
 * Accepts any input `[..., inFeatures]`.
 *
 * @example
 * const fc = new Linear(3, 2, { rng: 42 });
 * fc.forward(zeros([5, 3])).shape; // [5, 2]
 */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    if (!Number.isInteger(inFeatures) || inFeatures < 1) throw new InvalidArgumentError('inFeatures', inFeatures, 'a positive integer');
    if (!Number.isInteger(outFeatures) || outFeatures < 1) throw new InvalidArgumentError('outFeatures', outFeatures, 'a positive integer');
    const rng = toRng(options.rng ?? 0);
    const dtype = options.dtype ?? 'float32';
    this.weight = initKaimingUniform(zeros([outFeatures, inFeatures], { dtype, requiresGrad: true }), { a: Math.sqrt(5), rng });
    const bound = 1 / Math.sqrt(inFeatures);
    this.bias = options.bias === false ? null : initUniform(zeros([outFeatures], { dtype, requiresGrad: true }), { low: -bound, high: bound, rng });
  }

  forward(x: Tensor): Tensor {
    if (x.rank === 0 || x.shape[x.rank - 1] !== this.inFeatures)
      throw new ShapeMismatchError('Linear', [x.shape, this.weight.shape], `do not fit: the input's last axis must be ${this.inFeatures} (inFeatures)`);
    const y = x.matmul(this.weight, { transB: true });
    return this.bias === null ? y : y.add(this.bias);
  }
}
