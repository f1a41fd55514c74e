/**
 * Values and input gradients against PyTorch 1.13 / scikit-learn 1.2, recorded by
 * test/record-references.py into test/references.json (cases beyond the shared conformance fixtures:
 * K-dimensional class targets, weights with ignoreIndex and label smoothing, probability targets,
 * huge logits, probabilities of exactly 0 and 1, broadcast weights, pos_weight with logits ±1000).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@lab/tensor';
import * as losses from '@lab/losses';
import { expectClose, flat } from './helpers';

interface Ref {
  shape: number[];
  data: number[];
}
interface Case {
  id: string;
  fn: string;
  options: Record<string, unknown>;
  input: Ref;
  target: Ref;
  loss: Ref;
  grad?: Ref;
}

const file = JSON.parse(readFileSync(new URL('./references.json', import.meta.url), 'utf8')) as { cases: Case[] };
const toTensor = (r: Ref, requiresGrad = false): Tensor => tensor(r.data, { dtype: 'float64', shape: r.shape, requiresGrad });

describe('reference values (PyTorch 1.13, scikit-learn 1.2)', () => {
  it('has the recorded cases', () => expect(file.cases.length).toBeGreaterThanOrEqual(20));
  for (const c of file.cases) {
    it(c.id, () => {
      const fn = (losses as unknown as Record<string, (i: Tensor, t: Tensor, o: unknown) => Tensor>)[c.fn];
      const input = toTensor(c.input, true);
      const loss = fn(input, toTensor(c.target), c.options);
      expect(loss.shape).toEqual(c.loss.shape);
      expectClose(flat(loss), c.loss.data);
      if (c.grad) {
        loss.backward();
        expectClose(flat(input.grad!), c.grad.data);
      }
    });
  }
});
