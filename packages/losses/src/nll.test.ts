import { describe, it } from 'vitest';
import { crossEntropy, nllLoss } from '@lab/losses';
import { expectClose, expectGradOk, t64, valueAndGrad } from '../test/helpers';

const logits = [
  [2, 0, -1],
  [0.5, 0.5, 3],
];

describe('nllLoss', () => {
  it('is −input[i, y] averaged (doc example), gradient −1/N at the targets', () => {
    const logp = t64([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25]].map((r) => r.map(Math.log)), true);
    const r = valueAndGrad(logp, (x) => nllLoss(x, [1, 0]));
    expectClose(r.value, -(Math.log(0.7) + Math.log(0.5)) / 2);
    expectClose(r.grad, [0, -0.5, 0, -0.5, 0, 0]);
  });
  it('of log_softmax equals crossEntropy of the logits', () => {
    const x = t64(logits);
    expectClose(nllLoss(x.logSoftmax(1), [2, 1], { weight: [1, 3, 2] }).item(), crossEntropy(x, [2, 1], { weight: [1, 3, 2] }).item());
  });
  it('passes a gradient check with weights and an ignored target', () => {
    expectGradOk((a) => nllLoss(a, [2, 0, 1], { weight: [0.5, 1, 2], ignoreIndex: 0 }), [t64([[-1, -2, -0.5], [-0.1, -3, -2], [-1, -1, -1]], true)]);
  });
});
