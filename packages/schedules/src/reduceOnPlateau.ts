import { NonFiniteError } from '@lab/core';
import { fail, int, num, oneOf } from './check';

export interface ReduceOnPlateauOptions {
  /** 'min' (default): a lower metric is better (a loss); 'max': higher is better (an accuracy). */
  mode?: 'min' | 'max';
  /** New rate = rate · factor, in [0, 1) (default 0.1). */
  factor?: number;
  /** Number of steps without improvement tolerated before reducing (integer >= 0, default 10). */
  patience?: number;
  /** Smallest change that counts as an improvement (default 1e-4). */
  threshold?: number;
  /** 'rel' (default): better than best · (1 ∓ threshold); 'abs': better than best ∓ threshold. */
  thresholdMode?: 'rel' | 'abs';
  /** Steps to wait after a reduction before counting bad steps again (integer >= 0, default 0). */
  cooldown?: number;
  /** The rate never goes below it (default 0). */
  minLr?: number;
  /** A reduction smaller than eps is skipped (default 1e-8). */
  eps?: number;
}

/** The plain, JSON-safe state of {@link reduceOnPlateau}. `best` is null until the first metric. */
export interface PlateauState {
  readonly lr: number;
  readonly best: number | null;
  readonly badSteps: number;
  readonly cooldownLeft: number;
  /** Metrics seen so far. */
  readonly step: number;
}

/** What {@link reduceOnPlateau} returns: a pure init / step pair. */
export interface PlateauScheduler {
  /** The state before any metric, with the starting rate. */
  init(lr: number): PlateauState;
  /** The state after observing one metric (say, a validation loss once per epoch); the input is not changed. */
  step(state: PlateauState, metric: number): PlateauState;
}

/**
 * Reduce the learning rate when a metric stops improving: the one stateful adapter, as a pure
 * `init` / `step` pair over plain serialisable state. A metric is an improvement when it is better
 * than the best so far by more than the threshold (`min`/`rel`: `m < best · (1 - threshold)`,
 * `min`/`abs`: `m < best - threshold`, and mirrored for `max`). After more than `patience`
 * steps without improvement, `lr ← max(lr · factor, minLr)` (skipped if the change is `<= eps`)
 * and `cooldown` steps follow in which bad steps are not counted.
 *
 * Defaults (as PyTorch): `mode = 'min'`, `factor = 0.1`, `patience = 10`, `threshold = 1e-4`,
 * `thresholdMode = 'rel'`, `cooldown = 0`, `minLr = 0`, `eps = 1e-8`. Unlike PyTorch, a NaN or
 * infinite metric is an error (NonFiniteError), not a silent bad step.
 *
 * Reference: PyTorch `ReduceLROnPlateau`; Keras `ReduceLROnPlateau`.
 *
 * @example
 * const plateau = reduceOnPlateau({ patience: 2, factor: 0.5 });
 * let state = plateau.init(0.1);
 * for (const loss of [1, 0.9, 0.9, 0.9, 0.9]) state = plateau.step(state, loss);
 * state.lr; // 0.05: three steps without improvement
 * JSON.parse(JSON.stringify(state)); // a checkpointable copy
 */
export function reduceOnPlateau({
  mode = 'min',
  factor = 0.1,
  patience = 10,
  threshold = 1e-4,
  thresholdMode = 'rel',
  cooldown = 0,
  minLr = 0,
  eps = 1e-8,
}: ReduceOnPlateauOptions = {}): PlateauScheduler {
  const sign = 1 - 2 * oneOf('mode', mode, ['min', 'max']);
  const abs = oneOf('thresholdMode', thresholdMode, ['rel', 'abs']);
  if (num('factor', factor, 0) >= 1) fail('factor', factor, 'in [0, 1)');
  int('patience', patience);
  num('threshold', threshold, 0);
  int('cooldown', cooldown);
  num('minLr', minLr, 0);
  num('eps', eps, 0);
  const better = (m: number, best: number | null) =>
    best === null || (abs ? sign * m < sign * best - threshold : sign * m < sign * best * (1 - sign * threshold));
  return {
    init: (lr) => ({ lr: num('lr', lr, 0), best: null, badSteps: 0, cooldownLeft: 0, step: 0 }),
    step(state, metric) {
      if (typeof metric != 'number' || !Number.isFinite(metric)) throw new NonFiniteError('metric', metric);
      let { lr, best, badSteps, cooldownLeft } = state;
      if (better(metric, best)) {
        best = metric;
        badSteps = 0;
      } else badSteps++;
      if (cooldownLeft > 0) {
        cooldownLeft--;
        badSteps = 0;
      }
      if (badSteps > patience) {
        const next = Math.max(lr * factor, minLr);
        if (lr - next > eps) lr = next;
        cooldownLeft = cooldown;
        badSteps = 0;
      }
      return { lr, best, badSteps, cooldownLeft, step: state.step + 1 };
    },
  };
}
