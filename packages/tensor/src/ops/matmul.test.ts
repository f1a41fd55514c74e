import { Rng } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { randn } from '../random';
import { tensor, type Tensor } from '../tensor';
import { expectClose } from '../test-helpers';
import { matmul } from './matmul';
import { withBackend } from '../backend';
import { jsBackend } from '../backends/js';

/** Reference: plain triple loop over nested arrays. */
function naive(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}
const T = (m: number[][]) => m[0].map((_, j) => m.map((r) => r[j]));
const mat = (t: Tensor) => t.toArray() as number[][];

describe('matmul', () => {
  test('2-D products against a naive loop, all transposed variants', () => {
    const rng = new Rng(5);
    for (const [m, k, n] of [[1, 1, 1], [3, 4, 5], [7, 130, 9], [17, 3, 6]]) {
      const a = randn([m, k], rng, { dtype: 'float64' });
      const b = randn([k, n], rng, { dtype: 'float64' });
      const ref = naive(mat(a), mat(b));
      expectClose(a.matmul(b).toArray(), ref, 1e-12);
      const at = tensor(T(mat(a)), { dtype: 'float64' });
      const bt = tensor(T(mat(b)), { dtype: 'float64' });
      expectClose(at.matmul(b, { transA: true }).toArray(), ref, 1e-12);
      expectClose(a.matmul(bt, { transB: true }).toArray(), ref, 1e-12);
      expectClose(at.matmul(bt, { transA: true, transB: true }).toArray(), ref, 1e-12);
      // transposed views are recognised (no copy needed) and give the same result
      expectClose(at.transpose().matmul(bt.transpose()).toArray(), ref, 1e-12);
      expectClose(at.transpose().matmul(b, { transB: false }).toArray(), ref, 1e-12);
    }
  });

  test('batched with broadcast batch axes', () => {
    const rng = new Rng(6);
    const a = randn([2, 1, 3, 4], rng, { dtype: 'float64' });
    const b = randn([3, 4, 2], rng, { dtype: 'float64' });
    const c = a.matmul(b);
    expect(c.shape).toEqual([2, 3, 3, 2]);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) {
        const ai = mat(a.slice([i, 0, 0, 0], [1, 1, -1, -1]).reshape([3, 4]));
        const bj = mat(b.slice([j, 0, 0], [1, -1, -1]).reshape([4, 2]));
        expectClose(c.slice([i, j, 0, 0], [1, 1, -1, -1]).reshape([3, 2]).toArray(), naive(ai, bj), 1e-12);
      }
    // a batch of matrices times one matrix
    const w = randn([4, 5], rng, { dtype: 'float64' });
    const x = randn([6, 3, 4], rng, { dtype: 'float64' });
    expectClose(x.matmul(w).reshape([18, 5]).toArray(), naive(mat(x.reshape([18, 4])), mat(w)), 1e-12);
  });

  test('vectors follow PyTorch: 1-D axes are removed', () => {
    const v = tensor([1, 2, 3]);
    const m = tensor([[1, 0], [0, 1], [1, 1]]);
    expect(v.matmul(v).shape).toEqual([]);
    expect(v.matmul(v).item()).toBe(14);
    expect(v.matmul(m).toArray()).toEqual([4, 5]);
    expect(m.transpose().matmul(v).toArray()).toEqual([4, 5]);
    expect(matmul(randn([2, 4, 3], 1), v).shape).toEqual([2, 4]);
  });

  test('float32 products round to float32', () => {
    const a = randn([4, 8], 1);
    const c = a.matmul(a, { transB: true });
    expect(c.dtype).toBe('float32');
    expectClose(c.toArray(), naive(mat(a), T(mat(a))), 1e-5);
  });

  test('shape errors name both shapes and the op', () => {
    expect(() => tensor([[1, 2]]).matmul(tensor([[1, 2]]))).toThrow('matmul: shapes [1, 2] and [1, 2] have inner sizes 2 and 1; they must be equal');
    expect(() => randn([2, 2, 3], 1).matmul(randn([3, 3, 2], 1))).toThrow(/matmul: shapes \[2\] and \[3\] cannot be broadcast/);
    expect(() => tensor(1).matmul(tensor([1]))).toThrow(/at least one axis/);
  });
});

describe('matmul backward computes only the gradients that are needed', () => {
  test('skips the product for an operand without requiresGrad (a layer input batch)', () => {
    let calls = 0;
    const counting = { ...jsBackend, matmul: (...args: Parameters<typeof jsBackend.matmul>) => (calls++, jsBackend.matmul(...args)) };
    withBackend(counting, () => {
      const x = tensor([[1, 2, 3], [4, 5, 6]]);
      const w = tensor([[1, 0, 1], [0, 1, 0]], { requiresGrad: true });
      const y = matmul(x, w, { transB: true });
      expect(calls).toBe(1);
      y.sum().backward();
      expect(calls).toBe(2); // dW only
      expect(w.grad!.toArray()).toEqual([[5, 7, 9], [5, 7, 9]]);
      expect(x.grad).toBeNull();
      const x2 = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
      matmul(x2, w, { transB: true }).sum().backward();
      expect(calls).toBe(5); // forward, dX and dW
      expect(x2.grad!.toArray()).toEqual([[1, 1, 1], [1, 1, 1]]);
    });
  });
});
