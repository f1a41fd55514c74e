import { describe, expect, test } from 'vitest';
import { getBackend, setBackend, withBackend } from './backend';
import { jsBackend } from './backends/js';
import { tensor, zeros } from './tensor';
import type { Backend, DType, FloatArray, StridedView } from './types';
import { Linear } from './nn/linear';

/**
 * A backend whose storage handles are opaque boxes (not typed arrays), delegating to the js kernels
 * and counting calls: proves the tensor layer only touches storage through the Backend interface.
 */
function boxedBackend() {
  type Box = { readonly id: number; buf: FloatArray };
  let next = 0;
  const calls: Record<string, number> = {};
  const box = (buf: FloatArray): Box => ({ id: next++, buf });
  const un = (v: StridedView<unknown>): StridedView<FloatArray> => ({ ...v, storage: (v.storage as Box).buf });
  const count = (k: string) => (calls[k] = (calls[k] ?? 0) + 1);
  const backend: Backend<Box> = {
    name: 'boxed',
    fromArray: (values, dtype: DType) => (count('fromArray'), box(jsBackend.fromArray(values, dtype))),
    full: (size, value, dtype) => (count('full'), box(jsBackend.full(size, value, dtype))),
    read: (s) => s.buf,
    copy: (x, dtype) => (count('copy'), box(jsBackend.copy(un(x), dtype))),
    assign: (d, s) => (count('assign'), jsBackend.assign(un(d), un(s))),
    unary: (op, x, a, b) => (count('unary'), box(jsBackend.unary(op, un(x), a, b))),
    binary: (op, a, b) => (count('binary'), box(jsBackend.binary(op, un(a), un(b)))),
    where: (c, a, b) => (count('where'), box(jsBackend.where(un(c), un(a), un(b)))),
    reduce: (op, x, axes) => (count('reduce'), box(jsBackend.reduce(op, un(x), axes))),
    matmul: (a, b, ta, tb) => (count('matmul'), box(jsBackend.matmul(un(a), un(b), ta, tb))),
    gather: (x, axis, index, shape) => (count('gather'), box(jsBackend.gather(un(x), axis, index, shape))),
    scatterAdd: (g, axis, index, shape) => (count('scatterAdd'), box(jsBackend.scatterAdd(un(g), axis, index, shape))),
  };
  return { backend, calls };
}

describe('backends', () => {
  test('the js backend is the default and nothing changes it on import', () => {
    expect(getBackend()).toBe(jsBackend);
    expect(tensor([1]).backend).toBe(jsBackend);
  });

  test('a plugged-in backend with opaque handles runs forward, backward and nn layers', () => {
    const { backend, calls } = boxedBackend();
    withBackend(backend as Backend, () => {
      const fc = new Linear(3, 2, { rng: 1 });
      const x = tensor([[1, 2, 3], [4, 5, 6]]);
      expect(x.storage).not.toBeInstanceOf(Float32Array);
      const loss = fc.forward(x).logSoftmax().gather(1, [0, 1]).mean().neg();
      loss.backward();
      expect(fc.weight.grad?.backend).toBe(backend);
      expect(fc.parameters()[0].grad).toBeInstanceOf(Float32Array);
    });
    expect(calls.matmul).toBe(2); // forward and dW (the input batch needs no gradient)
    expect(calls.reduce).toBeGreaterThan(0);
    expect(getBackend()).toBe(jsBackend);
    // and the same computation on the js backend gives the same numbers
    const run = () => {
      const fc = new Linear(3, 2, { rng: 1 });
      fc.forward(tensor([[1, 2, 3], [4, 5, 6]])).logSoftmax().gather(1, [0, 1]).mean().neg().backward();
      return Array.from(fc.weight.grad!.data());
    };
    expect(withBackend(backend as Backend, run)).toEqual(run());
  });

  test('setBackend returns the previous backend; invalid backends and mixing are errors', () => {
    const { backend } = boxedBackend();
    const prev = setBackend(backend as Backend);
    const a = zeros([2]);
    setBackend(prev);
    expect(prev).toBe(jsBackend);
    expect(() => a.add(zeros([2]))).toThrow(/backend/);
    expect(() => setBackend({ name: 'broken' } as never)).toThrow(/Backend object/);
    expect(getBackend()).toBe(jsBackend);
  });
});

describe('jsBackend.assign', () => {
  const view = (storage: FloatArray, shape: number[], strides: number[], offset: number): StridedView<FloatArray> => ({ storage, dtype: storage instanceof Float64Array ? 'float64' : 'float32', shape, strides, offset });
  test('contiguous windows: a block copy, also between overlapping windows of one array and across dtypes', () => {
    const a = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    jsBackend.assign(view(a, [2, 2], [2, 1], 3), view(a, [2, 2], [2, 1], 1));
    expect([...a]).toEqual([0, 1, 2, 1, 2, 3, 4, 7]);
    const d = new Float64Array(3);
    jsBackend.assign(view(d, [3], [1], 0), view(Float32Array.from([0.5, 1.5, 2.5]), [3], [1], 0));
    expect([...d]).toEqual([0.5, 1.5, 2.5]);
  });
  test('strided and broadcast sources go element by element', () => {
    const d = new Float32Array(4);
    jsBackend.assign(view(d, [2, 2], [2, 1], 0), view(Float32Array.from([1, 2, 3, 4]), [2, 2], [1, 2], 0)); // transpose
    expect([...d]).toEqual([1, 3, 2, 4]);
    jsBackend.assign(view(d, [2, 2], [2, 1], 0), view(Float32Array.from([7, 8]), [2, 2], [0, 1], 0)); // broadcast rows
    expect([...d]).toEqual([7, 8, 7, 8]);
  });
});
