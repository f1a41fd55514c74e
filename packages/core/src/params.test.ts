import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, isLabError } from './errors';
import { checkParam, defaults, describeParam, resolveOptions } from './params';
import { toJsonSchema } from './schema';

const spec = {
  lr: { kind: 'number', default: 0.001, min: 0, log: true, description: 'learning rate' },
  steps: { kind: 'integer', default: 10, min: 1, description: 'steps' },
  nesterov: { kind: 'boolean', default: false, description: 'Nesterov momentum' },
  mode: { kind: 'enum', values: ['min', 'max'], default: 'min', description: 'mode' },
  betas: { kind: 'numbers', length: 2, default: [0.9, 0.999], min: 0, max: 1, description: 'betas' },
  decay: { kind: 'number-or-schedule', default: 0, min: 0, description: 'decay' },
  clip: { kind: 'number', optional: true, exclusiveMin: true, min: 0, description: 'clip' },
  required: { kind: 'integer', min: 2, description: 'folds' },
} as const;

describe('resolveOptions', () => {
  test('fills defaults and keeps given values', () => {
    const o = resolveOptions(spec, { required: 5, lr: 0.1 });
    expect(o).toEqual({ lr: 0.1, steps: 10, nesterov: false, mode: 'min', betas: [0.9, 0.999], decay: 0, required: 5 });
    expect('clip' in o).toBe(false);
  });

  test('default arrays are copied, not shared', () => {
    const a = resolveOptions(spec, { required: 2 });
    a.betas[0] = 0.5;
    expect(resolveOptions(spec, { required: 2 }).betas).toEqual([0.9, 0.999]);
  });

  test('accepts a schedule where the spec says number-or-schedule', () => {
    const sched = (t: number) => 1 / (t + 1);
    expect(resolveOptions(spec, { required: 2, decay: sched }).decay).toBe(sched);
  });

  test.each([
    ['lr', -1, 'adam.lr must be a finite number >= 0, got -1'],
    ['lr', NaN, 'adam.lr must be a finite number >= 0, got NaN'],
    ['lr', '0.1', 'adam.lr must be a finite number >= 0, got "0.1"'],
    ['steps', 1.5, 'adam.steps must be an integer >= 1, got 1.5'],
    ['nesterov', 1, 'adam.nesterov must be true or false, got 1'],
    ['mode', 'avg', 'adam.mode must be one of "min", "max", got "avg"'],
    ['betas', [0.9], 'adam.betas must be a list of 2 of finite numbers >= 0 and <= 1, got [0.9]'],
    ['betas', [0.9, 2], 'adam.betas must be a list of 2 of finite numbers >= 0 and <= 1, got [0.9,2]'],
    ['clip', 0, 'adam.clip must be a finite number > 0, got 0'],
    ['decay', Infinity, 'adam.decay must be a finite number >= 0 or a schedule (step) => value, got Infinity'],
  ])('rejects %s = %s naming the argument, value and expectation', (key, value, message) => {
    let err: unknown;
    try {
      resolveOptions(spec, { required: 3, [key]: value }, 'adam');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(isLabError(err)).toBe(true);
    expect((err as InvalidArgumentError).message).toBe(message);
    expect((err as InvalidArgumentError).argument).toBe(`adam.${key}`);
    expect((err as InvalidArgumentError).value).toEqual(value);
  });

  test('a missing required option is an error', () => {
    expect(() => resolveOptions(spec, {})).toThrow('required must be an integer >= 2 (required), got undefined');
  });

  test('an unknown option is an error that lists the known ones', () => {
    expect(() => resolveOptions(spec, { required: 2, lrr: 0.1 } as never, 'adam')).toThrow(/unknown option adam\.lrr; known options: lr, steps/);
  });

  test('non-object options are rejected', () => {
    expect(() => resolveOptions(spec, null as never, 'adam')).toThrow(InvalidArgumentError);
  });
});

describe('checkParam / describeParam / defaults', () => {
  test('describes each kind', () => {
    expect(describeParam(spec.lr)).toBe('a finite number >= 0');
    expect(describeParam({ kind: 'number', min: 0, max: 1, exclusiveMax: true, description: '' })).toBe('a finite number >= 0 and < 1');
    expect(describeParam(spec.mode)).toBe('one of "min", "max"');
  });
  test('checkParam returns the value when valid', () => {
    expect(checkParam('x', spec.steps, 4)).toBe(4);
  });
  test('defaults lists the defaults only', () => {
    expect(defaults(spec)).toEqual({ lr: 0.001, steps: 10, nesterov: false, mode: 'min', betas: [0.9, 0.999], decay: 0 });
  });
});

describe('toJsonSchema', () => {
  test('exports every kind with bounds, defaults and required keys', () => {
    const s = toJsonSchema(spec, 'adam') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(s.title).toBe('adam');
    expect(s.type).toBe('object');
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(['required']);
    expect(s.properties.lr).toEqual({ description: 'learning rate', default: 0.001, type: 'number', minimum: 0 });
    expect(s.properties.clip).toEqual({ description: 'clip', type: 'number', exclusiveMinimum: 0 });
    expect(s.properties.mode.enum).toEqual(['min', 'max']);
    expect(s.properties.betas).toMatchObject({ type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', minimum: 0, maximum: 1 } });
    expect(s.properties.decay.anyOf[1]).toMatchObject({ type: 'object', required: ['type'] });
    expect(s.properties.steps.type).toBe('integer');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
