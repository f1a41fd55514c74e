import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, ShapeMismatchError, UndefinedResultError } from '@lab/core';
import { tensor } from '@lab/tensor';
import { crossEntropy } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

const logits = [
  [2, 0, -1],
  [0.5, 0.5, 3],
];

function softmaxRow(r: number[]): number[] {
  const m = Math.max(...r);
  const e = r.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b);
  return e.map((v) => v / s);
}

describe('crossEntropy', () => {
  it('is −log softmax of the target class; gradient (softmax − one-hot)/N', () => {
    const r = valueAndGrad(t64(logits, true), (x) => crossEntropy(x, [0, 2]));
    const p = logits.map(softmaxRow);
    expectClose(r.value, -(Math.log(p[0][0]) + Math.log(p[1][2])) / 2);
    expectClose(r.grad, [p[0][0] - 1, p[0][1], p[0][2], p[1][0], p[1][1], p[1][2] - 1].map((v) => v / 2));
  });

  it('takes targets as a Tensor, an Int32Array or a number[] alike', () => {
    const a = crossEntropy(t64(logits), [0, 2]).item();
    expect(crossEntropy(t64(logits), new Int32Array([0, 2])).item()).toBe(a);
    expect(crossEntropy(t64(logits), t64([0, 2])).item()).toBe(a);
  });

  it('with label smoothing mixes ε/C into the targets (doc example)', () => {
    const eps = 0.1;
    const r = valueAndGrad(t64(logits, true), (x) => crossEntropy(x, [0, 2], { labelSmoothing: eps }));
    const p = logits.map(softmaxRow);
    const q = [
      [1 - eps + eps / 3, eps / 3, eps / 3],
      [eps / 3, eps / 3, 1 - eps + eps / 3],
    ];
    expectClose(r.grad, p.flatMap((row, i) => row.map((v, j) => (v - q[i][j]) / 2)));
  });

  it('equals the probability-target form for one-hot targets (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, eps) => {
          const y = rows.map((_, i) => i % 3);
          const onehot = y.map((c) => [0, 1, 2].map((j) => (j === c ? 1 : 0)));
          expectClose(crossEntropy(t64(rows), y, { labelSmoothing: eps }).item(), crossEntropy(t64(rows), t64(onehot), { labelSmoothing: eps }).item(), 1e-9, 1e-12);
        },
      ),
    );
  });

  it('is invariant to adding a constant to every logit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (row, c) => {
        const a = crossEntropy(t64([row]), [1]).item();
        const b = crossEntropy(t64([row.map((v) => v + c)]), [1]).item();
        expectClose(b, a, 1e-9, 1e-9);
      }),
    );
  });

  it('is finite and exact for huge logits', () => {
    const r = valueAndGrad(t64([[1e300, -1e300, 0], [-1e4, 1e4, 1e4]], true), (x) => crossEntropy(x, [0, 2], { reduction: 'sum' }));
    expectClose(r.value, Math.LN2);
    expectClose(r.grad, [0, 0, 0, 0, 0.5, -0.5]);
  });

  it("uses PyTorch's weighted mean: Σ w[y]·ℓ / Σ w[y]", () => {
    const w = [0.5, 1, 2];
    const none = flat(crossEntropy(t64(logits), [0, 2], { weight: w, reduction: 'none' }));
    const mean = crossEntropy(t64(logits), [0, 2], { weight: w }).item();
    expectClose(mean, (none[0] + none[1]) / (0.5 + 2));
    expect(crossEntropy(t64(logits), [0, 2], { weight: tensor(w, { dtype: 'float64' }) }).item()).toBe(mean);
  });

  it('ignores ignoreIndex targets in the loss and in the divisor', () => {
    const all = flat(crossEntropy(t64(logits), [0, 2], { reduction: 'none' }));
    const r = valueAndGrad(t64(logits, true), (x) => crossEntropy(x, [0, -100]));
    expectClose(r.value, all[0]);
    expectClose(r.grad.slice(3), [0, 0, 0]);
    expectClose(flat(crossEntropy(t64(logits), [7, 2], { ignoreIndex: 7, reduction: 'none' })), [0, all[1]]);
  });

  it('fails clearly where PyTorch returns NaN: every target ignored under mean', () => {
    expect(() => crossEntropy(t64(logits), [-100, -100])).toThrow(UndefinedResultError);
    expect(crossEntropy(t64(logits), [-100, -100], { reduction: 'sum' }).item()).toBe(0);
  });

  it('accepts K-dimensional inputs [N, C, d] with targets [N, d]', () => {
    const x = t64([[[1, 2], [0, -1], [3, 0]]]); // N=1, C=3, d=2
    const none = flat(crossEntropy(x, t64([[2, 0]]), { reduction: 'none' }));
    expectClose(none[0], crossEntropy(t64([[1, 0, 3]]), [2]).item());
    expectClose(none[1], crossEntropy(t64([[2, -1, 0]]), [0]).item());
  });

  it('passes gradient checks: indices with weights, ignore and smoothing; probability targets', () => {
    const x = t64([[0.3, -1, 2, 0.1], [1.5, 0.2, -0.7, 0], [0, 0, 1, -2]], true);
    expectGradOk((a) => crossEntropy(a, [3, -100, 1], { weight: [1, 2, 0.5, 1.5], labelSmoothing: 0.2 }), [x]);
    expectGradOk((a) => crossEntropy(a, t64([[0.1, 0.2, 0.3, 0.4], [1, 0, 0, 0], [0.25, 0.25, 0.25, 0.25]]), { weight: [1, 2, 0.5, 1.5], reduction: 'sum' }), [x]);
  });

  it('rejects bad targets: out of range, wrong shape, non-integer, bad probabilities', () => {
    expect(() => crossEntropy(t64(logits), [0, 3])).toThrow(InvalidArgumentError);
    expect(() => crossEntropy(t64(logits), [0, -1])).toThrow(/target\[1\]/);
    expect(() => crossEntropy(t64(logits), [0.5, 1])).toThrow(InvalidArgumentError);
    expect(() => crossEntropy(t64(logits), [0, 1, 2])).toThrow(ShapeMismatchError);
    expect(() => crossEntropy(t64(logits), t64([[0], [1]]))).toThrow(ShapeMismatchError);
    expect(() => crossEntropy(t64(logits), t64([[0.5, 0.5], [1, 0]]))).toThrow(ShapeMismatchError);
    expect(() => crossEntropy(t64(logits), t64([[1.5, -0.5, 0], [1, 0, 0]]))).toThrow(/probability/);
    expect(() => crossEntropy(t64([1, 2, 3]), [0])).toThrow(ShapeMismatchError);
  });

  it('rejects bad options naming them', () => {
    expect(() => crossEntropy(t64(logits), [0, 1], { weight: [1, 2] })).toThrow(ShapeMismatchError);
    expect(() => crossEntropy(t64(logits), [0, 1], { weight: [1, -2, 1] })).toThrow(/weight/);
    expect(() => crossEntropy(t64(logits), [0, 1], { labelSmoothing: 1.5 })).toThrow(/labelSmoothing/);
    expect(() => crossEntropy(t64(logits), [0, 1], { reduction: 'avg' as never })).toThrow(/reduction/);
    expect(() => crossEntropy(t64(logits), [0, 1], { smoothing: 0.1 } as never)).toThrow(/smoothing/);
  });
});

