import { InvalidArgumentError, LengthMismatchError, type ParameterLike } from '@lab/core';
import { Tensor } from '../tensor';
import type { FloatArray } from '../types';
import { keep } from '../scope';

/** The live backing array of a contiguous tensor's elements (no copy). */
export function liveArray(t: Tensor): FloatArray {
  if (!t.isContiguous) throw new InvalidArgumentError('parameter', t.shape, 'a contiguous tensor (its values are exposed in place)');
  const all = t.backend.read(t.storage, t.dtype);
  return t.offset === 0 && all.length === t.size ? all : all.subarray(t.offset, t.offset + t.size);
}

/**
 * A named trainable tensor, shaped as `@lab/core`'s `ParameterLike` so optimizers that work on plain
 * typed arrays can update it without importing this package:
 *
 * - `value` is the tensor's own backing array (row-major); writing to it updates the tensor in place.
 * - `grad` is the gradient array accumulated by `backward()` (null before, or after `zeroGrad`);
 *   assigning an array sets the gradient, assigning null clears it.
 *
 * Parameters come from `Module.namedParameters()`, which names them by attribute path
 * (`layers.0.weight`).
 *
 * @example
 * for (const p of model.parameters()) for (let i = 0; i < p.value.length; i++) p.value[i] -= lr * p.grad![i];
 */
export class Parameter implements ParameterLike {
  constructor(
    /** Dotted path in the module tree, e.g. `layers.0.weight`. */
    readonly name: string,
    /** The tensor (a leaf) whose storage `value` exposes. */
    readonly tensor: Tensor,
  ) {}

  /** The tensor's shape. */
  get shape(): readonly number[] {
    return this.tensor.shape;
  }

  /** The live backing array of the tensor (updated in place by optimizers). */
  get value(): FloatArray {
    return liveArray(this.tensor);
  }

  /** The gradient array after `backward()`, or null. */
  get grad(): FloatArray | null {
    const g = this.tensor.grad;
    return g === null ? null : liveArray(g.isContiguous ? g : (this.tensor.grad = keep(g.contiguous(true))));
  }

  set grad(value: FloatArray | null) {
    if (value === null) {
      this.tensor.grad = null;
      return;
    }
    if (!(value instanceof Float32Array || value instanceof Float64Array)) throw new InvalidArgumentError(`${this.name}.grad`, value, 'a Float32Array, a Float64Array or null');
    if (value.length !== this.tensor.size) throw new LengthMismatchError(`${this.name}.grad`, value.length, `${this.name}.value`, this.tensor.size);
    const t = this.tensor;
    const cur = t.grad;
    if (cur !== null && cur.isContiguous) {
      // `p.grad = p.grad.fill(0)`: the array is the current gradient itself, already updated in place.
      const live = liveArray(cur);
      if (live.buffer === value.buffer && live.byteOffset === value.byteOffset && live.length === value.length) return;
    }
    // Copy first: `value` may be a view on a backend's memory (WebAssembly), which the allocation in
    // fromArray can detach by growing that memory.
    t.grad = keep(new Tensor(t.backend.fromArray(value.slice(), t.dtype), t.shape, t.dtype, t.backend));
  }
}
