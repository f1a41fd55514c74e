import { defineSchedule, type Schedule } from '@lab/core';
import { fail, guardInt, int, num, oneOf, pos } from './check';

export interface TriangularCyclicOptions {
  /** Lower bound α_min of the first cycle. */
  minValue: number;
  /** Upper bound α_max of the first cycle (>= minValue). */
  maxValue: number;
  /** Half-cycle length s: steps from the lower to the upper bound (integer >= 1). */
  stepSize: number;
  /** δ in (0, 1]: both bounds are multiplied by δ after each cycle (default 1: no shrinking). */
  decay?: number;
}

/**
 * The lecture's triangular cyclic rate with bounds that shrink each cycle. With cycle
 * `c = ⌊t / 2s⌋` and `x = |t / s - 2c - 1|`:
 * `α_t = δ^c · (α_min + (α_max - α_min) · (1 - x))`, i.e. the rate climbs linearly from
 * `δ^c α_min` to `δ^c α_max` in `s` steps and back down in `s` steps. Default `decay = 1`.
 * Integer steps only.
 *
 * Reference: Smith, "Cyclical Learning Rates for Training Neural Networks", WACV 2017.
 * PyTorch's modes are {@link cyclic}.
 *
 * @example
 * const lr = triangularCyclic({ minValue: 0.001, maxValue: 0.01, stepSize: 5, decay: 0.5 });
 * lr(0); // 0.001
 * lr(5); // 0.01
 * lr(10); // 0.0005 (second cycle, bounds halved)
 * lr(15); // 0.005
 */
export function triangularCyclic({ minValue, maxValue, stepSize, decay = 1 }: TriangularCyclicOptions): Schedule {
  num('minValue', minValue);
  if (num('maxValue', maxValue) < minValue) fail('maxValue', maxValue, `>= minValue (${minValue})`);
  int('stepSize', stepSize, 1);
  if (pos('decay', decay) > 1) fail('decay', decay, 'in (0, 1]');
  return guardInt((t) => {
    const c = Math.floor(t / (2 * stepSize));
    return decay ** c * (minValue + (maxValue - minValue) * (1 - Math.abs(t / stepSize - 2 * c - 1)));
  });
}

export interface CyclicOptions {
  /** Lower bound (PyTorch `base_lr`). */
  baseValue: number;
  /** Upper bound (PyTorch `max_lr`); may be below baseValue (momentum cycles that way). */
  maxValue: number;
  /** Steps going up (PyTorch `step_size_up`, default 2000). */
  stepSizeUp?: number;
  /** Steps going down (default: stepSizeUp). */
  stepSizeDown?: number;
  /** 'triangular' (default), 'triangular2' (amplitude halves each cycle) or 'exp_range' (amplitude × γ^t). */
  mode?: 'triangular' | 'triangular2' | 'exp_range';
  /** γ of 'exp_range' (default 1). */
  gamma?: number;
}

/**
 * PyTorch's cyclical learning rate (`CyclicLR`), in its own closed form: with
 * `L = up + down`, cycle `c = ⌊1 + t/L⌋`, `x = 1 + t/L - c`, height `h = x / r` if `x <= r` else
 * `(x - 1) / (r - 1)` (`r = up / L`):
 * `α_t = base + (max - base) · h · scale`, `scale = 1` (triangular), `1 / 2^(c-1)` (triangular2),
 * `γ^t` (exp_range). Defaults: `stepSizeUp = 2000`, `stepSizeDown = stepSizeUp`,
 * `mode = 'triangular'`, `gamma = 1`. Integer steps only. Uses torch's own expression order, so it
 * matches torch to within a few ulps (V8's `**` may differ from glibc's `pow` in the last bit).
 *
 * Momentum cycling (`cycle_momentum=True`) is the same formula with the bounds swapped:
 * `cyclic({ baseValue: maxMomentum, maxValue: baseMomentum, ... })` gives torch's momentum (same operations).
 *
 * Reference: Smith, "Cyclical Learning Rates for Training Neural Networks", WACV 2017; PyTorch `CyclicLR`.
 *
 * @example
 * const lr = cyclic({ baseValue: 0.001, maxValue: 0.01, stepSizeUp: 10, mode: 'triangular2' });
 * lr(10); // 0.01
 * lr(30); // 0.0055 (second cycle, half amplitude)
 * const momentum = cyclic({ baseValue: 0.9, maxValue: 0.8, stepSizeUp: 10 });
 */
export function cyclic({ baseValue, maxValue, stepSizeUp = 2000, stepSizeDown, mode = 'triangular', gamma = 1 }: CyclicOptions): Schedule {
  num('baseValue', baseValue);
  num('maxValue', maxValue);
  const up = pos('stepSizeUp', stepSizeUp);
  const L = up + pos('stepSizeDown', stepSizeDown ?? up);
  const r = up / L;
  pos('gamma', gamma);
  const m = oneOf('mode', mode, ['triangular', 'triangular2', 'exp_range']);
  return guardInt((t) => {
    const c = Math.floor(1 + t / L);
    const x = 1 + t / L - c;
    return baseValue + (maxValue - baseValue) * (x <= r ? x / r : (x - 1) / (r - 1)) * (m == 0 ? 1 : m == 1 ? 1 / 2 ** (c - 1) : gamma ** t);
  });
}

/** {@link triangularCyclic} as a definition. */
export const triangularCyclicDefinition = /* @__PURE__ */ defineSchedule({
  name: 'triangularCyclic',
  meta: { description: 'Triangular cycles between bounds that shrink by decay each cycle', paper: 'Smith, Cyclical Learning Rates for Training Neural Networks, WACV 2017' },
  params: {
    minValue: { kind: 'number', description: 'lower bound of the first cycle' },
    maxValue: { kind: 'number', description: 'upper bound of the first cycle' },
    stepSize: { kind: 'integer', min: 1, description: 'half-cycle length' },
    decay: { kind: 'number', default: 1, min: 0, exclusiveMin: true, max: 1, description: 'factor applied to both bounds each cycle' },
  },
  create: triangularCyclic,
});

/** {@link cyclic} as a definition. */
export const cyclicDefinition = /* @__PURE__ */ defineSchedule({
  name: 'cyclic',
  meta: { description: "PyTorch CyclicLR: 'triangular', 'triangular2' or 'exp_range'", paper: 'Smith, Cyclical Learning Rates for Training Neural Networks, WACV 2017' },
  params: {
    baseValue: { kind: 'number', description: 'lower bound' },
    maxValue: { kind: 'number', description: 'upper bound' },
    stepSizeUp: { kind: 'number', default: 2000, min: 0, exclusiveMin: true, description: 'steps going up' },
    stepSizeDown: { kind: 'number', optional: true, min: 0, exclusiveMin: true, description: 'steps going down (default stepSizeUp)' },
    mode: { kind: 'enum', values: ['triangular', 'triangular2', 'exp_range'], default: 'triangular', description: 'amplitude scaling' },
    gamma: { kind: 'number', default: 1, min: 0, exclusiveMin: true, description: "γ of 'exp_range'" },
  },
  create: cyclic,
});
