import { defineSchedule, type Schedule } from '@lab/core';
import { fail, guard, num, pos } from './check';
import { initValue } from './params';

export interface CosineDecayOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** Length T > 0 of the half cosine (may be fractional, for epoch schedules). */
  decaySteps: number;
  /** Minimum as a fraction of initValue, >= 0 (default 0; above 1 the cosine rises). Exclusive with `minValue`. */
  alpha?: number;
  /** Minimum as an absolute value. Exclusive with `alpha`. */
  minValue?: number;
  /** When true the cosine continues past T (up again to α_0 at 2T, as PyTorch's `CosineAnnealingLR`); when false (default) the value holds at the minimum. */
  periodic?: boolean;
}

/**
 * Cosine decay: `α_t = α_min + (α_0 - α_min) · (1 + cos(π · τ / T)) / 2` with `τ = min(t, T)`
 * (`τ = t` when `periodic`), where `α_min = minValue`, or `alpha · α_0`. Default: `alpha = 0`,
 * `periodic = false`. Accepts fractional steps.
 *
 * Reference: Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017;
 * optax `cosine_decay_schedule`; PyTorch `CosineAnnealingLR` (= `minValue: eta_min, periodic: true`,
 * closed form; see `torch.cosineAnnealingLR` for its recursive sequence).
 *
 * @example
 * const lr = cosineDecay({ initValue: 0.1, decaySteps: 100, minValue: 0.001 });
 * lr(0); // 0.1
 * lr(50); // 0.0505
 * lr(100); // 0.001, and after
 */
export function cosineDecay({ initValue, decaySteps, alpha, minValue, periodic }: CosineDecayOptions): Schedule {
  num('initValue', initValue);
  pos('decaySteps', decaySteps);
  const lo =
    minValue === undefined
      ? initValue * num('alpha', alpha ?? 0, 0)
      : alpha === undefined
        ? num('minValue', minValue)
        : fail('alpha', alpha, 'unset with minValue');
  return guard((t) => lo + ((initValue - lo) * (1 + Math.cos((Math.PI * (periodic ? t : Math.min(t, decaySteps))) / decaySteps))) / 2);
}

/** {@link cosineDecay} as a definition. */
export const cosineDecayDefinition = /* @__PURE__ */ defineSchedule({
  name: 'cosineDecay',
  meta: { description: 'Half cosine from initValue down to a minimum', paper: 'Loshchilov & Hutter, SGDR: Stochastic Gradient Descent with Warm Restarts, ICLR 2017' },
  params: {
    initValue,
    decaySteps: { kind: 'number', min: 0, exclusiveMin: true, description: 'length of the half cosine' },
    alpha: { kind: 'number', optional: true, min: 0, description: 'minimum as a fraction of initValue' },
    minValue: { kind: 'number', optional: true, description: 'minimum as an absolute value' },
    periodic: { kind: 'boolean', default: false, description: 'continue the cosine past decaySteps (PyTorch CosineAnnealingLR)' },
  },
  create: cosineDecay,
});
