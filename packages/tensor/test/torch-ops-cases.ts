/**
 * Randomised differential cases against PyTorch 1.13 (float64): one op on random inputs (shapes,
 * broadcasting, axes, keepDims, permutations, indices), its output and the gradient of every input
 * of loss = sum(out * r). Recorded by test/record-torch-ops.py; 38 ops, 12 random cases each.
 * torch-ops.test.ts runs them in float64 on the js backend, torch-ops-wasm.test.ts in float32 on
 * the wasm SIMD kernels.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { concat, stack, tensor, type DType, type Tensor } from '../src/index';

interface T {
  shape: number[];
  data: number[];
}
interface Case {
  id: string;
  op: string;
  inputs: T[];
  args: Record<string, unknown>;
  ints: { index?: T; indices?: number[] };
  r: T;
  expected: { out: T; grads: T[] };
}

const { cases } = JSON.parse(readFileSync(new URL('./torch-ops.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Tolerances: float64 within rtol 1e-10 (atol 1e-12); float32 within rtol 1e-4 (atol 1e-5). */
const TOL: Record<DType, [number, number]> = { float64: [1e-10, 1e-12], float32: [1e-4, 1e-5] };

function apply(c: Case, xs: Tensor[]): Tensor {
  const [x, y] = xs;
  const a = c.args as Record<string, never>;
  switch (c.op) {
    case 'leakyRelu':
      return x.leakyRelu(a.slope);
    case 'clamp':
      return x.clamp(a.min, a.max);
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
    case 'maximum':
    case 'minimum':
    case 'pow':
      return (x[c.op] as (o: Tensor) => Tensor).call(x, y);
    case 'sum':
    case 'mean':
    case 'max':
    case 'min':
    case 'logSumExp':
      return (x[c.op] as (axis?: number | number[], keep?: boolean) => Tensor).call(x, a.axis ?? undefined, a.keepDims);
    case 'softmax':
    case 'logSoftmax':
      return x[c.op](a.axis);
    case 'matmul':
      return x.matmul(y);
    case 'transpose':
      return x.transpose(a.perm);
    case 'swapAxes':
      return x.swapAxes(a.a, a.b);
    case 'reshape':
      return x.reshape(a.shape);
    case 'expand':
      return x.expand(a.shape);
    case 'slice':
      return x.slice(a.begin, a.size);
    case 'squeeze':
      return x.squeeze(a.axis);
    case 'unsqueeze':
      return x.unsqueeze(a.axis);
    case 'gather':
      return x.gather(a.axis, tensor(c.ints.index!.data, { shape: c.ints.index!.shape }));
    case 'indexSelect':
      return x.indexSelect(a.axis, c.ints.indices!);
    case 'concat':
      return concat(xs, a.axis);
    case 'stack':
      return stack(xs, a.axis);
    default:
      return (x[c.op as 'exp'] as () => Tensor).call(x);
  }
}

/** Every value within the dtype's tolerance of the reference, shapes equal. */
function close(what: string, got: Tensor, want: T): void {
  const [rtol, atol] = TOL[got.dtype];
  expect(got.shape, `${what} shape`).toEqual(want.shape);
  const g = Array.from(got.data());
  const bad = want.data.findIndex((w, i) => !(Math.abs(g[i] - w) <= atol + rtol * Math.abs(w)));
  expect(bad, `${what}[${bad}]: got ${g[bad]}, want ${want.data[bad]}`).toBe(-1);
}

/** Register one test per recorded case, computing in `dtype` on the current backend. */
export function torchOpCases(dtype: DType): void {
  const leaf = (x: T) => tensor(x.data, { shape: x.shape, dtype, requiresGrad: true });
  test('the recording covers every op 12 times', () => {
    expect(cases).toHaveLength(456);
    expect(new Set(cases.map((c) => c.op)).size).toBe(38);
  });
  test.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const xs = c.inputs.map(leaf);
    const out = apply(c, xs);
    expect(out.dtype).toBe(dtype);
    close('out', out, c.expected.out);
    out.mul(tensor(c.r.data, { shape: c.r.shape, dtype })).sum().backward();
    xs.forEach((x, i) => close(`grad ${i}`, x.grad!, c.expected.grads[i]));
  });
}
