/**
 * Gradient conventions at the edges (ties, boundaries, zeros) and a few values, checked against
 * PyTorch 1.13 in float64. The numbers were printed by torch; see each test for the expression.
 */
import { describe, expect, test } from 'vitest';
import { tensor, type Tensor } from './tensor';
import { expectClose } from './test-helpers';

const f64 = (v: number[] | number[][], requiresGrad = true) => tensor(v, { dtype: 'float64', requiresGrad });
const grad = (t: Tensor) => t.grad!.toArray();

describe('matches PyTorch 1.13 (float64)', () => {
  test('torch.maximum splits the gradient of ties in half', () => {
    const a = f64([1, 2, 3]);
    const b = f64([1, 0, 5]);
    a.maximum(b).sum().backward();
    expect([grad(a), grad(b)]).toEqual([[0.5, 1, 0], [0.5, 0, 1]]);
  });

  test('max over an axis (torch.amax) shares the gradient among tied maxima', () => {
    const x = f64([[1, 3, 3], [2, 0, -1]]);
    x.max(1).sum().backward();
    expect(grad(x)).toEqual([[0, 0.5, 0.5], [1, 0, 0]]);
  });

  test('clamp passes the gradient at its boundaries', () => {
    const x = f64([-1, -0.5, 0, 0.5, 1]);
    x.clamp(-0.5, 0.5).sum().backward();
    expect(grad(x)).toEqual([0, 1, 1, 1, 0]);
  });

  test('pow at a zero base', () => {
    const x = f64([0, 0, 2]);
    const e = f64([2, -1, 0.5]);
    x.pow(e).sum().backward();
    expectClose(grad(x), [0, -Infinity, 0.3535533905932738], 1e-15);
    expectClose(grad(e), [0, -Infinity, 0.9802581434685472], 1e-15);
  });

  test('logSoftmax, softmax and logSumExp gradients', () => {
    const w = tensor([[0.5, -1, 2], [1, 1, 1]], { dtype: 'float64' });
    const x = f64([[1, 2, 3], [-1, 0, 4]]);
    x.logSoftmax(1).mul(w).sum().backward();
    expectClose(grad(x), [[0.36495414024442935, -1.3670927065821965, 1.0021385663377673], [0.9802802104440728, 0.9463960543890865, -1.9266762648331595]], 1e-14);
    x.zeroGrad();
    x.softmax(0).mul(w).sum().backward();
    expectClose(grad(x), [[-0.05249679270175316, -0.20998717080701312, 0.19661193324148182], [0.05249679270175327, 0.209987170807013, -0.19661193324148193]], 1e-13);
    x.zeroGrad();
    x.logSumExp(1).mul(tensor([2, -3], { dtype: 'float64' })).sum().backward();
    expectClose(grad(x), [[0.18006114634076087, 0.48945694210959517, 1.3304819115496433], [-0.019719789555927257, -0.05360394561091352, -2.9266762648331603]], 1e-14);
  });

  test('softplus values and gradient across the range', () => {
    const x = f64([-30, -1, 0, 2, 40]);
    const y = x.softplus();
    y.sum().backward();
    expectClose(y.toArray(), [9.357622968839737e-14, 0.31326168751822286, 0.6931471805599453, 2.1269280110429727, 40], 1e-14);
    expectClose(grad(x), [9.3576229688393e-14, 0.2689414213699951, 0.5, 0.8807970779778824, 1], 1e-14);
  });
});
