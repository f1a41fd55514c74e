import { defineSchedule, type Schedule } from '@lab/core';
import { fail, guard, int, num, pos } from './check';

export interface SgdrOptions {
  /** Peak α_max of the first period. */
  maxValue: number;
  /** Floor α_min (default 0). */
  minValue?: number;
  /** First period T_0 (integer >= 1; PyTorch `T_0`). */
  period: number;
  /** Growth k >= 1 of the periods, T_m = k · T_{m-1}; integer or real (default 1; PyTorch `T_mult`). */
  periodMult?: number;
  /** Factor d in (0, 1] applied to the peak at each restart, peak_m = α_max · d^m (default 1). */
  peakDecay?: number;
}

/**
 * SGDR, cosine annealing with warm restarts. Period m lasts `T_m = T_0 · k^m` steps and starts at
 * `S_m = T_0 + T_1 + ... + T_{m-1}`; for `S_m <= t < S_m + T_m`:
 * `α_t = α_min + (α_max · d^m - α_min) · (1 + cos(π (t - S_m) / T_m)) / 2`.
 * Defaults: `minValue = 0`, `periodMult = 1`, `peakDecay = 1`. Accepts fractional steps (epochs),
 * as PyTorch does. With integer `periodMult` and `peakDecay = 1` this reproduces PyTorch's
 * `CosineAnnealingWarmRestarts` stepped once per step, to within a few ulps (`torch.cosineAnnealingWarmRestarts`
 * also reproduces torch's own formula for fractional epochs).
 *
 * Reference: Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017.
 *
 * @example
 * const lr = sgdr({ maxValue: 0.1, period: 10, periodMult: 2, peakDecay: 0.5 });
 * lr(0); // 0.1
 * lr(10); // 0.05 (restart, period 20)
 * lr(30); // 0.025 (restart, period 40)
 */
export function sgdr({ maxValue, minValue = 0, period, periodMult = 1, peakDecay = 1 }: SgdrOptions): Schedule {
  num('maxValue', maxValue);
  num('minValue', minValue);
  int('period', period, 1);
  num('periodMult', periodMult, 1);
  if (pos('peakDecay', peakDecay) > 1) fail('peakDecay', peakDecay, 'in (0, 1]');
  return guard((t) => {
    let m = 0;
    let start = 0;
    let T = period;
    if (periodMult == 1) {
      m = Math.floor(t / period);
      start = m * period;
    } else
      while (t >= start + T) {
        start += T;
        T *= periodMult;
        m++;
      }
    return minValue + (maxValue * peakDecay ** m - minValue) * (1 + Math.cos((Math.PI * (t - start)) / T)) / 2;
  });
}

/** Alias of {@link sgdr} (PyTorch's and Keras' name). */
export const cosineWarmRestarts = sgdr;

/** {@link sgdr} as a definition. */
export const sgdrDefinition = /* @__PURE__ */ defineSchedule({
  name: 'sgdr',
  meta: { description: 'Cosine annealing with warm restarts, growing periods and decaying peaks', paper: 'Loshchilov & Hutter, SGDR: Stochastic Gradient Descent with Warm Restarts, ICLR 2017' },
  params: {
    maxValue: { kind: 'number', description: 'peak of the first period' },
    minValue: { kind: 'number', default: 0, description: 'floor' },
    period: { kind: 'integer', min: 1, description: 'first period T0' },
    periodMult: { kind: 'number', default: 1, min: 1, description: 'growth k of the periods, T_m = k·T_{m−1}' },
    peakDecay: { kind: 'number', default: 1, min: 0, exclusiveMin: true, max: 1, description: 'factor applied to the peak at each restart' },
  },
  create: sgdr,
});
