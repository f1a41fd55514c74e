import { Rng } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { noGrad } from './autograd';
import { Linear } from './nn/linear';
import { Sequential } from './nn/sequential';
import { Tanh } from './nn/activations';
import type { Module } from './nn/module';
import { randn } from './random';
import { concat } from './ops/shape-ops';
import { tensor, type Tensor } from './tensor';

/** Plain SGD on the Parameter arrays, as an optimizer package would do it. */
function sgdStep(model: Module, lr: number): void {
  for (const p of model.parameters()) {
    const v = p.value;
    const g = p.grad!;
    for (let i = 0; i < v.length; i++) v[i] -= lr * g[i];
  }
  model.zeroGrad();
}

describe('done-when: models learn', () => {
  test('a 2-layer MLP learns XOR', () => {
    const rng = new Rng(0);
    const x = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = tensor([[0], [1], [1], [0]]);
    const mlp = new Sequential(new Linear(2, 8, { rng }), new Tanh(), new Linear(8, 1, { rng }));
    const lossOf = () => mlp.forward(x).sigmoid().sub(y).square().mean();
    const initial = noGrad(lossOf).item();
    for (let step = 0; step < 2000; step++) {
      lossOf().backward();
      sgdStep(mlp, 2);
    }
    const pred = noGrad(() => mlp.forward(x).sigmoid()).data();
    expect(initial).toBeGreaterThan(0.2);
    expect(noGrad(lossOf).item()).toBeLessThan(0.01);
    expect(Array.from(pred, (p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });

  test('softmax regression separates a synthetic 3-class set', () => {
    const rng = new Rng(42);
    const centers = [[0, 3], [-3, -2], [3, -2]];
    const perClass = 50;
    const xs: Tensor[] = [];
    const labels: number[] = [];
    centers.forEach((c, k) => {
      xs.push(randn([perClass, 2], rng).add(tensor([c])));
      for (let i = 0; i < perClass; i++) labels.push(k);
    });
    const x = concat(xs);
    const model = new Linear(2, 3, { rng });
    const crossEntropy = () => model.forward(x).logSoftmax().gather(1, labels).mean().neg();
    const initial = noGrad(crossEntropy).item();
    for (let step = 0; step < 300; step++) {
      crossEntropy().backward();
      sgdStep(model, 0.5);
    }
    const predicted = noGrad(() => model.forward(x).argmax(1)).data();
    const accuracy = labels.filter((k, i) => predicted[i] === k).length / labels.length;
    expect(initial).toBeGreaterThan(0.5);
    expect(noGrad(crossEntropy).item()).toBeLessThan(0.15);
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });
});
