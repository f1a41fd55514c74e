import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, StateMismatchError } from '@lab/core';
import fc from 'fast-check';
import { applyUpdates, chain, scale, scaleByAdam, scaleByLearningRate } from './index';

const p = () => [Float64Array.of(1, 2), Float64Array.of(-3)];
const g = () => [Float64Array.of(0.5, -1), Float64Array.of(2)];

describe('chain', () => {
  it('feeds each link the updates of the previous one, state is the list of states', () => {
    const t = chain(scale(2), scale(-3));
    const s = t.init(p());
    expect(s).toEqual([{ count: 0 }, { count: 0 }]);
    const r = t.update(g(), s, p());
    expect(Array.from(r.updates[0])).toEqual([-3, 6]);
    expect(r.state).toEqual([{ count: 1 }, { count: 1 }]);
  });

  it('is the lecture unified form: adam = chain(scaleByAdam, scaleByLearningRate)', () => {
    const t = chain(scaleByAdam(), scaleByLearningRate(0.1));
    const r = t.update(g(), t.init(p()), p());
    // first Adam step moves every coordinate by about lr in the direction of -sign(g)
    expect(r.updates[0][0]).toBeCloseTo(-0.1, 6);
    expect(r.updates[0][1]).toBeCloseTo(0.1, 6);
  });

  it('rejects a state that is not its own and parts that are not transformations', () => {
    const t = chain(scale(2));
    expect(() => t.update(g(), [] as unknown[], p())).toThrow(StateMismatchError);
    expect(() => chain({} as never)).toThrow(InvalidArgumentError);
  });
});

describe('applyUpdates', () => {
  it('adds the updates into new arrays and leaves the inputs alone', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 8 }), (xs) => {
        const params = [Float64Array.from(xs)];
        const updates = [Float64Array.from(xs, (x) => x / 2)];
        const out = applyUpdates(params, updates);
        expect(Array.from(params[0])).toEqual(xs);
        expect(Array.from(out[0])).toEqual(xs.map((x) => x + x / 2));
        expect(out[0]).not.toBe(params[0]);
      }),
    );
  });

  it('keeps the parameter dtype and refuses non-finite or mis-sized updates', () => {
    const out = applyUpdates([Float32Array.of(1)], [Float64Array.of(0.1)]);
    expect(out[0]).toBeInstanceOf(Float32Array);
    expect(out[0][0]).toBe(Math.fround(1 + 0.1));
    expect(() => applyUpdates([Float64Array.of(1)], [Float64Array.of(NaN)])).toThrow(/updates\[0\]\[0\] is NaN/);
    expect(() => applyUpdates([Float64Array.of(1)], [Float64Array.of(1, 2)])).toThrow(/updates\[0\] has 2 entries/);
    expect(() => applyUpdates([Float64Array.of(1)], [])).toThrow(/updates has 0 entries but params has 1/);
  });
});
