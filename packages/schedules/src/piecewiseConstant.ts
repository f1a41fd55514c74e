import { defineSchedule, type Schedule } from '@lab/core';
import { count, fail, guardInt, num, steps } from './check';

export interface PiecewiseConstantOptions {
  /** Increasing integer steps b_1 < b_2 < ... at which the value changes. */
  boundaries: number[];
  /** Absolute values: `values[k]` holds from `boundaries[k-1]` (inclusive) to `boundaries[k]`; one more than boundaries. */
  values?: number[];
  /** α_0, the value before the first boundary (with `factors`). */
  initValue?: number;
  /** The lecture's β_m: at boundary b_m the value is multiplied by β_m (one per boundary). */
  factors?: number[];
}

/**
 * Piecewise constant schedule, in either of two forms:
 *
 * - the lecture's per-boundary factors: `α_t = α_0 · ∏_{m : b_m <= t} β_m` (`initValue` + `factors`,
 *   as optax `piecewise_constant_schedule(init_value, boundaries_and_scales)`);
 * - absolute values: `α_t = values[k]` with `k = #{m : b_m <= t}` (Keras `PiecewiseConstantDecay`,
 *   except that the value changes AT the boundary, as in optax and PyTorch, where Keras changes after it).
 *
 * Integer steps only. No defaults: boundaries and the values or factors are required.
 *
 * @example
 * const lr = piecewiseConstant({ boundaries: [30, 80], initValue: 0.1, factors: [0.1, 0.5] });
 * lr(29); // 0.1
 * lr(30); // 0.01 (0.1 · 0.1)
 * lr(80); // 0.005 (0.1 · 0.1 · 0.5)
 * piecewiseConstant({ boundaries: [30], values: [0.1, 0.02] })(30); // 0.02
 */
export function piecewiseConstant({ boundaries, values, initValue, factors }: PiecewiseConstantOptions): Schedule {
  steps('boundaries', boundaries);
  const n = boundaries.length;
  let levels: number[];
  if (values) {
    if (factors || initValue !== undefined) fail('values', values, 'unset with initValue or factors');
    if (values.length != n + 1) fail('values', values, `${n + 1} values`);
    levels = values.map((v, i) => num(`values[${i}]`, v));
  } else {
    if (!factors || factors.length != n) fail('factors', factors, `${n} factors, or values`);
    levels = [num('initValue', initValue)];
    factors!.forEach((f, i) => levels.push(levels[i] * num(`factors[${i}]`, f)));
  }
  return guardInt((t) => levels[count(boundaries, t)]);
}

/** {@link piecewiseConstant} as a definition. */
export const piecewiseConstantDefinition = /* @__PURE__ */ defineSchedule({
  name: 'piecewiseConstant',
  meta: { description: 'Constant between boundaries: absolute values, or factors β_m applied at each boundary' },
  params: {
    boundaries: { kind: 'numbers', min: 0, description: 'increasing steps where the value changes' },
    values: { kind: 'numbers', min: 0, optional: true, description: 'absolute values, one more than boundaries' },
    initValue: { kind: 'number', optional: true, description: 'value at step 0' },
    factors: { kind: 'numbers', min: 0, optional: true, description: 'factor β_m applied at each boundary' },
  },
  create: piecewiseConstant,
});
