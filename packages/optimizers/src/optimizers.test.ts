import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegistry, InvalidArgumentError, isLabError, NonFiniteError } from '@lab/core';
import {
  adadelta,
  adagrad,
  adam,
  adamax,
  adamw,
  addDecayedWeights,
  amsgrad,
  applyUpdates,
  chain,
  nadam,
  optimizersPlugin,
  radam,
  rmsprop,
  scaleByAdam,
  scaleByLearningRate,
  sgd,
} from './index';
import type { FloatArray, GradientTransformation } from './index';
import { checkOptimizer } from './testing';

const grads = (t: number): FloatArray[] => [Float64Array.from([1, -2, 0.5], (x, i) => x * Math.cos(t + i)), Float64Array.of(Math.sin(t) * 3)];
const params0 = (): FloatArray[] => [Float64Array.of(0.3, -0.2, 1), Float64Array.of(2)];

function run(t: GradientTransformation, steps = 8): FloatArray[] {
  let p = params0();
  let s = t.init(p);
  for (let k = 0; k < steps; k++) {
    const r = t.update(grads(k), s, p);
    s = r.state;
    p = applyUpdates(p, r.updates);
  }
  return p;
}
const flat = (xs: FloatArray[]) => xs.flatMap((x) => Array.from(x));
const expectClose = (a: FloatArray[], b: FloatArray[], tol = 1e-13) => flat(a).forEach((v, i) => expect(Math.abs(v - flat(b)[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v))));

const all: [string, () => GradientTransformation][] = [
  ['sgd', () => sgd({ lr: 0.1, momentum: 0.9 })],
  ['adagrad', () => adagrad()],
  ['rmsprop', () => rmsprop()],
  ['adadelta', () => adadelta()],
  ['adam', () => adam()],
  ['adamw', () => adamw()],
  ['amsgrad', () => amsgrad()],
  ['adamax', () => adamax()],
  ['nadam', () => nadam()],
  ['radam', () => radam()],
];

describe('named optimizers are small chains', () => {
  it('adam = chain(L2, scaleByAdam, scaleByLearningRate); adamw moves the decay after the direction', () => {
    const p = { lr: 0.01, weightDecay: 0.1 };
    expectClose(run(adam(p)), run(chain(addDecayedWeights(0.1), scaleByAdam(), scaleByLearningRate(0.01))));
    expectClose(run(adamw(p)), run(chain(scaleByAdam(), addDecayedWeights(0.1), scaleByLearningRate(0.01))));
    // L2 and decoupled decay are different algorithms
    expect(Math.abs(flat(run(adam(p)))[0] - flat(run(adamw(p)))[0])).toBeGreaterThan(1e-5);
  });

  it('amsgrad equals adam({ amsgrad: true }) and differs from adam', () => {
    expect(flat(run(amsgrad({ lr: 0.05 }), 20))).toEqual(flat(run(adam({ lr: 0.05, amsgrad: true }), 20)));
    expect(flat(run(amsgrad({ lr: 0.05 }), 20))).not.toEqual(flat(run(adam({ lr: 0.05 }), 20)));
  });

  it('maximize steps uphill: the mirror image of minimising -f', () => {
    const up = run(sgd({ lr: 0.1, momentum: 0.5, maximize: true }));
    let p = params0();
    const t = sgd({ lr: 0.1, momentum: 0.5 });
    let s = t.init(p);
    for (let k = 0; k < 8; k++) {
      const r = t.update(grads(k).map((g) => g.map((x) => -x) as FloatArray), s, p);
      s = r.state;
      p = applyUpdates(p, r.updates);
    }
    expect(flat(up)).toEqual(flat(p));
  });
});

describe('every numeric hyper-parameter takes a schedule', () => {
  it('a constant schedule equals the number', () => {
    expect(flat(run(adam({ lr: () => 0.01, b1: () => 0.9, b2: () => 0.999, eps: () => 1e-8 })))).toEqual(flat(run(adam({ lr: 0.01 }))));
    expect(flat(run(sgd({ lr: () => 0.1, momentum: () => 0.9 })))).toEqual(flat(run(sgd({ lr: 0.1, momentum: 0.9 }))));
  });
  it('the schedule is called with the 0-based update count', () => {
    const seen: number[] = [];
    run(sgd({ lr: (t) => (seen.push(t), 0.1) }), 4);
    expect(seen).toEqual([0, 1, 2, 3]);
  });
  it('a schedule giving a non-finite value is an error naming the hyper-parameter', () => {
    expect(() => run(adam({ lr: (t) => (t < 2 ? 0.1 : NaN) }))).toThrow(/lr at step 2 is NaN/);
  });
});

describe('validation (the params spec, PyTorch constructor rules)', () => {
  it('rejects bad hyper-parameters naming them', () => {
    expect(() => adam({ lr: -1 })).toThrow(/adam\.lr must be/);
    expect(() => adam({ b1: 1 })).toThrow(InvalidArgumentError);
    expect(() => adam({ b2: 1.5 })).toThrow(/b2/);
    expect(() => rmsprop({ eps: -1 })).toThrow(/rmsprop\.eps/);
    expect(() => adam({ lr: 0.1, lf: 2 } as never)).toThrow(/unknown option adam\.lf/);
    expect(() => sgd({} as never)).toThrow(/sgd\.lr .*required/);
    expect(() => sgd({ lr: 0.1, nesterov: true })).toThrow(/nesterov/);
    expect(() => sgd({ lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(/nesterov/);
    expect(() => adadelta({ rho: 1.5 })).toThrow(/rho/);
  });
});

describe.each(all)('%s', (_, make) => {
  it('refuses a non-finite gradient with NonFiniteError naming it', () => {
    const t = make();
    const g = grads(0);
    g[1][0] = Infinity;
    expect(() => t.update(g, t.init(params0()), params0())).toThrow(NonFiniteError);
    expect(() => t.update(g, t.init(params0()), params0())).toThrow(/grads\[1\]\[0\] is Infinity/);
  });
  it('keeps float32 parameters float32', () => {
    const t = make();
    const p = [Float32Array.of(1, 2)];
    const r = t.update([Float32Array.of(0.5, -0.5)], t.init(p), p);
    expect(r.updates[0]).toBeInstanceOf(Float32Array);
  });
  it('refuses gradients that do not fit its state', () => {
    const t = make();
    let err: unknown;
    try {
      t.update([Float64Array.of(1)], t.init(params0()), params0());
    } catch (e) {
      err = e;
    }
    expect(isLabError(err)).toBe(true);
  });
});

describe('the plugin', () => {
  it('lists every optimizer; a registry builds them from config', () => {
    expect(optimizersPlugin.optimizers.map((d) => d.name)).toEqual(['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'amsgrad', 'adamax', 'nadam', 'radam']);
    const registry = createRegistry().use(optimizersPlugin);
    const built = registry.build('optimizer', { type: 'adam', lr: 0.01 });
    expect(flat(run(built))).toEqual(flat(run(adam({ lr: 0.01 }))));
    expect(() => registry.build('optimizer', { type: 'adam', lr: 'fast' })).toThrow(/adam\.lr/);
  });
  it("has the package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(optimizersPlugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });
  it.each(optimizersPlugin.optimizers.map((d) => [d.name, d] as const))('%s passes the plugin-author conformance checks', (name, def) => {
    checkOptimizer(def, { options: name === 'sgd' ? { lr: 0.05 } : {} });
  });
});
