import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@lab/core';
import { Linear, Sequential, Tanh } from '@lab/tensor';
import { crossEntropy, elasticNetPenalty, l1Penalty, l2Penalty, mseLoss, selectParameters, structuralRisk } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64 } from '../test/helpers';

/** A linear model f(x) = x·w + b as named parameters. */
function linear() {
  const w = t64([[0.5, -1], [2, 0.25]], true);
  const b = t64([0.1, -0.3], true);
  return { w, b, params: [{ name: 'w', tensor: w }, { name: 'b', tensor: b }] };
}
const x = t64([[1, 2], [-1, 0.5], [0, 3]]);

describe('structuralRisk', () => {
  it('is R_emp + λ·ℓp(θ) in one line, for each penalty', () => {
    const m = linear();
    const remp = crossEntropy(x.matmul(m.w).add(m.b), [0, 1, 1]);
    expectClose(structuralRisk(remp, m.params, { lambda: 0.1 }).item(), remp.item() + 0.1 * l2Penalty(m.params).item());
    expectClose(structuralRisk(remp, m.params, { lambda: 0.1, penalty: 'l2', half: true }).item(), remp.item() + 0.05 * l2Penalty(m.params).item());
    expectClose(structuralRisk(remp, m.params, { lambda: 0.1, penalty: 'l1' }).item(), remp.item() + 0.1 * l1Penalty(m.params).item());
    expectClose(
      structuralRisk(remp, m.params, { lambda: 0.1, penalty: 'elasticNet', l1Ratio: 0.2 }).item(),
      remp.item() + 0.1 * elasticNetPenalty(m.params, { l1Ratio: 0.2 }).item(),
    );
    expectClose(structuralRisk(remp, m.params, { lambda: 0.1, penalty: (p, mask) => l1Penalty(p, mask).square() }).item(), remp.item() + 0.1 * l1Penalty(m.params).item() ** 2);
  });
  it('back-propagates: gradient = ∇R_emp + λ·∇penalty, with no penalty on masked parameters', () => {
    const m = linear();
    const target = t64([[1, 0], [0, 1], [1, 1]]);
    mseLoss(x.matmul(m.w).add(m.b), target).backward();
    const gw = flat(m.w.grad!);
    const gb = flat(m.b.grad!);
    m.w.grad = m.b.grad = null;
    structuralRisk(mseLoss(x.matmul(m.w).add(m.b), target), m.params, { lambda: 0.5, exclude: 'b' }).backward();
    expectClose(flat(m.w.grad!), gw.map((g, i) => g + 0.5 * 2 * [0.5, -1, 2, 0.25][i]));
    expectClose(flat(m.b.grad!), gb);
  });
  it('passes a gradient check through loss and penalty', () => {
    const m = linear();
    expectGradOk((w, b) => structuralRisk(crossEntropy(x.matmul(w).add(b), [1, 0, 1]), { w, b }, { lambda: 0.3, penalty: 'elasticNet' }), [m.w, m.b]);
  });
  it('with λ = 0 is the empirical risk', () => {
    const m = linear();
    const remp = mseLoss(x.matmul(m.w), t64([[0, 0], [0, 0], [0, 0]]));
    expect(structuralRisk(remp, m.params, { lambda: 0 }).item()).toBe(remp.item());
  });
  it('rejects an unreduced loss, a bad λ and an unknown penalty', () => {
    const m = linear();
    const perElement = mseLoss(x.matmul(m.w), t64([[0, 0], [0, 0], [0, 0]]), { reduction: 'none' });
    expect(() => structuralRisk(perElement, m.params, { lambda: 1 })).toThrow(/loss/);
    const remp = perElement.mean();
    for (const lambda of [-1, NaN, Infinity, '1']) expect(() => structuralRisk(remp, m.params, { lambda: lambda as number })).toThrow(/lambda/);
    expect(() => structuralRisk(remp, m.params, { lambda: 1, penalty: 'l3' as never })).toThrow(InvalidArgumentError);
    expect(() => structuralRisk(remp, m.params, { lambda: 1, penalty: () => t64([1, 2]) })).toThrow(/penalty/);
  });
});

describe('structuralRisk on a @lab/tensor model', () => {
  it('takes the Module itself, penalises weights only with exclude, and trains in one line', () => {
    const model = new Sequential(new Linear(2, 4, { rng: 1, dtype: 'float64' }), new Tanh(), new Linear(4, 3, { rng: 2, dtype: 'float64' }));
    const names = selectParameters(model, { exclude: '*bias' }).map((p) => p.name);
    expect(names).toEqual(['layers.0.weight', 'layers.2.weight']);
    const risk = structuralRisk(crossEntropy(model.forward(x), [0, 2, 1]), model, { lambda: 0.01, exclude: '*bias' });
    risk.backward();
    const params = model.namedParameters();
    expect(params.every((p) => p.grad !== null)).toBe(true);
    // The bias gradients are those of the empirical risk alone.
    const biasGrads = params.filter((p) => p.name.endsWith('bias')).map((p) => Array.from(p.grad!));
    model.zeroGrad();
    crossEntropy(model.forward(x), [0, 2, 1]).backward();
    expect(model.namedParameters().filter((p) => p.name.endsWith('bias')).map((p) => Array.from(p.grad!))).toEqual(biasGrads);
  });
});
