import { Rng } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { record } from './autograd';
import { gradCheck } from './grad-check';
import { concat, stack } from './ops/shape-ops';
import { where } from './ops/elementwise';
import { oneHot } from './ops/index-ops';
import { tensor, type Tensor } from './tensor';
import { awayFromZero, broadcastableTo, leaf, randomShape } from './test-helpers';

const TRIALS = 6;

type Case = (rng: Rng) => { fn: (...xs: Tensor[]) => Tensor; inputs: Tensor[] };

function unary(f: (x: Tensor) => Tensor, draw: (rng: Rng) => () => number = (r) => () => r.normal()): Case {
  return (rng) => ({ fn: f, inputs: [leaf(randomShape(rng), draw(rng))] });
}

/** Two inputs whose shapes broadcast against each other (either side may be the smaller one). */
function binary(f: (a: Tensor, b: Tensor) => Tensor, drawA: (rng: Rng) => () => number, drawB = drawA): Case {
  return (rng) => {
    const out = randomShape(rng, 0, 3);
    const [sa, sb] = rng.next() < 0.5 ? [out, broadcastableTo(rng, out)] : [broadcastableTo(rng, out), out];
    return { fn: f, inputs: [leaf(sa, drawA(rng)), leaf(sb, drawB(rng))] };
  };
}

const normal = (r: Rng) => () => r.normal();
const positive = (r: Rng) => () => 0.5 + Math.abs(r.normal());
const nonzero = (r: Rng) => awayFromZero(r, 0.3);
/** Away from clamp's bounds ±0.5. */
const awayFromBounds = (r: Rng) => () => {
  const v = awayFromZero(r, 0.1)();
  return Math.abs(Math.abs(v) - 0.5) < 0.05 ? v * 1.3 : v;
};

/** A random subset of axes (or undefined = all) and keepDims. */
function reduction(f: (x: Tensor, axes: number[] | undefined, keep: boolean) => Tensor, minRank = 0): Case {
  return (rng) => {
    const shape = randomShape(rng, minRank, 3);
    const axes = rng.next() < 0.2 ? undefined : shape.map((_, i) => i).filter(() => rng.next() < 0.5);
    const keep = rng.next() < 0.5;
    return { fn: (x) => f(x, axes, keep), inputs: [leaf(shape, normal(rng))] };
  };
}

function alongAxis(f: (x: Tensor, axis: number) => Tensor): Case {
  return (rng) => {
    const shape = randomShape(rng, 1, 3);
    const axis = rng.int(shape.length) - (rng.next() < 0.5 ? shape.length : 0);
    return { fn: (x) => f(x, axis), inputs: [leaf(shape, () => 3 * rng.normal())] };
  };
}

const CASES: Record<string, Case> = {
  add: binary((a, b) => a.add(b), normal),
  sub: binary((a, b) => a.sub(b), normal),
  mul: binary((a, b) => a.mul(b), normal),
  div: binary((a, b) => a.div(b), normal, nonzero),
  'pow (tensor exponent)': binary((a, b) => a.pow(b), positive, normal),
  'pow (number exponent)': unary((x) => x.pow(3)),
  maximum: binary((a, b) => a.maximum(b), normal),
  minimum: binary((a, b) => a.minimum(b), normal),
  'add (number operand)': unary((x) => x.add(2).mul(3).sub(1).div(4)),
  neg: unary((x) => x.neg()),
  exp: unary((x) => x.exp()),
  log: unary((x) => x.log(), positive),
  log1p: unary((x) => x.log1p(), (r) => () => Math.abs(r.normal()) - 0.5),
  sqrt: unary((x) => x.sqrt(), positive),
  square: unary((x) => x.square()),
  abs: unary((x) => x.abs(), nonzero),
  sign: unary((x) => x.sign(), nonzero),
  clamp: unary((x) => x.clamp(-0.5, 0.5), awayFromBounds),
  'clamp (min only)': unary((x) => x.clamp(-0.5), awayFromBounds),
  relu: unary((x) => x.relu(), nonzero),
  leakyRelu: unary((x) => x.leakyRelu(0.2), nonzero),
  sigmoid: unary((x) => x.sigmoid(), (r) => () => 4 * r.normal()),
  tanh: unary((x) => x.tanh()),
  softplus: unary((x) => x.softplus(), (r) => () => 4 * r.normal()),
  where: (rng) => {
    const out = randomShape(rng, 1, 3);
    const cond = tensor(Float64Array.from({ length: out.reduce((a, b) => a * b, 1) }, () => rng.int(2)), { shape: out, dtype: 'float64' });
    return { fn: (a, b) => where(cond, a, b), inputs: [leaf(broadcastableTo(rng, out), normal(rng)), leaf(broadcastableTo(rng, out), normal(rng))] };
  },
  sum: reduction((x, a, k) => x.sum(a, k)),
  mean: reduction((x, a, k) => x.mean(a, k)),
  max: reduction((x, a, k) => x.max(a, k), 1),
  min: reduction((x, a, k) => x.min(a, k), 1),
  logSumExp: reduction((x, a, k) => x.logSumExp(a, k), 1),
  softmax: alongAxis((x, a) => x.softmax(a)),
  logSoftmax: alongAxis((x, a) => x.logSoftmax(a)),
  matmul: (rng) => {
    const [m, k, n] = [1 + rng.int(3), 1 + rng.int(3), 1 + rng.int(3)];
    const batch = randomShape(rng, 0, 2);
    const transA = rng.next() < 0.5;
    const transB = rng.next() < 0.5;
    const sa = [...(rng.next() < 0.5 ? batch : broadcastableTo(rng, batch)), ...(transA ? [k, m] : [m, k])];
    const sb = [...(rng.next() < 0.5 ? batch : broadcastableTo(rng, batch)), ...(transB ? [n, k] : [k, n])];
    return { fn: (a, b) => a.matmul(b, { transA, transB }), inputs: [leaf(sa, normal(rng)), leaf(sb, normal(rng))] };
  },
  'matmul (vector operands)': (rng) => {
    const k = 1 + rng.int(3);
    const shape = rng.next() < 0.5 ? [k] : [2, k, 3];
    return { fn: (a, b) => a.matmul(b), inputs: [leaf([k], normal(rng)), leaf(shape, normal(rng))] };
  },
  'matmul (transposed view operand)': (rng) => ({
    fn: (a, b) => a.matmul(b.transpose()),
    inputs: [leaf([2, 3], normal(rng)), leaf([4, 3], normal(rng))],
  }),
  transpose: (rng) => {
    const shape = randomShape(rng, 1, 3);
    const perm = rng.permutation(shape.length);
    return { fn: (x) => x.transpose(Array.from(perm)).mul(x.transpose(Array.from(perm))), inputs: [leaf(shape, normal(rng))] };
  },
  reshape: (rng) => {
    const shape = randomShape(rng, 1, 3);
    return { fn: (x) => x.transpose().reshape([-1]).mul(tensor(Float64Array.from({ length: x.size }, (_, i) => i + 1), { dtype: 'float64' })), inputs: [leaf(shape, normal(rng))] };
  },
  swapAxes: (rng) => ({ fn: (x) => x.swapAxes(0, -1).exp(), inputs: [leaf(randomShape(rng, 2, 3), normal(rng))] }),
  expand: (rng) => {
    const out = randomShape(rng, 1, 3);
    const weights = tensor(Float64Array.from({ length: out.reduce((a, b) => a * b, 1) }, () => rng.normal()), { dtype: 'float64', shape: out });
    return { fn: (x) => x.expand(out).mul(weights), inputs: [leaf(broadcastableTo(rng, out), normal(rng))] };
  },
  slice: (rng) => {
    const shape = randomShape(rng, 1, 3, 4);
    const begin = shape.map((d) => rng.int(d));
    const size = shape.map((d, i) => (rng.next() < 0.3 ? -1 : 1 + rng.int(d - begin[i])));
    return { fn: (x) => x.slice(begin, size).exp(), inputs: [leaf(shape, normal(rng))] };
  },
  squeeze: (rng) => ({ fn: (x) => x.squeeze().unsqueeze(0).exp(), inputs: [leaf([1, 1 + rng.int(3), 1], normal(rng))] }),
  concat: (rng) => {
    const shape = randomShape(rng, 1, 3);
    const axis = rng.int(shape.length);
    const other = shape.slice();
    other[axis] = 1 + rng.int(3);
    return { fn: (a, b) => concat([a, b, a], axis).exp(), inputs: [leaf(shape, normal(rng)), leaf(other, normal(rng))] };
  },
  stack: (rng) => {
    const shape = randomShape(rng, 0, 2);
    const axis = rng.int(shape.length + 1);
    return { fn: (a, b) => stack([a, b], axis).exp(), inputs: [leaf(shape, normal(rng)), leaf(shape, normal(rng))] };
  },
  gather: (rng) => {
    const shape = randomShape(rng, 1, 3);
    const axis = rng.int(shape.length);
    const k = 1 + rng.int(3);
    const n = (shape.reduce((a, b) => a * b, 1) / shape[axis]) * k;
    const index = Array.from({ length: n }, () => rng.int(shape[axis]));
    return { fn: (x) => x.gather(axis, index), inputs: [leaf(shape, normal(rng))] };
  },
  indexSelect: (rng) => {
    const shape = randomShape(rng, 1, 3);
    const axis = rng.int(shape.length);
    const indices = Int32Array.from({ length: 1 + rng.int(4) }, () => rng.int(shape[axis]));
    return { fn: (x) => x.indexSelect(axis, indices).exp(), inputs: [leaf(shape, normal(rng))] };
  },
  'oneHot (as a constant)': (rng) => {
    const labels = Array.from({ length: 3 }, () => rng.int(4));
    return { fn: (x) => x.logSoftmax().mul(oneHot(labels, 4, { dtype: 'float64' })).sum(), inputs: [leaf([3, 4], normal(rng))] };
  },
  'composite: mlp + cross-entropy': (rng) => {
    const x = tensor(Float64Array.from({ length: 8 }, () => rng.normal()), { shape: [4, 2], dtype: 'float64' });
    const y = [0, 2, 1, 2];
    return {
      fn: (w1, b1, w2) => x.matmul(w1, { transB: true }).add(b1).tanh().matmul(w2).logSoftmax().gather(1, y).mean().neg(),
      inputs: [leaf([3, 2], normal(rng)), leaf([3], normal(rng)), leaf([3, 3], normal(rng))],
    };
  },
};

describe('gradCheck over every differentiable op (random shapes, broadcasting)', () => {
  for (const [name, make] of Object.entries(CASES)) {
    test(name, () => {
      const rng = new Rng(Array.from(name).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
      for (let t = 0; t < TRIALS; t++) {
        const { fn, inputs } = make(rng);
        const result = gradCheck(fn, inputs);
        expect(result, `${name}, trial ${t}, shapes ${inputs.map((x) => `[${x.shape}]`).join(' ')}`).toMatchObject({ ok: true });
        expect(result.checked).toBeGreaterThan(0);
      }
    });
  }
});

describe('gradCheck itself', () => {
  test('detects a wrong gradient rule', () => {
    // x² with a deliberately wrong rule (d/dx = x instead of 2x).
    const wrongSquare = (x: Tensor) => record(x.detach().mul(x.detach()), 'wrongSquare', [x], (g) => [g.mul(x)]);
    const x = tensor([0.5, -1.5, 2], { dtype: 'float64', requiresGrad: true });
    const result = gradCheck(wrongSquare, [x]);
    expect(result.ok).toBe(false);
    expect(result.worst).toMatchObject({ input: 0, index: 2, output: 2, analytic: 2 });
    expect(result.worst?.numeric).toBeCloseTo(4, 6);
    expect(result.message).toMatch(/gradient mismatch/);
  });

  test('detects a missing gradient (rule returns null)', () => {
    const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const result = gradCheck((x) => record(x.detach().exp(), 'noGrad', [x], () => [null]), [x]);
    expect(result.ok).toBe(false);
  });

  test('restores input values and gradients', () => {
    const x = tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
    const g = tensor([9, 9, 9], { dtype: 'float64' });
    x.grad = g;
    gradCheck((x) => x.exp().sum(), [x]);
    expect(Array.from(x.data())).toEqual([1, 2, 3]);
    expect(x.grad).toBe(g);
  });

  test('rejects float32 inputs, inputs without requiresGrad, bad tolerances', () => {
    expect(() => gradCheck((x) => x, [tensor([1], { requiresGrad: true })])).toThrow(/float64/);
    expect(() => gradCheck((x) => x, [tensor([1], { dtype: 'float64' })])).toThrow(/requiresGrad/);
    expect(() => gradCheck((x) => x, [tensor([1], { dtype: 'float64', requiresGrad: true })], { eps: 0 })).toThrow(/eps/);
    expect(() => gradCheck((x) => x.to('float32'), [tensor([1], { dtype: 'float64', requiresGrad: true })])).toThrow(/float64/);
  });
});
