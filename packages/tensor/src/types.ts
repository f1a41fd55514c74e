/**
 * Public types of @lab/tensor: dtypes, shapes, and the backend contract.
 *
 * A backend owns the storage of tensor values. A tensor holds an opaque handle (`storage`) that its
 * backend understands, plus the layout (shape, strides, offset) that makes a view of it. Kernels
 * receive `StridedView`s and return new storage handles; values leave the backend only when asked
 * (`Tensor.data()`, `Tensor.toArray()`, `Parameter.value`).
 */

/** Element type. `float64` is computed in float64 end to end (for exact gradient checks). */
export type DType = 'float32' | 'float64';

/** A typed array of either dtype. */
export type FloatArray = Float32Array | Float64Array;

/** A tensor shape: one non-negative integer per axis (`[]` is a scalar). */
export type Shape = readonly number[];

/** A strided window onto backend storage: what kernels read and write. */
export interface StridedView<H = unknown> {
  readonly storage: H;
  readonly dtype: DType;
  readonly shape: Shape;
  /** Elements to step in storage per unit step of each axis (0 on broadcast axes). */
  readonly strides: Shape;
  /** Index in storage of element `[0, 0, ...]`. */
  readonly offset: number;
}

/** Element-wise single-input kernels. `leakyRelu` takes a slope, `clamp` takes min and max. */
export type UnaryOp =
  | 'neg'
  | 'exp'
  | 'log'
  | 'log1p'
  | 'sqrt'
  | 'abs'
  | 'sign'
  | 'relu'
  | 'leakyRelu'
  | 'sigmoid'
  | 'tanh'
  | 'softplus'
  | 'clamp';

/** Element-wise two-input kernels. Comparisons return 1 or 0 in the inputs' dtype. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'gt' | 'ge' | 'lt' | 'le' | 'eq';

/** Reductions over a set of axes. `argmax`/`argmin` take exactly one axis and return indices as floats. */
export type ReduceOp = 'sum' | 'max' | 'min' | 'argmax' | 'argmin';

/**
 * The kernels a backend provides. Every kernel allocates and returns a new contiguous (row-major)
 * storage handle for its output, except `assign`, which writes into an existing window.
 *
 * Inputs are `StridedView`s: a backend must accept any strides (including 0 for broadcast axes) and
 * offsets, and may copy a view into a contiguous buffer first when that is faster. The tensor layer
 * never reads storage itself except through `read`, so a backend may keep values anywhere
 * (a typed array, WebAssembly linear memory, ...).
 *
 * `H` is the backend's storage handle type.
 */
export interface Backend<H = unknown> {
  /** A short name, e.g. `'js'` or `'wasm-simd'`. */
  readonly name: string;
  /** New storage holding `values` (converted to `dtype`). */
  fromArray(values: ArrayLike<number>, dtype: DType): H;
  /** New storage of `size` elements, all equal to `value`. */
  full(size: number, value: number, dtype: DType): H;
  /**
   * A live typed-array view of the whole storage (no copy where the backend allows it). Writes to it
   * change the tensor; it may be invalidated by the next allocation (e.g. when WebAssembly memory
   * grows), so callers re-read it rather than keep it.
   */
  read(storage: H, dtype: DType): FloatArray;
  /** Optional: release storage early (backends with manual memory). */
  dispose?(storage: H): void;
  /** A contiguous copy of the view, converted to `dtype` (defaults to the view's dtype). */
  copy(x: StridedView<H>, dtype?: DType): H;
  /** Write `src` into the window `dst` (same shape, same dtype). */
  assign(dst: StridedView<H>, src: StridedView<H>): void;
  /** `op(x)` element-wise; `a`, `b` are the op's scalar parameters. Output has `x.shape`. */
  unary(op: UnaryOp, x: StridedView<H>, a?: number, b?: number): H;
  /** `op(a, b)` element-wise. Both views already have the output shape (broadcast axes have stride 0). */
  binary(op: BinaryOp, a: StridedView<H>, b: StridedView<H>): H;
  /** `cond != 0 ? a : b`; all three views already have the output shape. */
  where(cond: StridedView<H>, a: StridedView<H>, b: StridedView<H>): H;
  /** Reduce over `axes` (sorted, unique, non-empty); the output shape is `x.shape` without them. */
  reduce(op: ReduceOp, x: StridedView<H>, axes: readonly number[]): H;
  /**
   * Batched matrix product of 3-D views `[batch, rows, cols]` whose last two axes are row-major
   * contiguous (`strides[2] === 1`, `strides[1] === shape[2]`); the batch stride may be 0.
   * With `transA` the stored `a` is `[batch, k, m]` and used transposed (likewise `transB`: `[batch, n, k]`).
   * Output: contiguous `[batch, m, n]`.
   */
  matmul(a: StridedView<H>, b: StridedView<H>, transA: boolean, transB: boolean): H;
  /** `out[..., j, ...] = x[..., index[..., j, ...], ...]` along `axis`; `index` is contiguous with shape `indexShape`. */
  gather(x: StridedView<H>, axis: number, index: Int32Array, indexShape: Shape): H;
  /** The adjoint of `gather`: zeros of `shape`, then `out[..., index[p], ...] += src[p]` along `axis`. */
  scatterAdd(src: StridedView<H>, axis: number, index: Int32Array, shape: Shape): H;
}
