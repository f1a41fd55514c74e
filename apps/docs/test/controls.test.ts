import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamsSpec } from '@lab/core';
import { adamDefinition, sgdDefinition } from '@lab/optimizers';
import { controlsFor, initialValues, parseList, positionToValue, valueToPosition, type SliderControl } from '../docs/.vitepress/theme/lib/controls';

const spec = {
  lr: { kind: 'number-or-schedule', default: 1e-3, min: 0, log: true, description: 'learning rate' },
  steps: { kind: 'integer', default: 10, min: 1, max: 50, description: 'steps' },
  mode: { kind: 'enum', values: ['a', 'b'], default: 'b', description: 'mode' },
  on: { kind: 'boolean', default: true, description: 'switch' },
  betas: { kind: 'numbers', default: [0.9, 0.999], length: 2, min: 0, max: 1, description: 'betas' },
  floor: { kind: 'number', optional: true, min: 0, max: 1, description: 'optional, no default' },
} as const satisfies ParamsSpec;

describe('controls from a params spec', () => {
  it('maps each kind to its control', () => {
    const c = controlsFor(spec);
    expect(c.map((x) => [x.name, x.type])).toEqual([
      ['lr', 'slider'],
      ['steps', 'slider'],
      ['mode', 'select'],
      ['on', 'checkbox'],
      ['betas', 'list'],
      ['floor', 'slider'],
    ]);
    const lr = c[0] as SliderControl;
    expect(lr.log).toBe(true);
    expect(lr.min).toBeGreaterThan(0);
    const steps = c[1] as SliderControl;
    expect([steps.integer, steps.min, steps.max, steps.positions]).toEqual([true, 1, 50, 49]);
    expect(c[5].unsettable).toBe(true);
    expect(c.find((x) => x.name === 'mode')).toMatchObject({ values: ['a', 'b'], fallback: 'b' });
  });

  it('fills defaults and leaves optional params without a default unset', () => {
    expect(initialValues(spec)).toEqual({ lr: 1e-3, steps: 10, mode: 'b', on: true, betas: [0.9, 0.999] });
    expect(initialValues(spec, { floor: 0.5 }).floor).toBe(0.5);
  });

  it('never shows a range wider than the spec allows', () => {
    const c = controlsFor(spec, { hints: { steps: { min: -5, max: 500 } } })[1] as SliderControl;
    expect([c.min, c.max]).toEqual([1, 50]);
  });

  it('every slider position gives a value the spec accepts, and positions round-trip', () => {
    for (const def of [adamDefinition, sgdDefinition]) {
      const sliders = controlsFor(def.params, { values: { lr: 0.01 } }).filter((c): c is SliderControl => c.type === 'slider');
      for (const c of sliders)
        fc.assert(
          fc.property(fc.integer({ min: 0, max: c.positions }), (pos) => {
            const v = positionToValue(c, pos);
            const p = (def.params as ParamsSpec)[c.name] as { min?: number; max?: number };
            if (p.min !== undefined) expect(v).toBeGreaterThanOrEqual(p.min);
            if (p.max !== undefined) expect(v).toBeLessThanOrEqual(p.max);
            expect(Math.abs(valueToPosition(c, v) - pos)).toBeLessThanOrEqual(1);
          }),
        );
    }
  });

  it('parses list fields strictly', () => {
    const betas = controlsFor(spec).find((c) => c.name === 'betas')!;
    if (betas.type !== 'list') throw new Error('not a list');
    expect(parseList('0.8, 0.99', betas)).toEqual([0.8, 0.99]);
    expect(parseList('0.8', betas)).toBeNull();
    expect(parseList('0.8, 2', betas)).toBeNull();
    expect(parseList('0.8, x', betas)).toBeNull();
  });
});
