/**
 * Matrix product with NumPy/PyTorch `matmul` semantics, plus the transposed variants its backward
 * needs (`transA` / `transB`), which run as their own kernels instead of copying a transpose.
 */
import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import { record } from '../autograd';
import { broadcastShapes, sizeOf } from '../shape';
import { Tensor, fromStorage } from '../tensor';
import type { StridedView } from '../types';
import { checkPair, expandView } from './util';

/** Options of `matmul`. */
export interface MatmulOptions {
  /** Use the transpose of `a`'s last two axes. Default false. */
  readonly transA?: boolean;
  /** Use the transpose of `b`'s last two axes. Default false. */
  readonly transB?: boolean;
}

/**
 * One batch stride for the (broadcast) batch axes of a view, or null when they cannot be walked
 * with a single stride.
 */
function batchStride(shape: readonly number[], strides: readonly number[]): number | null {
  let stride: number | null = null;
  let expected = 0;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 1) continue;
    if (stride === null) {
      stride = strides[i];
      expected = strides[i] * shape[i];
    } else {
      if (strides[i] !== expected) return null;
      expected *= shape[i];
    }
  }
  return stride ?? 0;
}

/**
 * A 3-D `[batch, r, c]` view whose last two axes are row-major, and whether it holds the matrix
 * transposed. A view stored transposed (e.g. `w.transpose()`) flips the flag instead of copying.
 */
function operand(t: Tensor, batchShape: readonly number[], trans: boolean): { view: StridedView; trans: boolean } {
  const full = [...batchShape, t.shape[t.rank - 2], t.shape[t.rank - 1]];
  let v = expandView(t, full);
  const r = full.length;
  const [rows, cols] = [full[r - 2], full[r - 1]];
  const [sr, sc] = [v.strides[r - 2], v.strides[r - 1]];
  let flip = false;
  let ok = (sc === 1 || cols === 1) && (sr === cols || rows === 1);
  if (!ok && (sr === 1 || rows === 1) && (sc === rows || cols === 1)) ok = flip = true;
  let bs = ok ? batchStride(batchShape, v.strides.slice(0, r - 2)) : null;
  if (bs === null) {
    // Materialise the broadcast operand (rare: unusual strides).
    v = { ...v, storage: t.backend.copy(v), strides: [], offset: 0 };
    flip = false;
    bs = rows * cols;
  }
  const batch = sizeOf(batchShape);
  const shape = flip ? [batch, cols, rows] : [batch, rows, cols];
  return { view: { storage: v.storage, dtype: v.dtype, shape, strides: [bs, shape[2], 1], offset: v.offset }, trans: trans !== flip };
}

function product(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Tensor {
  const m = a.shape[a.rank - (transA ? 1 : 2)];
  const ka = a.shape[a.rank - (transA ? 2 : 1)];
  const kb = b.shape[b.rank - (transB ? 1 : 2)];
  const n = b.shape[b.rank - (transB ? 2 : 1)];
  if (ka !== kb)
    throw new ShapeMismatchError('matmul', [a.shape, b.shape], `have inner sizes ${ka} and ${kb}${transA || transB ? ` (transA=${transA}, transB=${transB})` : ''}; they must be equal`);
  const batchShape = broadcastShapes('matmul', a.shape.slice(0, -2), b.shape.slice(0, -2));
  const pa = operand(a, batchShape, transA);
  const pb = operand(b, batchShape, transB);
  const storage = a.backend.matmul(pa.view, pb.view, pa.trans, pb.trans);
  const out = fromStorage(storage, [...batchShape, m, n], a.dtype, a.backend);
  // C = op(A)·op(B); the four cases of (transA, transB) give the gradients below. Only the operands
  // that need a gradient get one (a linear layer's input batch does not: that product is skipped).
  return record(out, 'matmul', [a, b], (g) => [
    !a.requiresGrad ? null : transA ? product(b, g, transB, true) : product(g, b, false, !transB),
    !b.requiresGrad ? null : transB ? product(g, a, true, transA) : product(a, g, !transA, false),
  ]);
}

/**
 * Matrix product `op(a) · op(b)` with PyTorch `matmul` semantics: 1-D operands are treated as
 * vectors (their axis removed from the result), leading batch axes broadcast (NumPy rules).
 * `transA` / `transB` use the transpose of the last two axes without copying.
 *
 * @example
 * matmul(x, w, { transB: true }); // x · wᵀ, as in a linear layer with w of shape [out, in]
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  if (!(a instanceof Tensor)) throw new InvalidArgumentError('matmul: a', a, 'a Tensor');
  if (!(b instanceof Tensor)) throw new InvalidArgumentError('matmul: b', b, 'a Tensor');
  checkPair('matmul', a, b, 'b');
  if (a.rank === 0 || b.rank === 0) throw new ShapeMismatchError('matmul', [a.shape, b.shape], 'must have at least one axis each');
  const transA = options.transA ?? false;
  const transB = options.transB ?? false;
  const aVec = a.rank === 1;
  const bVec = b.rank === 1;
  const out = product(aVec ? a.unsqueeze(0) : a, bVec ? b.unsqueeze(1) : b, transA && !aVec, transB && !bVec);
  if (aVec && bVec) return out.reshape([...out.shape.slice(0, -2)]);
  if (aVec) return out.squeeze(-2);
  if (bVec) return out.squeeze(-1);
  return out;
}
