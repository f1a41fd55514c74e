import { expect } from 'vitest';
import { gradCheck, tensor, type Tensor } from '@lab/tensor';

/** A float64 tensor (a leaf that collects gradients with `grad: true`). */
export function t64(data: number[] | number[][] | number[][][], grad = false): Tensor {
  return tensor(data, { dtype: 'float64', requiresGrad: grad });
}

/** The values of a tensor as a flat number[]. */
export const flat = (x: Tensor): number[] => Array.from(x.data());

/** Element-wise closeness (rtol 1e-10, atol 1e-12 unless given). */
export function expectClose(got: ArrayLike<number> | number, want: ArrayLike<number> | number, rtol = 1e-10, atol = 1e-12): void {
  const g = typeof got === 'number' ? [got] : Array.from(got);
  const w = typeof want === 'number' ? [want] : Array.from(want);
  expect(g.length).toBe(w.length);
  g.forEach((v, i) => {
    if (!(Math.abs(v - w[i]) <= atol + rtol * Math.abs(w[i]))) expect.fail(`entry ${i}: got ${v}, want ${w[i]} (all: ${JSON.stringify(g)})`);
  });
}

/** The loss value and d loss / d input of a scalar loss of `input`. */
export function valueAndGrad(input: Tensor, f: (x: Tensor) => Tensor): { value: number; grad: number[] } {
  input.grad = null;
  const loss = f(input);
  loss.backward();
  return { value: loss.item(), grad: flat(input.grad!) };
}

/** Finite-difference check of d f / d inputs (float64), failing with the checker's message. */
export function expectGradOk(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const r = gradCheck(f, inputs, { eps: 1e-6, atol: 1e-7, rtol: 1e-5 });
  expect(r.message).toBe('ok');
  expect(r.checked).toBeGreaterThan(0);
}
