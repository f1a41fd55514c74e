import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import { tensor } from '@lab/tensor';
import { binaryCrossEntropy } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

const EPS = Math.fround(1e-12);

describe('binaryCrossEntropy', () => {
  it('is −(y log p + (1 − y) log(1 − p)) (doc example)', () => {
    expectClose(flat(binaryCrossEntropy(t64([0.9, 0.2, 1]), t64([1, 0, 0]), { reduction: 'none' })), [-Math.log(0.9), -Math.log(0.8), 100]);
  });
  it('clamps each log at −100: probabilities of exactly 0 and 1 give finite losses and gradients', () => {
    const r = valueAndGrad(t64([0, 1, 0, 1], true), (x) => binaryCrossEntropy(x, t64([0, 1, 1, 0]), { reduction: 'sum' }));
    expect(r.value).toBe(200);
    expectClose(r.grad, [0, 0, -1 / EPS, 1 / EPS]);
    expect(r.grad.every(Number.isFinite)).toBe(true);
  });
  it('has gradient (p − y) / (p (1 − p)) inside (0, 1)', () => {
    const r = valueAndGrad(t64([0.3, 0.8], true), (x) => binaryCrossEntropy(x, t64([1, 0.25]), { reduction: 'sum' }));
    expectClose(r.grad, [(0.3 - 1) / (0.3 * 0.7), (0.8 - 0.25) / (0.8 * 0.2)]);
  });
  it('applies a weight broadcast to the input (a Tensor or numbers)', () => {
    const p = t64([[0.3, 0.6], [0.5, 0.9]]);
    const y = t64([[1, 0], [0, 1]]);
    const none = flat(binaryCrossEntropy(p, y, { reduction: 'none' }));
    const weighted = flat(binaryCrossEntropy(p, y, { weight: [2, 3], reduction: 'none' }));
    expectClose(weighted, [none[0] * 2, none[1] * 3, none[2] * 2, none[3] * 3]);
    expectClose(flat(binaryCrossEntropy(p, y, { weight: tensor([[2], [0.5]], { dtype: 'float64' }), reduction: 'none' })), [none[0] * 2, none[1] * 2, none[2] / 2, none[3] / 2]);
    expect(() => binaryCrossEntropy(p, y, { weight: [1, 2, 3] })).toThrow(ShapeMismatchError);
  });
  it('passes a gradient check', () => expectGradOk((a) => binaryCrossEntropy(a, t64([1, 0, 0.3]), { weight: [1, 2, 0.5] }), [t64([0.2, 0.45, 0.9], true)]));
  it('rejects probabilities or targets outside [0, 1]', () => {
    expect(() => binaryCrossEntropy(t64([1.2, 0.5]), t64([1, 0]))).toThrow(/input\[0\]/);
    expect(() => binaryCrossEntropy(t64([-0.1, 0.5]), t64([1, 0]))).toThrow(InvalidArgumentError);
    expect(() => binaryCrossEntropy(t64([0.2, 0.5]), t64([2, 0]))).toThrow(/target\[0\]/);
  });
});

