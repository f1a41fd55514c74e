import { InvalidArgumentError } from '@lab/core';
import { Tensor, fromStorage } from '../tensor';
import type { Shape, StridedView } from '../types';

/** A number becomes a scalar tensor of `like`'s dtype and backend. */
export function asTensor(x: Tensor | number, like: Tensor, argument: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x !== 'number') throw new InvalidArgumentError(argument, x, 'a Tensor or a number');
  return fromStorage(like.backend.fromArray([x], like.dtype), [], like.dtype, like.backend);
}

/** Check that two tensors can meet in one op: same dtype (no implicit casts) and backend. */
export function checkPair(op: string, a: Tensor, b: Tensor, argument = 'other'): void {
  if (a.dtype !== b.dtype)
    throw new InvalidArgumentError(`${op}: ${argument}`, b.dtype, `dtype ${a.dtype} like the first operand (convert explicitly with .to('${a.dtype}'))`);
  if (a.backend !== b.backend)
    throw new InvalidArgumentError(`${op}: ${argument}`, b.backend.name, `a tensor on the ${a.backend.name} backend like the first operand`);
}

/** Two operands as tensors (at least one must already be a tensor). */
export function pair(op: string, a: Tensor | number, b: Tensor | number): [Tensor, Tensor] {
  if (a instanceof Tensor) {
    const y = asTensor(b, a, `${op}: b`);
    checkPair(op, a, y, 'b');
    return [a, y];
  }
  if (b instanceof Tensor) return [asTensor(a, b, `${op}: a`), b];
  throw new InvalidArgumentError(`${op}: a`, a, 'a Tensor (at least one operand must be a tensor)');
}

/** The strided view of `t` broadcast to `shape` (stride 0 on new and size-1 broadcast axes). */
export function expandView(t: Tensor, shape: Shape): StridedView {
  const lead = shape.length - t.rank;
  const strides = shape.map((d, i) => (i < lead || t.shape[i - lead] !== d ? 0 : t.strides[i - lead]));
  return { storage: t.storage, dtype: t.dtype, shape, strides, offset: t.offset };
}
