/** Bad input fails loudly, the same way, for every loss. */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NonFiniteError, ShapeMismatchError, isLabError } from '@lab/core';
import { tensor, type Tensor } from '@lab/tensor';
import * as L from '@lab/losses';
import { t64 } from '../test/helpers';

type Fn = (input: Tensor, target: never, options?: never) => Tensor;
/** Each loss with a valid (input, target) pair, and a target of the wrong shape. */
const cases: [string, Fn, () => [Tensor, unknown], () => unknown][] = [
  ['zeroOneLoss', L.zeroOneLoss as Fn, () => [t64([[1, 2]]), [0]], () => [0, 1]],
  ['quadraticLoss', L.quadraticLoss as Fn, () => [t64([1, 2]), t64([1, 2])], () => t64([1, 2, 3])],
  ['mseLoss', L.mseLoss as Fn, () => [t64([1, 2]), t64([1, 2])], () => t64([[1, 2]])],
  ['l1Loss', L.l1Loss as Fn, () => [t64([1, 2]), t64([1, 2])], () => t64([1])],
  ['huberLoss', L.huberLoss as Fn, () => [t64([1, 2]), t64([1, 2])], () => t64([1])],
  ['smoothL1Loss', L.smoothL1Loss as Fn, () => [t64([1, 2]), t64([1, 2])], () => t64([1])],
  ['crossEntropy', L.crossEntropy as Fn, () => [t64([[1, 2]]), [0]], () => [0, 1]],
  ['nllLoss', L.nllLoss as Fn, () => [t64([[-1, -2]]), [0]], () => t64([[0]])],
  ['binaryCrossEntropy', L.binaryCrossEntropy as Fn, () => [t64([0.5]), t64([1])], () => t64([1, 0])],
  ['bceWithLogits', L.bceWithLogits as Fn, () => [t64([0.5]), t64([1])], () => t64([1, 0])],
  ['hingeLoss', L.hingeLoss as Fn, () => [t64([0.5]), t64([1])], () => t64([1, -1])],
  ['squaredHingeLoss', L.squaredHingeLoss as Fn, () => [t64([0.5]), t64([1])], () => t64([1, -1])],
  ['multiMarginLoss', L.multiMarginLoss as Fn, () => [t64([[1, 2]]), [0]], () => [0, 1]],
  ['crammerSingerLoss', L.crammerSingerLoss as Fn, () => [t64([[1, 2]]), [0]], () => [0, 1]],
  ['softMarginLoss', L.softMarginLoss as Fn, () => [t64([0.5]), t64([1])], () => t64([1, -1])],
  ['hingeEmbeddingLoss', L.hingeEmbeddingLoss as Fn, () => [t64([0.5]), t64([1])], () => t64([1, -1])],
  ['klDiv', L.klDiv as Fn, () => [t64([-0.5]), t64([1])], () => t64([1, 0])],
];

describe.each(cases)('%s', (_name, fn, valid, wrongShape) => {
  it('works on valid input (the baseline of the checks below)', () => {
    const [x, y] = valid();
    expect(Number.isFinite(fn(x, y as never).item())).toBe(true);
  });
  it('rejects an empty batch with a clear error', () => {
    const [x, y] = valid();
    const empty = tensor([], { dtype: 'float64', shape: [0, ...x.shape.slice(1)] });
    expect(() => fn(empty, y as never)).toThrow(/non-empty batch/);
    expect(() => fn(empty, y as never)).toThrow(InvalidArgumentError);
  });
  it('rejects a target of the wrong shape (ShapeMismatchError)', () => {
    const [x] = valid();
    expect(() => fn(x, wrongShape() as never)).toThrow(ShapeMismatchError);
  });
  it('rejects NaN and Infinity in the input (NonFiniteError)', () => {
    const [x, y] = valid();
    for (const bad of [NaN, Infinity]) {
      const data = Array.from(x.data());
      data[0] = bad;
      expect(() => fn(tensor(data, { dtype: 'float64', shape: x.shape }), y as never)).toThrow(NonFiniteError);
    }
  });
  it('rejects a non-tensor input, unknown options and bad reductions (lab errors)', () => {
    const [x, y] = valid();
    const errs = [() => fn([1, 2] as never, y as never), () => fn(x, y as never, 5 as never), () => fn(x, y as never, null as never), () => fn(x, y as never, { nope: 1 } as never), () => fn(x, y as never, { reduction: 'avg' } as never)];
    for (const call of errs) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(isLabError(caught)).toBe(true);
    }
  });
});

describe('element-wise losses', () => {
  it('reject a target of another dtype instead of converting it', () => {
    expect(() => L.mseLoss(t64([1, 2]), tensor([1, 2]))).toThrow(/dtype/);
  });
  it('reject NaN in a float target', () => {
    expect(() => L.mseLoss(t64([1, 2]), t64([1, NaN]))).toThrow(NonFiniteError);
  });
});
