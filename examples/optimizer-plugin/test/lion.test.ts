import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegistry, InvalidArgumentError, NonFiniteError } from '@lab/core';
import { applyUpdates, Optimizer, optimizersPlugin } from '@lab/optimizers';
import type { FloatArray } from '@lab/optimizers';
import { checkOptimizerPlugin } from '@lab/optimizers/testing';
import { lion, lionPlugin, scaleByLion } from '../src/index';

/** Algorithm 2 of the paper, written out plainly as the reference. */
function reference(x0: number[], grads: number[][], { lr, b1, b2, wd }: { lr: number; b1: number; b2: number; wd: number }) {
  let x = x0.slice();
  let m = x0.map(() => 0);
  for (const g of grads) {
    const c = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]);
    x = x.map((xi, i) => xi - lr * (Math.sign(c[i]) + wd * xi));
    m = m.map((mi, i) => b2 * mi + (1 - b2) * g[i]);
  }
  return x;
}

describe('lion', () => {
  it('passes the plugin-author conformance checks of @lab/optimizers/testing', () => {
    checkOptimizerPlugin(lionPlugin, { options: { lion: { lr: 0.01 } } });
  });

  it('follows the paper step for step (with decoupled weight decay)', () => {
    const grads = [
      [0.5, -2, 0.001],
      [-1, -0.5, 0.002],
      [0.3, 1, -0.01],
      [2, 0.1, 0],
    ];
    const opts = { lr: 0.01, b1: 0.9, b2: 0.99, wd: 0.1 };
    const t = lion({ lr: opts.lr, b1: opts.b1, b2: opts.b2, weightDecay: opts.wd });
    let x: FloatArray[] = [Float64Array.of(1, -1, 0.5)];
    let s = t.init(x);
    for (const g of grads) {
      const r = t.update([Float64Array.from(g)], s, x);
      s = r.state;
      x = applyUpdates(x, r.updates);
    }
    const want = reference([1, -1, 0.5], grads, opts);
    x[0].forEach((v, i) => expect(v).toBeCloseTo(want[i], 14));
  });

  it('moves every coordinate by exactly lr per step (sign update) without weight decay', () => {
    const t = scaleByLion();
    const { updates } = t.update([Float64Array.of(1e-9, -300, 0)], t.init([new Float64Array(3)]));
    expect(Array.from(updates[0])).toEqual([1, -1, 0]);
  });

  it('minimises a quadratic through a registry next to the built-in optimizers', () => {
    const registry = createRegistry().use(optimizersPlugin).use(lionPlugin);
    expect(registry.list('optimizer').find((e) => e.name === 'lion')?.plugin).toBe('lab-plugin-lion');
    const x = { name: 'x', value: Float64Array.of(3, -2), grad: null as FloatArray | null };
    const opt = new Optimizer([x], registry.build('optimizer', { type: 'lion', lr: 0.01 }));
    const loss = () => 0.5 * (x.value[0] ** 2 + 4 * x.value[1] ** 2);
    const before = loss();
    for (let t = 0; t < 500; t++) {
      x.grad = Float64Array.of(x.value[0], 4 * x.value[1]);
      opt.step();
    }
    expect(loss()).toBeLessThan(before * 1e-2);
  });

  it('validates its options and refuses non-finite gradients', () => {
    expect(() => lion({ lr: -1 })).toThrow(/lion\.lr/);
    expect(() => lion({ b1: 1 })).toThrow(InvalidArgumentError);
    expect(() => lion({ b2: 1 })).toThrow(/lion\.b2/);
    const t = lion();
    expect(() => t.update([Float64Array.of(NaN)], t.init([Float64Array.of(0)]), [Float64Array.of(0)])).toThrow(NonFiniteError);
  });

  it("the plugin's version is the package's", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(lionPlugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });
});
