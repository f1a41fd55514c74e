import { NonFiniteError, Rng } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { adam, adamw, amsgrad, rmsprop, sgd } from './index';
import { Optimizer } from './optimizer';
import { rmspropPass } from './rmsprop';
import { adamPass } from './scale-by-adam';
import { sgdPass } from './sgd';
import type { FloatArray, GradientTransformation, InPlaceTransformation, ParameterLike, StepKernels } from './types';

type Make = () => GradientTransformation;

/** The same transformation without its in-place step: the facade then runs update + apply. */
const plain = (t: GradientTransformation): GradientTransformation => ({ init: t.init, update: t.update });

function params(seed: number, sizes: number[], f64 = false): ParameterLike[] {
  const rng = new Rng(seed);
  return sizes.map((n, i) => {
    const value = (f64 ? new Float64Array(n) : new Float32Array(n)).map(() => rng.normal());
    return { name: `p${i}`, value, grad: value.map(() => 0) as FloatArray };
  });
}

/** Run `steps` facade steps with the same gradients on a fused and a plain copy; return both. */
function race(make: Make, steps: number, seed = 1, f64 = false, sizes = [1, 7, 33]) {
  const a = params(seed, sizes, f64);
  const b = params(seed, sizes, f64);
  const fused = new Optimizer(a, make());
  const slow = new Optimizer(b, plain(make()));
  const rng = new Rng(seed + 100);
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < a[i].value.length; j++) {
        const gj = rng.normal() * (j % 3 === 0 ? 10 : 0.1) + a[i].value[j];
        a[i].grad![j] = gj;
        b[i].grad![j] = gj;
      }
    }
    fused.step();
    slow.step();
  }
  return { a, b, fused, slow };
}

/** Agreement within float32 rounding of the intermediates (the plain path rounds each link to float32). */
function expectAgree(x: ArrayLike<number>, y: ArrayLike<number>, rtol: number): void {
  expect(x.length).toBe(y.length);
  for (let j = 0; j < x.length; j++) {
    const tol = rtol * Math.max(1, Math.abs(y[j]));
    if (!(Math.abs(x[j] - y[j]) <= tol)) expect([j, x[j]]).toEqual([j, y[j]]);
  }
}

function statesAgree(f: Optimizer, s: Optimizer, rtol: number): void {
  const flat = (o: Optimizer) => {
    const out: number[] = [];
    const walk = (x: unknown): void => {
      if (ArrayBuffer.isView(x)) out.push(...(x as Float32Array));
      else if (typeof x === 'number') out.push(x);
      else if (x && typeof x === 'object') Object.keys(x).sort().forEach((k) => walk((x as Record<string, unknown>)[k]));
    };
    walk(o.stateDict());
    return out;
  };
  expectAgree(flat(f), flat(s), rtol);
}

const configs: [string, Make][] = [
  ['adam', () => adam({ lr: 0.01 })],
  ['adam with L2 and maximize', () => adam({ lr: 0.01, weightDecay: 0.1, maximize: true })],
  ['adam, lecture eps inside the root', () => adam({ lr: 0.01, epsInsideSqrt: true, eps: 1e-6 })],
  ['adam with schedules', () => adam({ lr: (t) => 0.01 / (1 + t), b1: (t) => (t < 2 ? 0.5 : 0.9) })],
  ['amsgrad', () => amsgrad({ lr: 0.02 })],
  ['adam({ amsgrad, weightDecay })', () => adam({ lr: 0.02, amsgrad: true, weightDecay: 0.01 })],
  ['adamw', () => adamw({ lr: 0.01 })],
  ['adamw, amsgrad, maximize', () => adamw({ lr: 0.01, weightDecay: 0.1, amsgrad: true, maximize: true })],
  ['sgd', () => sgd({ lr: 0.05 })],
  ['sgd with weight decay, maximize', () => sgd({ lr: 0.05, weightDecay: 0.01, maximize: true })],
  ['sgd momentum', () => sgd({ lr: 0.05, momentum: 0.9 })],
  ['sgd momentum, dampening', () => sgd({ lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 1e-3 })],
  ['sgd nesterov', () => sgd({ lr: 0.05, momentum: 0.9, nesterov: true })],
  ['sgd lrInsideMomentum with an lr schedule', () => sgd({ lr: (t) => 0.1 * 0.9 ** t, momentum: 0.8, lrInsideMomentum: true })],
  ['rmsprop', () => rmsprop({ lr: 0.01 })],
  ['rmsprop momentum, L2, maximize', () => rmsprop({ lr: 0.01, momentum: 0.9, weightDecay: 0.01, maximize: true })],
  ['rmsprop, lecture eps inside the root', () => rmsprop({ lr: 0.01, epsInsideSqrt: true, eps: 1e-4, alpha: 0.9 })],
];

describe('fused in-place steps', () => {
  it('adam, adamw, amsgrad, sgd and rmsprop have one; the Optimizer facade calls it', () => {
    for (const [, make] of configs) expect(typeof (make() as InPlaceTransformation).step).toBe('function');
    const t = adam() as InPlaceTransformation;
    const spy = vi.spyOn(t, 'step');
    const update = vi.spyOn(t, 'update');
    const p = params(1, [4]);
    p[0].grad!.fill(1);
    new Optimizer(p, t).step();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
  });

  describe.each(configs)('%s', (_, make) => {
    it('agrees with update + apply within float32 rounding over 30 steps (float32 parameters and state)', () => {
      const { a, b, fused, slow } = race(make, 30);
      a.forEach((p, i) => expectAgree(p.value, b[i].value, 2e-5));
      statesAgree(fused, slow, 2e-5);
      expect(fused.stateDict().groups[0].names).toEqual(slow.stateDict().groups[0].names);
    });

    it('agrees with update + apply to float64 rounding on float64 parameters', () => {
      const { a, b, fused, slow } = race(make, 10, 2, true);
      a.forEach((p, i) => expectAgree(p.value, b[i].value, 1e-12));
      statesAgree(fused, slow, 1e-12);
    });
  });

  it('random shapes, seeds and step counts agree (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: configs.length - 1 }), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (c, sizes, steps, seed) => {
        const { a, b } = race(configs[c][1], steps, seed, false, sizes);
        a.forEach((p, i) => expectAgree(p.value, b[i].value, 2e-5));
      }),
      { numRuns: 60 },
    );
  });

  it('a state written by the fused step continues on the plain path and back (same state layout)', () => {
    const p = params(3, [5, 2]);
    const q = params(3, [5, 2]);
    const fused = new Optimizer(p, adam({ lr: 0.1 }));
    const slow = new Optimizer(q, plain(adam({ lr: 0.1 })));
    const grads = () => [p, q].forEach((ps) => ps.forEach((x) => x.grad!.forEach((_, j) => (x.grad![j] = Math.sin(j + x.value.length)))));
    grads();
    fused.step();
    slow.step();
    slow.loadStateDict(fused.stateDict()); // the fused state drives the plain path...
    q.forEach((x, i) => x.value.set(p[i].value));
    grads();
    fused.step();
    slow.step();
    p.forEach((x, i) => expectAgree(x.value, q[i].value, 1e-6));
    fused.loadStateDict(slow.stateDict()); // ...and the other way round
    expect(fused.steps).toBe(2);
  });

  it('a parameter without a gradient makes the facade take the plain path for that step', () => {
    const p = params(4, [3, 3]);
    const opt = new Optimizer(p, adam({ lr: 0.1 }));
    p[0].grad!.fill(1);
    p[1].grad = null;
    const before = p[1].value.slice();
    opt.step();
    expect(Array.from(p[1].value)).toEqual(Array.from(before));
    p[1].grad = new Float32Array(3).fill(1);
    opt.step(); // now fused, with per-parameter counts still in step
    expect(opt.steps).toBe(2);
  });

  it('a non-finite gradient throws NonFiniteError naming it and changes nothing (also across groups)', () => {
    for (const [, make] of configs) {
      const p = params(5, [4, 3]);
      const opt = new Optimizer(p, { optimizer: () => make(), groups: [{ match: 'p0' }] });
      p.forEach((x) => x.grad!.fill(0.5));
      opt.step();
      const before = p.map((x) => x.value.slice());
      const state = JSON.stringify(opt.stateDict(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v));
      p[1].grad![2] = NaN;
      expect(() => opt.step()).toThrow(NonFiniteError);
      expect(() => opt.step()).toThrow(/grads\[0\]\[2\] is NaN/);
      p.forEach((x, i) => expect(Array.from(x.value)).toEqual(Array.from(before[i])));
      expect(JSON.stringify(opt.stateDict(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v))).toBe(state);
    }
  });

  it('eps = 0, an eps schedule and centred RMSprop keep the plain path (their updates can be non-finite)', () => {
    for (const t of [adam({ eps: 0 }), adam({ eps: () => 1e-8 }), rmsprop({ eps: 0 }), rmsprop({ centered: true })])
      expect((t as InPlaceTransformation).step).toBeUndefined();
    // Adam with eps = 0 and a zero gradient: 0/0, refused by the plain path with nothing changed
    const p = params(6, [2]);
    p[0].grad!.fill(0);
    const before = p[0].value.slice();
    expect(() => new Optimizer(p, adam({ eps: 0 })).step()).toThrow(NonFiniteError);
    expect(Array.from(p[0].value)).toEqual(Array.from(before));
  });
});

describe('StepKernels: fused steps supplied from outside (Optimizer option `kernels`)', () => {
  /**
   * A provider computing in float64 into its own copies of the state (it "moves" each state array
   * into its memory by replacing it in the list), counting calls; `refuse` makes it decline.
   */
  function provider(refuse = () => false) {
    const calls = { adam: 0, sgd: 0, rmsprop: 0 };
    const moved = new WeakSet<FloatArray>();
    const home = (L: FloatArray[] | undefined, i: number) => {
      if (L && !moved.has(L[i])) moved.add((L[i] = L[i].slice()));
      return L?.[i];
    };
    const kernels: StepKernels = {
      adam(p, g, M, V, W, i, b1, b2, sg, l2, keep, l, a, r, eps) {
        if (refuse()) return false;
        calls.adam++;
        adamPass(p, g, home(M, i)!, home(V, i)!, home(W, i), b1, b2, sg, l2, keep, l, a, r, eps);
        return true;
      },
      sgd(p, g, B, i, k, l, sg, l2, mu, c, first, nesterov) {
        if (refuse()) return false;
        calls.sgd++;
        sgdPass(p, g, home(B, i), k, l, sg, l2, mu, c, first, nesterov);
        return true;
      },
      rmsprop(p, g, V, B, i, a, l, sg, l2, mu, r, eps, first) {
        if (refuse()) return false;
        calls.rmsprop++;
        rmspropPass(p, g, home(V, i)!, home(B, i), a, l, sg, l2, mu, r, eps, first);
        return true;
      },
    };
    return { kernels, calls };
  }

  /** Like race(), but the first optimizer has `kernels` and the second is the fused JavaScript step. */
  function raceKernels(make: Make, steps: number, kernels: StepKernels, sizes = [1, 7, 33]) {
    const a = params(9, sizes);
    const b = params(9, sizes);
    const withKernels = new Optimizer(a, make(), { kernels });
    const js = new Optimizer(b, make());
    const rng = new Rng(77);
    for (let s = 0; s < steps; s++) {
      a.forEach((p, i) =>
        p.value.forEach((v, j) => {
          p.grad![j] = b[i].grad![j] = rng.normal() + v;
        }),
      );
      withKernels.step();
      js.step();
    }
    return { a, b, withKernels, js };
  }

  it.each(configs)('%s: the facade hands every parameter to the kernels, which give the JavaScript pass’s results', (name, make) => {
    const { kernels, calls } = provider();
    const { a, b, withKernels, js } = raceKernels(make, 12, kernels);
    a.forEach((p, i) => expect(Array.from(p.value)).toEqual(Array.from(b[i].value))); // same float64 arithmetic: bit-identical
    statesAgree(withKernels, js, 0);
    const family = name.startsWith('sgd') ? 'sgd' : name.startsWith('rmsprop') ? 'rmsprop' : 'adam';
    expect(calls[family]).toBe(12 * 3);
  });

  it('a kernel that declines (returns false) leaves the step to the JavaScript pass, on whatever state it moved', () => {
    let n = 0;
    const { kernels, calls } = provider(() => n++ % 2 === 1); // every other call declines
    for (const make of [() => adam({ lr: 0.01, amsgrad: true }), () => sgd({ lr: 0.1, momentum: 0.9, nesterov: true }), () => rmsprop({ momentum: 0.5 })]) {
      const { a, b, withKernels, js } = raceKernels(make, 9, kernels);
      a.forEach((p, i) => expectAgree(p.value, b[i].value, 1e-6));
      statesAgree(withKernels, js, 1e-6);
    }
    expect(calls.adam).toBeGreaterThan(5);
    expect(calls.adam).toBeLessThan(27);
  });

  it('without kernels, and for optimizers without a fused kernel, nothing changes; loadStateDict gives the kernels new state lists', () => {
    const { kernels, calls } = provider();
    const p = params(2, [4]);
    p[0].grad!.fill(0.5);
    const opt = new Optimizer(p, adam(), { kernels });
    expect(opt.options.kernels).toBe(kernels);
    opt.step();
    const saved = opt.stateDict();
    opt.step();
    opt.loadStateDict(saved);
    opt.step();
    expect(calls.adam).toBe(3);
    const q = params(2, [4]);
    q[0].grad!.fill(0.5);
    const ref = new Optimizer(q, adam());
    ref.step();
    ref.step();
    ref.loadStateDict(saved);
    ref.step();
    expectAgree(p[0].value, q[0].value, 0);
    expect(new Optimizer(params(2, [4]), sgd({ lr: 0.1 })).options).toEqual({});
  });

  it('kernels.finite replaces the JavaScript finiteness scan: false makes the JavaScript check name the value and throw (nothing written), undefined scans in JavaScript', () => {
    const seen: unknown[] = [];
    for (const answer of [true, false, undefined]) {
      const { kernels, calls } = provider();
      kernels.finite = (xs) => (seen.push(xs.length), answer);
      const p = params(3, [4, 5]);
      p.forEach((x) => x.grad!.fill(0.5));
      const opt = new Optimizer(p, adam(), { kernels });
      const before = p.map((x) => x.value.slice());
      if (answer === false) {
        p[0].grad![2] = NaN;
        expect(() => opt.step()).toThrow(/grads\[0\]\[2\] is NaN/);
        p.forEach((x, i) => expect(x.value).toEqual(before[i]));
        expect(calls.adam).toBe(0);
      } else {
        opt.step();
        expect(calls.adam).toBe(2);
        p[1].grad![3] = Infinity; // undefined: the JavaScript scan finds it; true: trusted
        if (answer === undefined) expect(() => opt.step()).toThrow(/grads\[1\]\[3\]/);
      }
    }
    expect(seen).toEqual([2, 2, 2, 2]);
  });

  it('a step without some gradients (the plain path) keeps the state lists themselves, so moved arrays stay tracked', () => {
    const { kernels } = provider();
    const p = params(4, [3, 3]);
    const opt = new Optimizer(p, adam({ lr: 0.1 }), { kernels });
    p.forEach((x) => x.grad!.fill(1));
    opt.step();
    const mu = (opt.groups[0].state as { mu?: FloatArray[] }[]).find((s) => s.mu)!.mu!;
    const kept = mu[1];
    p[0].grad = null;
    opt.step();
    const after = (opt.groups[0].state as { mu?: FloatArray[] }[]).find((s) => s.mu)!.mu!;
    expect(after).toBe(mu); // the same list, updated in place
    expect(after[1]).not.toBe(kept); // parameter 1's entry is new (the plain path's), parameter 0's is the moved one
  });
});
