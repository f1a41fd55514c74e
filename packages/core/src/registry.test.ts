import { describe, expect, expectTypeOf, test } from 'vitest';
import { defineOptimizer, definePlugin, defineSchedule, defineSplitter, instantiate } from './define';
import { DuplicateNameError, InvalidArgumentError, UnknownNameError } from './errors';
import { createRegistry } from './registry';
import type { GradientTransformation, ResolvedOptions, Schedule } from './types';

const scale = (factor: number | Schedule): GradientTransformation<{ count: number }> => ({
  init: () => ({ count: 0 }),
  update: (updates, state) => {
    const f = typeof factor === 'number' ? factor : factor(state.count);
    return { updates: updates.map((u) => u.map((x) => -f * x)), state: { count: state.count + 1 } };
  },
});

const sgd = defineOptimizer({
  name: 'sgd',
  meta: { description: 'plain SGD' },
  params: {
    lr: { kind: 'number-or-schedule', default: 0.01, min: 0, description: 'learning rate' },
    nesterov: { kind: 'boolean', default: false, description: 'Nesterov' },
  },
  create: ({ lr }) => scale(lr),
});

const constant = defineSchedule({
  name: 'constant',
  meta: { description: 'constant value' },
  params: { value: { kind: 'number', description: 'the value' } },
  create: ({ value }) => (_step: number) => value,
});

const builtins = definePlugin({ meta: { name: 'builtins', version: '1.0.0' }, optimizers: [sgd], schedules: [constant] });

describe('registry', () => {
  test('is empty until plugins are used, and use() returns a new registry', () => {
    const empty = createRegistry();
    const r = empty.use(builtins);
    expect(empty.list()).toEqual([]);
    expect(r.list().map((e) => `${e.kind}:${e.name}`)).toEqual(['optimizer:sgd', 'schedule:constant']);
    expect(r.plugins).toEqual([{ name: 'builtins', version: '1.0.0' }]);
    expect(r.has('optimizer', 'sgd')).toBe(true);
    expect(r.has('schedule', 'sgd')).toBe(false);
  });

  test('list(kind) gives each entry with its spec and plugin', () => {
    const [e] = createRegistry().use(builtins).list('optimizer');
    expect(e).toMatchObject({ kind: 'optimizer', name: 'sgd', plugin: 'builtins', meta: { description: 'plain SGD' } });
    expect(e.params.lr.default).toBe(0.01);
  });

  test('build validates, fills defaults and constructs', () => {
    const r = createRegistry().use(builtins);
    const opt = r.build('optimizer', { type: 'sgd', lr: 0.5 });
    const { updates } = opt.update([new Float64Array([2])], opt.init([new Float64Array([0])]));
    expect(Array.from(updates[0])).toEqual([-1]);
    expect(r.resolve('optimizer', { type: 'sgd' })).toEqual({ lr: 0.01, nesterov: false });
  });

  test('a schedule-valued parameter may be given as a schedule config', () => {
    const r = createRegistry().use(builtins);
    const opt = r.build('optimizer', { type: 'sgd', lr: { type: 'constant', value: 2 } });
    const { updates } = opt.update([new Float64Array([1])], opt.init([new Float64Array([0])]));
    expect(updates[0][0]).toBe(-2);
  });

  test('bad configs fail with typed errors', () => {
    const r = createRegistry().use(builtins);
    expect(() => r.build('optimizer', { type: 'adamm' })).toThrow(UnknownNameError);
    expect(() => r.build('optimizer', { type: 'adamm' })).toThrow('unknown optimizer "adamm"; known: sgd');
    expect(() => r.build('optimizer', { type: 'sgd', lr: -1 })).toThrow('sgd.lr must be a finite number >= 0 or a schedule (step) => value, got -1');
    expect(() => r.build('optimizer', { type: 'sgd', momentum: 0.9 })).toThrow(/unknown option sgd.momentum/);
    expect(() => r.build('optimizer', null as never)).toThrow(InvalidArgumentError);
    expect(() => r.build('schedule', { type: 'constant' })).toThrow(/constant.value must be a finite number \(required\)/);
  });

  test('a duplicate name is an error naming the plugin that has it', () => {
    const r = createRegistry().use(builtins);
    const other = definePlugin({ meta: { name: 'other', version: '0.1.0' }, optimizers: [sgd] });
    expect(() => r.use(other)).toThrow(DuplicateNameError);
    expect(() => r.use(other)).toThrow('optimizer "sgd" from plugin "other" is already registered'.replace('other', 'builtins'));
  });

  test('a definition listed under the wrong kind is rejected', () => {
    expect(() => createRegistry().use({ meta: { name: 'bad', version: '1.0.0' }, optimizers: [constant as never] })).toThrow(InvalidArgumentError);
    expect(() => createRegistry().use({} as never)).toThrow(InvalidArgumentError);
  });

  test('instantiate builds a definition without a registry', () => {
    const s = instantiate(constant, { value: 3 });
    expect(s(100)).toBe(3);
    expect(() => instantiate(constant, { value: NaN })).toThrow(InvalidArgumentError);
  });
});

describe('type inference', () => {
  test('create receives options inferred from the spec', () => {
    defineOptimizer({
      name: 'typed',
      meta: { description: 'type test' },
      params: {
        lr: { kind: 'number-or-schedule', default: 0.1, description: 'lr' },
        steps: { kind: 'integer', description: 'required steps' },
        mode: { kind: 'enum', values: ['a', 'b'], default: 'a', description: 'mode' },
        clip: { kind: 'number', optional: true, description: 'optional clip' },
        betas: { kind: 'numbers', default: [0.9, 0.99], description: 'betas' },
        flag: { kind: 'boolean', default: true, description: 'flag' },
      },
      create: (o) => {
        expectTypeOf(o.lr).toEqualTypeOf<number | Schedule>();
        expectTypeOf(o.steps).toEqualTypeOf<number>();
        expectTypeOf(o.mode).toEqualTypeOf<'a' | 'b'>();
        expectTypeOf(o.clip).toEqualTypeOf<number | undefined>();
        expectTypeOf(o.betas).toEqualTypeOf<number[]>();
        expectTypeOf(o.flag).toEqualTypeOf<boolean>();
        return scale(0);
      },
    });
  });

  test('instantiate requires exactly the required options', () => {
    const split = defineSplitter({
      name: 'kf',
      meta: { description: 'k-fold' },
      params: { nSplits: { kind: 'integer', min: 2, description: 'folds' }, shuffle: { kind: 'boolean', default: false, description: 's' } },
      create: () => ({ nSplits: () => 0, split: () => [] }),
    });
    type Opts = Parameters<typeof instantiate<'splitter', typeof split.params, ReturnType<typeof split.create>>>[1];
    expectTypeOf<NonNullable<Opts>>().toEqualTypeOf<{ nSplits: number; shuffle?: boolean }>();
    expectTypeOf<ResolvedOptions<typeof split.params>>().toEqualTypeOf<{ nSplits: number; shuffle: boolean }>();
    // @ts-expect-error: nSplits must be a number
    expect(() => instantiate(split, { nSplits: 'five' })).toThrow(/kf.nSplits must be an integer >= 2/);
  });
});
