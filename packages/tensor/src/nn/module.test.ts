import { isLabError, NonFiniteError, StateMismatchError, type ParameterLike } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { tensor, type Tensor } from '../tensor';
import { Tanh, ReLU } from './activations';
import { Linear } from './linear';
import { Module } from './module';
import { Sequential } from './sequential';

class TwoLayer extends Module {
  fc1 = new Linear(2, 3, { rng: 1 });
  act = new Tanh();
  fc2 = new Linear(3, 1, { rng: 2 });
  forward(x: Tensor): Tensor {
    return this.fc2.forward(this.act.forward(this.fc1.forward(x)));
  }
}

describe('Module and Parameter', () => {
  test('parameters are named by attribute path, in definition order', () => {
    expect(new TwoLayer().namedParameters().map((p) => p.name)).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    const seq = new Sequential(new Linear(2, 4), new ReLU(), new Linear(4, 1, { bias: false }));
    expect(seq.namedParameters().map((p) => [p.name, p.shape])).toEqual([
      ['layers.0.weight', [4, 2]],
      ['layers.0.bias', [4]],
      ['layers.2.weight', [1, 4]],
    ]);
    expect(seq.numParameters()).toBe(8 + 4 + 4);
    class Nested extends Module {
      body = seq;
      head = new TwoLayer();
      forward(x: Tensor) {
        return x;
      }
    }
    expect(new Nested().parameters().map((p) => p.name)).toContain('body.layers.2.weight');
    expect(new Nested().parameters().map((p) => p.name)).toContain('head.fc2.bias');
  });

  test('a shared tensor is listed once, under its first name (own tensors before sub-modules, as in PyTorch)', () => {
    class Tied extends Module {
      a = new Linear(2, 2);
      w = this.a.weight;
      forward(x: Tensor) {
        return x;
      }
    }
    expect(new Tied().namedParameters().map((p) => p.name)).toEqual(['w', 'a.bias']);
  });

  test('Parameter satisfies ParameterLike: value is the live backing array, grad the gradient array', () => {
    const fc = new Linear(2, 1, { rng: 3 });
    const [w, b] = fc.parameters();
    const asLike: ParameterLike = w; // type-level check
    expect(asLike.value).toBeInstanceOf(Float32Array);
    expect(w.grad).toBeNull();
    const x = tensor([[1, 2]]);
    fc.forward(x).sum().backward();
    expect(Array.from(w.grad!)).toEqual([1, 2]);
    expect(Array.from(b.grad!)).toEqual([1]);
    // an optimizer step in place on `value` changes the layer's output
    const before = fc.forward(x).item();
    for (const p of fc.parameters()) for (let i = 0; i < p.value.length; i++) p.value[i] -= 0.1 * p.grad![i];
    expect(fc.forward(x).item()).toBeCloseTo(before - 0.1 * (1 + 4 + 1), 5);
    expect(w.value).toBe(w.value); // the same backing array every time, no copies
    // assigning grad
    w.grad = null;
    expect(fc.weight.grad).toBeNull();
    w.grad = new Float32Array([5, 6]);
    expect(fc.weight.grad?.toArray()).toEqual([[5, 6]]);
    expect(() => (w.grad = new Float32Array(3))).toThrow(/layers|weight|entries/);
  });

  test('zeroGrad clears every gradient; train/eval propagate', () => {
    const m = new TwoLayer();
    m.forward(tensor([[1, 1]])).sum().backward();
    expect(m.parameters().every((p) => p.grad !== null)).toBe(true);
    m.zeroGrad();
    expect(m.parameters().every((p) => p.grad === null)).toBe(true);
    m.eval();
    expect([m.training, m.fc1.training, m.act.training]).toEqual([false, false, false]);
    m.train();
    expect(m.fc2.training).toBe(true);
  });

  test('stateDict / loadStateDict round-trip (and JSON)', () => {
    const a = new TwoLayer();
    const b = new Sequential(new Linear(2, 3, { rng: 9 }));
    void b;
    const state = a.stateDict();
    expect(Object.keys(state)).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    expect(state['fc1.weight']).toBeInstanceOf(Float32Array);
    state['fc1.weight'][0] = 123; // a copy: the model is unchanged
    expect(a.fc1.weight.data()[0]).not.toBe(123);
    const other = new TwoLayer();
    other.fc1 = new Linear(2, 3, { rng: 77 });
    const json = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a.stateDict()).map(([k, v]) => [k, Array.from(v)]))));
    other.loadStateDict(json);
    const x = tensor([[0.3, -0.7]]);
    expect(other.forward(x).item()).toBe(a.forward(x).item());
  });

  test('loadStateDict rejects mismatched names, sizes and non-finite values, changing nothing', () => {
    const m = new TwoLayer();
    const good = m.stateDict();
    const before = m.stateDict();
    const { ['fc2.bias']: _dropped, ...missing } = good;
    expect(() => m.loadStateDict(missing)).toThrow(StateMismatchError);
    expect(() => m.loadStateDict(missing)).toThrow(/missing: fc2.bias/);
    expect(() => m.loadStateDict({ ...good, extra: [1] })).toThrow(/unexpected: extra/);
    expect(() => m.loadStateDict({ ...good, 'fc1.bias': [1, 2] })).toThrow(/3 values/);
    expect(() => m.loadStateDict({ ...good, 'fc2.bias': [NaN] })).toThrow(NonFiniteError);
    try {
      m.loadStateDict({ ...good, 'fc1.bias': [1, 2] });
    } catch (e) {
      expect(isLabError(e)).toBe(true);
    }
    expect(m.stateDict()).toEqual(before);
  });

  test('Linear checks its input and sizes', () => {
    const fc = new Linear(3, 2);
    expect(() => fc.forward(tensor([[1, 2]]))).toThrow("Linear: shapes [1, 2] and [2, 3] do not fit: the input's last axis must be 3 (inFeatures)");
    expect(fc.forward(tensor([[[1, 2, 3]]])).shape).toEqual([1, 1, 2]);
    expect(() => new Linear(0, 2)).toThrow(/inFeatures/);
    expect(new Linear(2, 2, { dtype: 'float64' }).weight.dtype).toBe('float64');
  });
});
