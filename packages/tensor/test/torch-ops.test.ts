/**
 * Randomised differential cases against PyTorch 1.13 (float64): one op on random inputs (shapes,
 * broadcasting, axes, keepDims, permutations, indices), its output and the gradient of every input
 * of loss = sum(out * r). Recorded by test/record-torch-ops.py; 38 ops, 12 random cases each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { concat, stack, tensor, type Tensor } from '../src/index';

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

const leaf = (x: T) => tensor(Float64Array.from(x.data), { shape: x.shape, dtype: 'float64', requiresGrad: true });

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

/** Every value within rtol 1e-10 (atol 1e-12) of the reference, shapes equal. */
function close(what: string, got: Tensor, want: T): void {
  expect(got.shape, `${what} shape`).toEqual(want.shape);
  const g = Array.from(got.data() as Float64Array);
  const bad = want.data.findIndex((w, i) => !(Math.abs(g[i] - w) <= 1e-12 + 1e-10 * Math.abs(w)));
  expect(bad, `${what}[${bad}]: got ${g[bad]}, want ${want.data[bad]}`).toBe(-1);
}

describe('ops and gradients match PyTorch 1.13 on random inputs (float64)', () => {
  test('the recording covers every op 12 times', () => {
    expect(cases).toHaveLength(456);
    expect(new Set(cases.map((c) => c.op)).size).toBe(38);
  });
  test.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const xs = c.inputs.map(leaf);
    const out = apply(c, xs);
    close('out', out, c.expected.out);
    out.mul(tensor(Float64Array.from(c.r.data), { shape: c.r.shape, dtype: 'float64' })).sum().backward();
    xs.forEach((x, i) => close(`grad ${i}`, x.grad!, c.expected.grads[i]));
  });
});
