import { describe, expect, it } from 'vitest';
import { hingeEmbeddingLoss } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64 } from '../test/helpers';

describe('hingeEmbeddingLoss', () => {
  it('is x for y = 1 and max(0, m − x) for y = −1 (doc example)', () => {
    expectClose(flat(hingeEmbeddingLoss(t64([0.3, 0.4, 2]), t64([1, -1, -1]), { reduction: 'none' })), [0.3, 0.6, 0]);
  });
  it('passes a gradient check', () => expectGradOk((a) => hingeEmbeddingLoss(a, t64([1, -1, -1]), { margin: 1.5 }), [t64([0.2, 0.4, 3], true)]));
  it('rejects labels other than ±1', () => expect(() => hingeEmbeddingLoss(t64([1, 2]), t64([1, 0]))).toThrow(/target\[1\]/));
});
