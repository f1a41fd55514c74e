import { describe, expect, test } from 'vitest';
import {
  DuplicateNameError,
  InvalidArgumentError,
  LabError,
  LengthMismatchError,
  NonFiniteError,
  ShapeMismatchError,
  StateMismatchError,
  UndefinedResultError,
  UnknownNameError,
  describeValue,
  isLabError,
} from './errors';

describe('errors', () => {
  test('the lecture-slide length mismatch reads as the design says', () => {
    const e = new LengthMismatchError('yPred', 9, 'yTrue', 10);
    expect(String(e)).toBe('LengthMismatchError: yPred has 9 entries but yTrue has 10');
    expect(e.argument).toBe('yPred');
    expect(e.value).toBe(9);
  });

  test('each error names its class, argument and value', () => {
    expect(String(new InvalidArgumentError('lr', -1, 'a number >= 0'))).toBe('InvalidArgumentError: lr must be a number >= 0, got -1');
    expect(String(new ShapeMismatchError('add', [[2, 3], [4]], 'cannot be broadcast'))).toBe('ShapeMismatchError: add: shapes [2, 3] and [4] cannot be broadcast');
    expect(String(new NonFiniteError('grads[0]', NaN, 3))).toBe('NonFiniteError: grads[0][3] is NaN; expected a finite number');
    expect(new UnknownNameError('optimizer', 'adamm', ['adam', 'sgd']).message).toBe('unknown optimizer "adamm"; known: adam, sgd');
    expect(new DuplicateNameError('loss', 'mse', 'core').name).toBe('DuplicateNameError');
    expect(new StateMismatchError('state', 1, 'x').name).toBe('StateMismatchError');
    expect(new UndefinedResultError('only one class').name).toBe('UndefinedResultError');
  });

  test('isLabError recognises lab errors only', () => {
    expect(isLabError(new LabError('x'))).toBe(true);
    expect(isLabError(new InvalidArgumentError('a', 1, 'b'))).toBe(true);
    expect(isLabError(new Error('x'))).toBe(false);
    expect(isLabError(null)).toBe(false);
    expect(isLabError('LabError')).toBe(false);
  });

  test('describeValue is short and bounded', () => {
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(new Float32Array([1, 2, NaN]))).toBe('[1,2,"NaN"]');
    expect(describeValue(new Float64Array(100))).toMatch(/^\[0,0,.*\.\.\.$/);
    expect(describeValue(new Float64Array(100))).toHaveLength(60);
    expect(describeValue('x'.repeat(100)).length).toBeLessThan(70);
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(undefined)).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
  });
});
