import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NonFiniteError, StateMismatchError } from '@lab/core';
import { adam, adamDefinition, applyUpdates, decodeState, encodeState, Optimizer, parameterEma, sgd } from './index';
import type { FloatArray, InPlaceTransformation, OptimizerStateDict, ParameterLike } from './index';

const model = (): ParameterLike[] => [
  { name: 'layer.weight', value: Float64Array.of(0.5, -1, 2), grad: null },
  { name: 'layer.bias', value: Float64Array.of(0.1), grad: null },
  { name: 'head.weight', value: Float32Array.of(1, -2), grad: null },
];
const gradFor = (p: ParameterLike, t: number) => p.value.map((v, j) => Math.sin(3 * t + j) + 0.1 * v) as FloatArray;
function train(opt: Optimizer, params: ParameterLike[], from: number, to: number) {
  for (let t = from; t < to; t++) {
    opt.zeroGrad();
    for (const p of params) p.grad = gradFor(p, t);
    opt.step();
  }
}
const bits = (params: ParameterLike[]) => params.map((p) => Array.from(new Uint8Array(p.value.buffer.slice(0))).join(',')).join('|');

describe('Optimizer facade', () => {
  it('steps parameters in place, matching init/update/applyUpdates', () => {
    const params = model();
    const arrays = params.map((p) => p.value);
    const opt = new Optimizer(params, adam({ lr: 0.01 }));
    train(opt, params, 0, 5);
    expect(params.map((p) => p.value)).toEqual(arrays);
    params.forEach((p, i) => expect(p.value).toBe(arrays[i]));

    const t = adam({ lr: 0.01 });
    let values: FloatArray[] = model().map((p) => p.value);
    let s = t.init(values);
    for (let k = 0; k < 5; k++) {
      const r = t.update(model().map((p, i) => gradFor({ ...p, value: values[i] }, k)), s, values);
      s = r.state;
      values = applyUpdates(values, r.updates);
    }
    expect(params.map((p) => Array.from(p.value))).toEqual(values.map((v) => Array.from(v)));
    expect(opt.steps).toBe(5);
  });

  it('zeroGrad fills with zeros (PyTorch 1.13 default) or sets null', () => {
    const params = model();
    params[0].grad = Float64Array.of(1, 2, 3);
    const opt = new Optimizer(params, sgd({ lr: 0.1 }));
    opt.zeroGrad();
    expect(Array.from(params[0].grad!)).toEqual([0, 0, 0]);
    opt.zeroGrad({ setToNull: true });
    expect(params[0].grad).toBeNull();
  });

  it('param groups by name pattern, each with its own hyper-parameters', () => {
    const params = model();
    const opt = new Optimizer(params, { optimizer: sgd, options: { lr: 0.1 }, groups: [{ match: '*.bias', options: { lr: 1 } }] });
    expect(opt.groups.map((g) => g.names)).toEqual([['layer.bias'], ['layer.weight', 'head.weight']]);
    for (const p of params) p.grad = p.value.map(() => 1) as FloatArray;
    opt.step();
    expect(params[1].value[0]).toBeCloseTo(0.1 - 1, 15);
    expect(params[0].value[0]).toBeCloseTo(0.5 - 0.1, 15);
    // a definition works as the factory too
    const byDef = new Optimizer(model(), { optimizer: adamDefinition, options: { lr: 0.5 }, groups: [{ match: /^head/, options: { weightDecay: 0.1 } }] });
    expect(byDef.groups[0].options).toEqual({ lr: 0.5, weightDecay: 0.1 });
  });

  it('rejects duplicate names, empty groups and bad parameters', () => {
    expect(() => new Optimizer([...model(), model()[0]], sgd({ lr: 1 }))).toThrow(/name/);
    expect(() => new Optimizer(model(), { optimizer: sgd, options: { lr: 1 }, groups: [{ match: 'nothing*' }] })).toThrow(/groups\[0\]\.match/);
    expect(() => new Optimizer([], sgd({ lr: 1 }))).toThrow(InvalidArgumentError);
    expect(() => new Optimizer([{ name: 'x', value: [1, 2] as never, grad: null }], sgd({ lr: 1 }))).toThrow(/params\[0\]/);
    const params = model();
    params[0].grad = Float64Array.of(1);
    expect(() => new Optimizer(params, sgd({ lr: 1 })).step()).toThrow(/layer\.weight\.grad has 1 entries/);
  });

  it('skips parameters without a gradient; their state does not move', () => {
    const params = model();
    const opt = new Optimizer(params, adam({ lr: 0.1 }));
    params[0].grad = Float64Array.of(1, 1, 1);
    params[2].grad = Float32Array.of(1, 1);
    opt.step();
    expect(params[1].value[0]).toBe(0.1);
    // chain state: [scaleByAdam, scaleByLearningRate]
    const [adamState] = opt.stateDict().groups[0].state as [{ mu: Record<string, FloatArray> }];
    expect(Array.from(adamState.mu['layer.bias'])).toEqual([0]);
    expect(adamState.mu['layer.weight'][0]).toBeCloseTo(0.1, 15);
  });

  it('a non-finite gradient throws and leaves parameters and state unchanged', () => {
    const params = model();
    const opt = new Optimizer(params, adam({ lr: 0.1 }));
    train(opt, params, 0, 2);
    const before = [bits(params), JSON.stringify(encodeState(opt.stateDict()).json)];
    for (const p of params) p.grad = p.value.map(() => 1) as FloatArray;
    params[2].grad![1] = NaN;
    expect(() => opt.step()).toThrow(NonFiniteError);
    expect([bits(params), JSON.stringify(encodeState(opt.stateDict()).json)]).toEqual(before);
    expect(opt.steps).toBe(2);
  });

  it('stateDict round-trips bit-exactly through JSON + payload: resuming equals not stopping', () => {
    const a = model();
    const optA = new Optimizer(a, parameterEma(adam({ lr: 0.05, amsgrad: true }), { decay: 0.9 }));
    train(optA, a, 0, 10);

    const b = model();
    const optB = new Optimizer(b, parameterEma(adam({ lr: 0.05, amsgrad: true }), { decay: 0.9 }));
    train(optB, b, 0, 4);
    const { json, payload } = encodeState(optB.stateDict());
    const saved = b.map((p) => p.value.slice());

    const c = model().map((p, i) => ({ ...p, value: saved[i] }));
    const optC = new Optimizer(c, parameterEma(adam({ lr: 0.05, amsgrad: true }), { decay: 0.9 }));
    optC.loadStateDict(decodeState({ json: String(json), payload: Uint8Array.from(payload) }) as OptimizerStateDict);
    expect(optC.steps).toBe(4);
    train(optC, c, 4, 10);
    expect(bits(c)).toBe(bits(a));
    expect(encodeState(optC.stateDict())).toEqual(encodeState(optA.stateDict()));
  });

  it('matches parameters by name, not position', () => {
    const a = model();
    const optA = new Optimizer(a, adam({ lr: 0.05 }));
    train(optA, a, 0, 3);
    const dict = optA.stateDict();
    const reordered = [a[2], a[0], a[1]].map((p) => ({ ...p, value: p.value.slice(), grad: null }));
    const optB = new Optimizer(reordered, adam({ lr: 0.05 }));
    optB.loadStateDict(dict);
    train(optA, a, 3, 6);
    train(optB, reordered, 3, 6);
    expect(bits([reordered[1], reordered[2], reordered[0]])).toBe(bits(a));
  });

  it('a state that does not fit throws StateMismatchError and changes nothing', () => {
    const a = model();
    const optA = new Optimizer(a, adam({ lr: 0.05 }));
    train(optA, a, 0, 2);
    const dict = optA.stateDict();
    const other = new Optimizer(model(), sgd({ lr: 0.1, momentum: 0.9 }));
    expect(() => other.loadStateDict(dict)).toThrow(StateMismatchError);
    const renamed = new Optimizer(model().map((p) => ({ ...p, name: p.name === 'layer.bias' ? 'layer.b' : p.name })), adam({ lr: 0.05 }));
    expect(() => renamed.loadStateDict(dict)).toThrow(/names/);
    const resized = new Optimizer(model().map((p, i) => (i === 0 ? { ...p, value: Float64Array.of(1, 2) } : p)), adam({ lr: 0.05 }));
    expect(() => resized.loadStateDict(dict)).toThrow(/state for parameter "layer\.weight": a Float64Array of length 2/);
    const retyped = new Optimizer(model().map((p, i) => (i === 2 ? { ...p, value: Float64Array.of(1, 2) } : p)), adam({ lr: 0.05 }));
    expect(() => retyped.loadStateDict(dict)).toThrow(/head\.weight/);
    const grouped = new Optimizer(model(), { optimizer: adam, groups: [{ match: 'head.*' }] });
    expect(() => grouped.loadStateDict(dict)).toThrow(/groups/);
    expect(() => other.loadStateDict({} as never)).toThrow(StateMismatchError);
    const fresh = new Optimizer(model(), adam({ lr: 0.05 }));
    const before = encodeState(fresh.stateDict());
    const broken = JSON.parse(JSON.stringify({ ...dict, groups: [{ ...dict.groups[0], state: 'x' }] }));
    expect(() => fresh.loadStateDict(broken)).toThrow(StateMismatchError);
    expect(encodeState(fresh.stateDict())).toEqual(before);
  });

  it('uses a transformation fast path (in-place step) when it has one', () => {
    const calls: number[] = [];
    const base = sgd({ lr: 0.5 });
    const fast: InPlaceTransformation = {
      ...base,
      step(values, grads, state) {
        calls.push(values.length);
        values.forEach((v, i) => v.forEach((_, j) => ((v as Float64Array)[j] -= 0.5 * grads[i][j])));
        return state;
      },
    };
    const params = model();
    const slow = model();
    new Optimizer(params, fast).step();
    for (const p of params) p.grad = p.value.map(() => 1) as FloatArray;
    for (const p of slow) p.grad = p.value.map(() => 1) as FloatArray;
    new Optimizer(params, fast).step();
    new Optimizer(slow, base).step();
    expect(calls).toEqual([3]);
    expect(bits(params)).toBe(bits(slow));
  });
});
