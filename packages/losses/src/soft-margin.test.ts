import { describe, expect, it } from 'vitest';
import { softMarginLoss } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

describe('softMarginLoss', () => {
  it('is log(1 + e^(−y·f)), finite for ±1000 (doc example) where PyTorch overflows', () => {
    expectClose(flat(softMarginLoss(t64([0, 1000, -1000]), t64([1, 1, 1]), { reduction: 'none' })), [Math.LN2, 0, 1000]);
    const r = valueAndGrad(t64([0, 1000, -1000], true), (x) => softMarginLoss(x, t64([1, 1, 1]), { reduction: 'sum' }));
    expectClose(r.grad, [-0.5, 0, -1]);
  });
  it('passes a gradient check', () => expectGradOk((a) => softMarginLoss(a, t64([1, -1, 1])), [t64([0.2, 0.4, -3], true)]));
  it('rejects labels other than ±1', () => expect(() => softMarginLoss(t64([1, 2]), t64([1, 0]))).toThrow(/target\[1\]/));
});

