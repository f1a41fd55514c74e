import { InvalidArgumentError, type TensorLike } from '@lab/core';
import { getBackend } from './backend';
import { runBackward, type BackwardOptions, type GradNode } from './autograd';
import { track } from './scope';
import { contiguousStrides, isContiguous, sizeOf } from './shape';
import type { Backend, DType, FloatArray, Shape, StridedView } from './types';
import * as ew from './ops/elementwise';
import * as red from './ops/reduce';
import * as so from './ops/shape-ops';
import * as idx from './ops/index-ops';
import { matmul, type MatmulOptions } from './ops/matmul';

/** A number, or nested arrays of numbers (rectangular), as `tensor()` accepts them. */
export type NestedArray = number | readonly NestedArray[];

/** Indices for `gather` / `indexSelect` / `oneHot`: integers as an Int32Array, a number[] or a tensor. */
export type IndexLike = Int32Array | readonly number[] | Tensor;

/**
 * An N-d array of float32 or float64 values on a backend, with reverse-mode autodiff.
 *
 * A tensor is a view: `storage` (a handle its backend owns), `shape`, `strides` and `offset`.
 * `reshape` of a contiguous tensor, `transpose`, `slice`, `expand` and `detach` are views that
 * share storage (no copy). Ops never modify their inputs. Values are read out only on request
 * (`data()`, `toArray()`, `item()`).
 *
 * Make tensors with `tensor`, `zeros`, `ones`, `full`, `arange`, `rand`, `randn`, ... (not `new`).
 *
 * @example
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * const y = x.mul(x).sum();   // 30
 * y.backward();
 * x.grad?.toArray();          // [[2, 4], [6, 8]]
 */
export class Tensor implements TensorLike {
  /** Size of each axis. */
  readonly shape: readonly number[];
  /** Storage step per axis (0 on broadcast axes). */
  readonly strides: readonly number[];
  /** Storage index of the first element. */
  readonly offset: number;
  /** Element type. */
  readonly dtype: DType;
  /** The backend that owns `storage`. */
  readonly backend: Backend;
  /** The backend's storage handle (a typed array for the js backend). */
  readonly storage: unknown;
  /** Number of elements. */
  readonly size: number;
  /** Whether gradients flow to (leaf) or through (op output) this tensor. Set it on leaves only. */
  requiresGrad = false;
  /** The accumulated gradient of a leaf after `backward()` (same shape and dtype), or null. */
  grad: Tensor | null = null;
  /** @internal How this tensor was computed (null for leaves and after the graph is released). */
  node: GradNode | null = null;
  /** @internal True once `backward` released the node that made this tensor. */
  released = false;

  /** @internal Use `tensor()` and the other factories. */
  constructor(storage: unknown, shape: Shape, dtype: DType, backend: Backend, strides?: Shape, offset = 0) {
    this.storage = storage;
    this.shape = shape.slice();
    this.dtype = dtype;
    this.backend = backend;
    this.strides = strides ? strides.slice() : contiguousStrides(shape);
    this.offset = offset;
    this.size = sizeOf(shape);
    track(storage, backend);
  }

  /** Number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** True for tensors not made by an op (created by the user, or detached). */
  get isLeaf(): boolean {
    return this.node === null && !this.released;
  }

  /** True when the elements are laid out row-major without gaps. */
  get isContiguous(): boolean {
    return isContiguous(this.shape, this.strides);
  }

  /** @internal The strided view kernels read. */
  view(): StridedView {
    return { storage: this.storage, dtype: this.dtype, shape: this.shape, strides: this.strides, offset: this.offset };
  }

  /** The values as a new row-major typed array (Float32Array or Float64Array, a copy). */
  data(): FloatArray {
    const b = this.backend;
    if (this.isContiguous) return b.read(this.storage, this.dtype).slice(this.offset, this.offset + this.size);
    return b.read(b.copy(this.view()), this.dtype);
  }

  /** The values as nested arrays (a number for a scalar). */
  toArray(): NestedArray {
    const flat = this.data();
    const build = (axis: number, start: number): NestedArray => {
      if (axis === this.rank) return flat[start];
      const n = this.shape[axis];
      const step = sizeOf(this.shape.slice(axis + 1));
      return Array.from({ length: n }, (_, i) => build(axis + 1, start + i * step));
    };
    return build(0, 0);
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new InvalidArgumentError('tensor', this.shape, 'a one-element tensor for item()');
    return this.data()[0];
  }

  /** A readable one-line rendering (values, shape, dtype). */
  toString(): string {
    return `Tensor(${JSON.stringify(this.toArray())}, shape=[${this.shape.join(', ')}], dtype=${this.dtype}${this.requiresGrad ? ', requiresGrad' : ''})`;
  }

  // ---- autograd -------------------------------------------------------------------------------

  /**
   * Back-propagate from this tensor: accumulate d(this)/d(leaf) into every leaf's `.grad`.
   * `grad` (the gradient of some scalar with respect to this tensor) may be left out for
   * one-element tensors. Releases the graph unless `retainGraph`.
   */
  backward(grad?: Tensor, options?: BackwardOptions): void {
    runBackward(this, grad, options);
  }

  /** A tensor sharing this one's storage, cut from the graph (`requiresGrad` false). */
  detach(): Tensor {
    return new Tensor(this.storage, this.shape, this.dtype, this.backend, this.strides, this.offset);
  }

  /** Set `requiresGrad` (on a leaf) and return this tensor. */
  setRequiresGrad(flag = true): this {
    if (!this.isLeaf) throw new InvalidArgumentError('tensor', this.shape, 'a leaf tensor (requiresGrad can only be set on leaves; use detach())');
    this.requiresGrad = flag;
    return this;
  }

  /** Forget the accumulated gradient (`grad = null`). */
  zeroGrad(): void {
    this.grad = null;
  }

  // ---- elementwise ----------------------------------------------------------------------------

  /** `this + other` with broadcasting. */
  add(other: Tensor | number): Tensor {
    return ew.add(this, other);
  }
  /** `this - other` with broadcasting. */
  sub(other: Tensor | number): Tensor {
    return ew.sub(this, other);
  }
  /** `this * other` with broadcasting. */
  mul(other: Tensor | number): Tensor {
    return ew.mul(this, other);
  }
  /** `this / other` with broadcasting. */
  div(other: Tensor | number): Tensor {
    return ew.div(this, other);
  }
  /** `this ** exponent` with broadcasting. */
  pow(exponent: Tensor | number): Tensor {
    return ew.pow(this, exponent);
  }
  /** Element-wise maximum (ties share the gradient equally, like PyTorch). */
  maximum(other: Tensor | number): Tensor {
    return ew.maximum(this, other);
  }
  /** Element-wise minimum. */
  minimum(other: Tensor | number): Tensor {
    return ew.minimum(this, other);
  }
  /** `-this`. */
  neg(): Tensor {
    return ew.neg(this);
  }
  /** `e^this`. */
  exp(): Tensor {
    return ew.exp(this);
  }
  /** Natural logarithm. */
  log(): Tensor {
    return ew.log(this);
  }
  /** `log(1 + this)`, accurate near 0. */
  log1p(): Tensor {
    return ew.log1p(this);
  }
  /** Square root. */
  sqrt(): Tensor {
    return ew.sqrt(this);
  }
  /** `this * this`. */
  square(): Tensor {
    return ew.mul(this, this);
  }
  /** Absolute value (gradient `sign(x)`, 0 at 0). */
  abs(): Tensor {
    return ew.abs(this);
  }
  /** -1, 0 or 1 (gradient 0). */
  sign(): Tensor {
    return ew.sign(this);
  }
  /** Limit to `[min, max]` (either may be omitted). */
  clamp(min?: number, max?: number): Tensor {
    return ew.clamp(this, min, max);
  }
  /** `max(this, 0)` (gradient 0 at 0, as in PyTorch). */
  relu(): Tensor {
    return ew.relu(this);
  }
  /** `this` where positive, else `slope · this`. Default slope 0.01. */
  leakyRelu(slope = 0.01): Tensor {
    return ew.leakyRelu(this, slope);
  }
  /** Logistic sigmoid, stable on both sides. */
  sigmoid(): Tensor {
    return ew.sigmoid(this);
  }
  /** Hyperbolic tangent. */
  tanh(): Tensor {
    return ew.tanh(this);
  }
  /** `log(1 + e^x)` computed as `max(x, 0) + log1p(e^-|x|)`. */
  softplus(): Tensor {
    return ew.softplus(this);
  }
  /** 1 where `this > other`, else 0 (no gradient). */
  gt(other: Tensor | number): Tensor {
    return ew.compare('gt', this, other);
  }
  /** 1 where `this >= other`, else 0 (no gradient). */
  ge(other: Tensor | number): Tensor {
    return ew.compare('ge', this, other);
  }
  /** 1 where `this < other`, else 0 (no gradient). */
  lt(other: Tensor | number): Tensor {
    return ew.compare('lt', this, other);
  }
  /** 1 where `this <= other`, else 0 (no gradient). */
  le(other: Tensor | number): Tensor {
    return ew.compare('le', this, other);
  }
  /** 1 where `this === other`, else 0 (no gradient). */
  eq(other: Tensor | number): Tensor {
    return ew.compare('eq', this, other);
  }

  // ---- reductions -----------------------------------------------------------------------------

  /** Sum over `axis` (all axes when omitted). */
  sum(axis?: number | readonly number[], keepDims = false): Tensor {
    return red.sum(this, axis, keepDims);
  }
  /** Mean over `axis` (all axes when omitted). */
  mean(axis?: number | readonly number[], keepDims = false): Tensor {
    return red.mean(this, axis, keepDims);
  }
  /** Maximum over `axis` (ties share the gradient equally). */
  max(axis?: number | readonly number[], keepDims = false): Tensor {
    return red.max(this, axis, keepDims);
  }
  /** Minimum over `axis`. */
  min(axis?: number | readonly number[], keepDims = false): Tensor {
    return red.min(this, axis, keepDims);
  }
  /** Index of the maximum along `axis` (of the flattened tensor when omitted), as float values; no gradient. */
  argmax(axis?: number, keepDims = false): Tensor {
    return red.argmax(this, axis, keepDims);
  }
  /** Index of the minimum along `axis`; no gradient. */
  argmin(axis?: number, keepDims = false): Tensor {
    return red.argmin(this, axis, keepDims);
  }
  /** `log(sum(exp(x)))` over `axis`, shifted by the maximum so it never overflows. */
  logSumExp(axis?: number | readonly number[], keepDims = false): Tensor {
    return red.logSumExp(this, axis, keepDims);
  }
  /** Softmax along `axis` (default the last). */
  softmax(axis = -1): Tensor {
    return red.softmax(this, axis);
  }
  /** Log-softmax along `axis` (default the last): `x - logSumExp(x)`. */
  logSoftmax(axis = -1): Tensor {
    return red.logSoftmax(this, axis);
  }

  // ---- linear algebra -------------------------------------------------------------------------

  /** Matrix product with NumPy/PyTorch `matmul` semantics (batched, broadcast batch axes). */
  matmul(other: Tensor, options?: MatmulOptions): Tensor {
    return matmul(this, other, options);
  }

  // ---- shape ----------------------------------------------------------------------------------

  /** Same values, new shape (one axis may be -1). A view when the tensor is contiguous. */
  reshape(shape: readonly number[]): Tensor {
    return so.reshape(this, shape);
  }
  /** Permute axes (reverse them when `perm` is omitted). A view. */
  transpose(perm?: readonly number[]): Tensor {
    return so.transpose(this, perm);
  }
  /** Swap two axes (e.g. `swapAxes(-1, -2)`). A view. */
  swapAxes(a: number, b: number): Tensor {
    return so.swapAxes(this, a, b);
  }
  /** Broadcast to `shape` (NumPy rules). A view with stride 0 on broadcast axes. */
  expand(shape: readonly number[]): Tensor {
    return so.expand(this, shape);
  }
  /**
   * The block starting at `begin` with `size` (-1 = to the end of that axis; omitted = to the end of
   * every axis). A view.
   */
  slice(begin: readonly number[], size?: readonly number[]): Tensor {
    return so.slice(this, begin, size);
  }
  /** Remove size-1 axes (`axis` given: only that one, which must have size 1). */
  squeeze(axis?: number): Tensor {
    return so.squeeze(this, axis);
  }
  /** Insert a size-1 axis at `axis`. */
  unsqueeze(axis: number): Tensor {
    return so.unsqueeze(this, axis);
  }
  /** Flatten to one axis. */
  flatten(): Tensor {
    return so.reshape(this, [this.size]);
  }
  /** This tensor when already contiguous, otherwise a contiguous copy. `force` copies always. */
  contiguous(force = false): Tensor {
    return so.contiguous(this, force);
  }
  /** Convert to `dtype` (the gradient is converted back). Returns this tensor when already of that dtype. */
  to(dtype: DType): Tensor {
    return so.cast(this, dtype);
  }

  // ---- indexing -------------------------------------------------------------------------------

  /** `out[..., i, ...] = this[..., index[..., i, ...], ...]` along `axis` (PyTorch `gather`). */
  gather(axis: number, index: IndexLike): Tensor {
    return idx.gather(this, axis, index);
  }
  /** Select entries `indices` along `axis` (PyTorch `index_select`). */
  indexSelect(axis: number, indices: IndexLike): Tensor {
    return idx.indexSelect(this, axis, indices);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Zeros with this tensor's shape, dtype and backend. */
  zerosLike(): Tensor {
    return new Tensor(this.backend.full(this.size, 0, this.dtype), this.shape, this.dtype, this.backend);
  }
  /** Ones with this tensor's shape, dtype and backend. */
  onesLike(): Tensor {
    return new Tensor(this.backend.full(this.size, 1, this.dtype), this.shape, this.dtype, this.backend);
  }
}

/** @internal Wrap new contiguous storage from `backend` as a tensor. */
export function fromStorage(storage: unknown, shape: Shape, dtype: DType, backend: Backend): Tensor {
  return new Tensor(storage, shape, dtype, backend);
}

/** Options of the tensor factories. */
export interface TensorOptions {
  /** Element type. Default `'float32'` (`'float64'` for a Float64Array input to `tensor`). */
  readonly dtype?: DType;
  /** Make a leaf that collects gradients. Default false. */
  readonly requiresGrad?: boolean;
}

function checkDType(dtype: unknown): DType {
  if (dtype !== 'float32' && dtype !== 'float64') throw new InvalidArgumentError('dtype', dtype, "'float32' or 'float64'");
  return dtype;
}

function inferShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let cur: NestedArray = data;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0] as NestedArray;
  }
  return shape;
}

function flattenInto(data: NestedArray, shape: number[], axis: number, out: number[]): void {
  if (axis === shape.length) {
    if (typeof data !== 'number') throw new InvalidArgumentError('data', data, 'a number at nesting depth ' + axis);
    out.push(data);
    return;
  }
  if (!Array.isArray(data) || data.length !== shape[axis])
    throw new InvalidArgumentError('data', data, `a rectangular nested array (an array of ${shape[axis]} entries at depth ${axis})`);
  for (const item of data) flattenInto(item, shape, axis + 1, out);
}

/**
 * Make a tensor from a number, nested arrays, or a flat array / typed array with `shape`.
 *
 * @example
 * tensor([[1, 2], [3, 4]]);                          // float32, shape [2, 2]
 * tensor(new Float64Array(6), { shape: [2, 3] });    // float64
 * tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
 */
export function tensor(data: NestedArray | ArrayLike<number>, options: TensorOptions & { readonly shape?: readonly number[] } = {}): Tensor {
  const dtype = checkDType(options.dtype ?? (data instanceof Float64Array ? 'float64' : 'float32'));
  let values: ArrayLike<number>;
  let shape: number[];
  if (ArrayBuffer.isView(data)) {
    values = data as unknown as ArrayLike<number>;
    shape = [values.length];
  } else {
    shape = inferShape(data as NestedArray);
    const flatValues: number[] = [];
    flattenInto(data as NestedArray, shape, 0, flatValues);
    values = flatValues;
  }
  if (options.shape !== undefined) {
    const s = options.shape;
    if (!Array.isArray(s) || s.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(s) !== values.length)
      throw new InvalidArgumentError('shape', s, `a shape with ${values.length} elements (the length of data)`);
    shape = s.slice();
  }
  const backend = getBackend();
  const t = new Tensor(backend.fromArray(values, dtype), shape, dtype, backend);
  t.requiresGrad = options.requiresGrad ?? false;
  return t;
}

/** A tensor of `shape` filled with `value`. */
export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) throw new InvalidArgumentError('shape', shape, 'an array of non-negative integers');
  const dtype = checkDType(options.dtype ?? 'float32');
  const backend = getBackend();
  const t = new Tensor(backend.full(sizeOf(shape), value, dtype), shape, dtype, backend);
  t.requiresGrad = options.requiresGrad ?? false;
  return t;
}

/** Zeros of `shape`. */
export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** Ones of `shape`. */
export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** A scalar (shape `[]`) tensor. */
export function scalar(value: number, options: TensorOptions = {}): Tensor {
  return tensor(value, options);
}

/** `[start, start + step, ...)` up to `stop` (exclusive), like `numpy.arange`. With one argument: `[0, stop)`. */
export function arange(start: number, stop?: number, step = 1, options: TensorOptions = {}): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (!Number.isFinite(step) || step === 0) throw new InvalidArgumentError('step', step, 'a finite non-zero number');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  return tensor(Array.from({ length: n }, (_, i) => start + i * step), options);
}

/** `n` evenly spaced values from `start` to `stop` inclusive. */
export function linspace(start: number, stop: number, n: number, options: TensorOptions = {}): Tensor {
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('n', n, 'a positive integer');
  return tensor(Array.from({ length: n }, (_, i) => (n === 1 ? start : start + ((stop - start) * i) / (n - 1))), options);
}

/** The `n × n` identity matrix. */
export function eye(n: number, options: TensorOptions = {}): Tensor {
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('n', n, 'a non-negative integer');
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) values[i * n + i] = 1;
  return tensor(values, { dtype: 'float32', ...options, shape: [n, n] });
}
