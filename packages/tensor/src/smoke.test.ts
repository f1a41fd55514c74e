import { expect, test } from 'vitest';
import { tensor, gradCheck, randn } from './index';

test('smoke', () => {
  const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
  const y = x.mul(x).sum();
  y.backward();
  expect(y.item()).toBe(30);
  expect(x.grad?.toArray()).toEqual([[2, 4], [6, 8]]);
  const a = randn([3, 4], 1, { dtype: 'float64', requiresGrad: true });
  const b = randn([4, 2], 2, { dtype: 'float64', requiresGrad: true });
  expect(gradCheck((a, b) => a.matmul(b).softmax().log(), [a, b])).toMatchObject({ ok: true });
  expect(gradCheck((a, b) => a.matmul(b, { transB: true }).logSumExp(0), [a, randn([5, 4], 3, { dtype: 'float64', requiresGrad: true })])).toMatchObject({ ok: true });
});
