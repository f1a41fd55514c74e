import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, NonFiniteError } from '@lab/core';
import { accumulate, adam, applyUpdates, chain, clipByGlobalNorm, clipByValue, globalNorm, masked, parameterEma, requireFinite, scale, scaleByAdam, sgd, skipNonFinite, addDecayedWeights } from './index';
import type { FloatArray } from './index';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const arrays = fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 });

describe('clipByValue', () => {
  it('clamps every entry to [-c, c] (torch clip_grad_value_)', () => {
    fc.assert(
      fc.property(arrays, fc.double({ min: 0, max: 10, noNaN: true }), (xs, c) => {
        const t = clipByValue({ clipValue: c });
        const g = xs.map((x) => Float64Array.from(x));
        const { updates } = t.update(g, t.init(g));
        updates.forEach((u, i) => u.forEach((v, j) => expect(v).toBe(Math.min(Math.max(xs[i][j], -c), c))));
      }),
    );
  });
  it('rejects a negative clip value', () => expect(() => clipByValue({ clipValue: -1 })).toThrow(InvalidArgumentError));
});

describe('clipByGlobalNorm (torch 1.13 clip_grad_norm_)', () => {
  it('never leaves a norm above maxNorm and keeps directions', () => {
    fc.assert(
      fc.property(arrays, fc.double({ min: 0.01, max: 10, noNaN: true }), (xs, maxNorm) => {
        const g = xs.map((x) => Float64Array.from(x));
        const t = clipByGlobalNorm({ maxNorm });
        const { updates } = t.update(g, t.init(g));
        expect(globalNorm(updates)).toBeLessThanOrEqual(maxNorm * (1 + 1e-12));
        const coef = Math.min(maxNorm / (globalNorm(g) + 1e-6), 1);
        updates.forEach((u, i) => u.forEach((v, j) => expect(v).toBe(g[i][j] * coef)));
      }),
    );
  });
  it('shrinks slightly even when the norm equals maxNorm (the +1e-6)', () => {
    const g = [f64(3), f64(4)];
    const { updates } = clipByGlobalNorm({ maxNorm: 5 }).update(g, { count: 0 });
    expect(updates[0][0]).toBeLessThan(3);
    expect(updates[0][0]).toBeCloseTo(3 * (5 / (5 + 1e-6)), 15);
  });
  it('supports the inf-norm and p-norms', () => {
    expect(globalNorm([f64(1, -7), f64(3)], Infinity)).toBe(7);
    expect(globalNorm([f64(1, -7), f64(3)], 1)).toBe(11);
    expect(globalNorm([f64(3), f64(4)])).toBe(5);
    expect(globalNorm([f64(1, 1)], 3)).toBeCloseTo(2 ** (1 / 3), 15);
    const t = clipByGlobalNorm({ maxNorm: 1, normType: Infinity });
    expect(Array.from(t.update([f64(-4, 2)], { count: 0 }).updates[0])).toEqual([-4, 2].map((x) => x * (1 / (4 + 1e-6))));
    expect(() => clipByGlobalNorm({ maxNorm: 1, normType: 0 })).toThrow(/normType/);
  });
  it('refuses a non-finite norm instead of spreading NaN', () => {
    expect(() => clipByGlobalNorm({ maxNorm: 1 }).update([f64(NaN)], { count: 0 })).toThrow(NonFiniteError);
  });
});

describe('addDecayedWeights', () => {
  it('adds weightDecay * params and needs the params', () => {
    const t = addDecayedWeights(0.5);
    expect(Array.from(t.update([f64(1, 1)], t.init([f64(0, 0)]), [f64(2, -4)]).updates[0])).toEqual([2, -1]);
    expect(() => t.update([f64(1)], t.init([f64(0)]))).toThrow(/params/);
  });
});

describe('accumulate', () => {
  it('k micro-steps act as one step on the mean gradient; zero updates in between', () => {
    const k = 3;
    const micro = [f64(1, 2), f64(3, -1), f64(-2, 5)];
    const params = [f64(0.5, 0.5)];
    const t = accumulate(adam({ lr: 0.1 }), { every: k });
    let s = t.init(params);
    for (let i = 0; i < k - 1; i++) {
      const r = t.update([micro[i]], s, params);
      expect(Array.from(r.updates[0])).toEqual([0, 0]);
      s = r.state;
    }
    const last = t.update([micro[k - 1]], s, params);
    const mean = f64((1 + 3 - 2) / 3, (2 - 1 + 5) / 3);
    const once = adam({ lr: 0.1 });
    expect(Array.from(last.updates[0])).toEqual(Array.from(once.update([mean], once.init(params), params).updates[0]));
    expect(last.state.miniStep).toBe(0);
    expect(Array.from(last.state.acc[0])).toEqual([0, 0]);
  });
  it('sums with average: false, and validates every', () => {
    const t = accumulate(scale(1), { every: 2, average: false });
    const s = t.update([f64(1)], t.init([f64(0)]), [f64(0)]).state;
    expect(t.update([f64(2)], s, [f64(0)]).updates[0][0]).toBe(3);
    expect(() => accumulate(scale(1), { every: 0 })).toThrow(/every/);
    expect(() => accumulate(scale(1), { every: 1.5 })).toThrow(/every/);
  });
});

describe('skipNonFinite', () => {
  it('skips (zero update, inner state kept) and counts steps with NaN/Inf gradients', () => {
    const t = skipNonFinite(adam({ lr: 0.1 }));
    const p = [f64(1, 1)];
    const s1 = t.update([f64(1, 2)], t.init(p), p).state;
    const r = t.update([f64(NaN, 2)], s1, p);
    expect(Array.from(r.updates[0])).toEqual([0, 0]);
    expect(r.state.inner).toBe(s1.inner);
    expect(r.state.skipped).toBe(1);
    const r2 = t.update([f64(1, -Infinity)], r.state, p);
    expect(r2.state.skipped).toBe(2);
    const r3 = t.update([f64(1, 1)], r2.state, p);
    expect(r3.state.skipped).toBe(2);
    expect(r3.updates[0][0]).not.toBe(0);
  });
  it('also skips when the inner updates overflow', () => {
    const t = skipNonFinite(scale(1e308));
    const r = t.update([f64(10)], t.init([f64(0)]));
    expect(r.updates[0][0]).toBe(0);
    expect(r.state.skipped).toBe(1);
  });
});

describe('requireFinite', () => {
  it('throws NonFiniteError naming grads[i][j]', () => {
    const t = requireFinite(scale(1));
    expect(() => t.update([f64(1), f64(0, NaN)], t.init([f64(1), f64(0, 0)]))).toThrow(/grads\[1\]\[1\] is NaN/);
  });
});

describe('parameterEma', () => {
  it('tracks decay*ema + (1-decay)*(params + updates), starting at the params', () => {
    const t = parameterEma(sgd({ lr: 1 }), { decay: 0.9 });
    let p: FloatArray[] = [f64(1, 2)];
    let s = t.init(p);
    expect(Array.from(s.ema[0])).toEqual([1, 2]);
    let ema = [1, 2];
    for (const g of [f64(1, 0), f64(0.5, -1)]) {
      const r = t.update([g], s, p);
      p = applyUpdates(p, r.updates);
      ema = ema.map((e, i) => 0.9 * e + 0.1 * p[0][i]);
      s = r.state;
    }
    expect(Array.from(s.ema[0])).toEqual(ema);
    expect(() => t.update([f64(1, 1)], s)).toThrow(/params/);
    expect(() => parameterEma(sgd({ lr: 1 }), { decay: 2 })).toThrow(/decay/);
  });
});

describe('masked', () => {
  const params = [f64(1, 1), f64(2), f64(3)];
  const names = ['layer.weight', 'layer.bias', 'head.weight'];
  it.each([
    ['glob', '*.weight'],
    ['RegExp', /weight$/],
    ['list', ['layer.weight', 'head.weight']],
    ['predicate', (n: string) => n.endsWith('weight')],
  ] as const)('applies the inner transformation only to matching names (%s)', (_, match) => {
    const t = masked(scale(10), match as never);
    const s = t.init(params, names);
    expect(s.mask.map((m) => m[0])).toEqual([1, 0, 1]);
    const { updates } = t.update([f64(1, 2), f64(3), f64(4)], s, params);
    expect(updates.map((u) => Array.from(u))).toEqual([[10, 20], [3], [40]]);
  });
  it('the inner state keeps one (empty) entry per unselected parameter', () => {
    const t = masked(scaleByAdam(), 'head.*');
    const s = t.init(params, names);
    expect(s.inner.mu.map((m) => m.length)).toEqual([0, 0, 1]);
    const r = t.update([f64(1, 2), f64(3), f64(4)], s, params);
    expect(r.state.inner.count).toBe(1);
    expect(Array.from(r.updates[0])).toEqual([1, 2]);
  });
  it('weight decay on weights only, inside a chain', () => {
    const t = chain(masked(addDecayedWeights(1), '*.weight'), scale(1));
    const { updates } = t.update([f64(0, 0), f64(0), f64(0)], t.init(params, names), params);
    expect(updates.map((u) => Array.from(u))).toEqual([[1, 1], [0], [3]]);
  });
  it('names default to positions; a bad matcher is refused', () => {
    const t = masked(scale(2), ['1']);
    const { updates } = t.update([f64(1), f64(1)], t.init([f64(0), f64(0)]));
    expect([updates[0][0], updates[1][0]]).toEqual([1, 2]);
    expect(() => masked(scale(2), 42 as never)).toThrow(InvalidArgumentError);
  });
});
