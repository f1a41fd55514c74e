import { describe, expect, it } from 'vitest';
import { ShapeMismatchError } from '@lab/core';
import { bceWithLogits, binaryCrossEntropy } from '@lab/losses';
import { expectClose, expectGradOk, t64, valueAndGrad } from '../test/helpers';

describe('bceWithLogits', () => {
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  it('equals binaryCrossEntropy of sigmoid(logits) for moderate logits', () => {
    const x = [-2, -0.5, 0, 1.5, 3];
    const y = [0, 1, 0.5, 1, 0.2];
    expectClose(bceWithLogits(t64(x), t64(y)).item(), binaryCrossEntropy(t64(x.map(sigmoid)), t64(y)).item(), 1e-12);
  });
  it('is finite and exact for logits of ±1000 (doc example)', () => {
    const r = valueAndGrad(t64([1000, -1000, 1000, -1000, 0], true), (x) => bceWithLogits(x, t64([1, 0, 0, 1, 0.5]), { reduction: 'sum' }));
    expectClose(r.value, 2000 + Math.LN2);
    expectClose(r.grad, [0, 0, 1, -1, 0]);
  });
  it('weights the positive term by posWeight (broadcast over the last axis)', () => {
    const x = t64([[0.3, -1.2], [2, 0.5]], true);
    const y = t64([[1, 0.4], [0, 1]]);
    const pw = [3, 0.5];
    const r = valueAndGrad(x, (a) => bceWithLogits(a, y, { posWeight: pw, reduction: 'sum' }));
    const xs = [0.3, -1.2, 2, 0.5];
    const ys = [1, 0.4, 0, 1];
    const pws = [3, 0.5, 3, 0.5];
    const want = xs.reduce((s, v, i) => s - (pws[i] * ys[i] * Math.log(sigmoid(v)) + (1 - ys[i]) * Math.log(1 - sigmoid(v))), 0);
    expectClose(r.value, want, 1e-12);
    expectClose(r.grad, xs.map((v, i) => (1 + (pws[i] - 1) * ys[i]) * sigmoid(v) - pws[i] * ys[i]), 1e-12);
  });
  it('passes a gradient check with weight and posWeight', () => {
    expectGradOk((a) => bceWithLogits(a, t64([[1, 0, 0.5], [0, 1, 1]]), { weight: [1, 2, 0.5], posWeight: [2, 1, 0.3] }), [t64([[0.3, -2, 5], [1, 0, -0.4]], true)]);
  });
  it('rejects targets outside [0, 1] and shapes that differ', () => {
    expect(() => bceWithLogits(t64([1, 2]), t64([1, -1]))).toThrow(/target\[1\]/);
    expect(() => bceWithLogits(t64([1, 2]), t64([[1, 0]]))).toThrow(ShapeMismatchError);
  });
});
