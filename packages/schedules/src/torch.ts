/**
 * `@lab/schedules/torch`: PyTorch-compatible steppers, `torch.optim.lr_scheduler` classes reproduced
 * step for step with torch's own recursions and expression order. They are stateful objects that write `group.lr` (and `group.momentum`), as torch
 * writes `optimizer.param_groups[0]`.
 *
 * Why both: torch's "chainable" schedulers compute the next rate from the current one
 * (`lr ← lr · γ`), while this package's schedules are closed forms (`α_0 · γ^t`). Both agree to
 * ~1e-15 relative, but not always to the last bit. Use the closed forms (resumable, plottable) in
 * new code; use these to reproduce a torch run's sequence. The remaining difference is the math
 * library: V8's Math.cos and `**` may differ from glibc's by 1 ulp, so results agree with the
 * recorded torch 1.13 fixtures to within 8 ulps.
 *
 * Protocol, as in torch: create (this performs torch's initial step), then
 * `for (...) { use group.lr; scheduler.step(); }`.
 */
import type { Schedule } from '@lab/core';
import { count, fail, int, num, pos, steps } from './check';

/** The part of an optimizer parameter group a scheduler reads and writes. */
export interface ParamGroup {
  /** The current learning rate; schedulers write it. */
  lr: number;
  /** The base rate, set from `lr` by the first scheduler created on the group (torch's `initial_lr`). */
  initialLr?: number;
  /** The current momentum (or Adam's β1), written when momentum is cycled. */
  momentum?: number;
}

/** A torch-style scheduler: `step()` advances by one; `step(epoch)` jumps to an epoch (closed form). */
export interface LRScheduler {
  readonly group: ParamGroup;
  /** torch's `last_epoch`: 0 right after creation. */
  lastEpoch: number;
  /** torch's `_step_count`. */
  stepCount: number;
  step(epoch?: number): void;
}

type Rule = (lr: number, t: number, base: number, stepCount: number) => number;

/** A chainable scheduler: `rule` computes the next lr from the current one, `closed` the lr at an explicit epoch. */
function chainable(group: ParamGroup, rule: Rule, closed: (t: number, base: number) => number): LRScheduler {
  const base = (group.initialLr ??= num('group.lr', group?.lr));
  const s: LRScheduler = {
    group,
    lastEpoch: -1,
    stepCount: 0,
    step(epoch) {
      s.stepCount++;
      if (epoch === undefined) group.lr = rule(group.lr, ++s.lastEpoch, base, s.stepCount);
      else group.lr = closed((s.lastEpoch = num('epoch', epoch, 0)), base);
    },
  };
  s.step();
  return s;
}

/** Python's `%` (result has the sign of the divisor). */
const mod = (a: number, m: number) => ((a % m) + m) % m;

/** `StepLR(step_size, gamma=0.1)`: `lr ← lr · γ` every `stepSize` steps. */
export function stepLR(group: ParamGroup, { stepSize, gamma = 0.1 }: { stepSize: number; gamma?: number }): LRScheduler {
  int('stepSize', stepSize, 1);
  pos('gamma', gamma);
  return chainable(group, (lr, t) => (t == 0 || t % stepSize ? lr : lr * gamma), (t, b) => b * gamma ** Math.floor(t / stepSize));
}

/** `MultiStepLR(milestones, gamma=0.1)`: `lr ← lr · γ^(times t is a milestone)`. */
export function multiStepLR(group: ParamGroup, { milestones, gamma = 0.1 }: { milestones: number[]; gamma?: number }): LRScheduler {
  const sorted = [...steps('milestones', milestones, false)].sort((a, b) => a - b);
  pos('gamma', gamma);
  return chainable(
    group,
    (lr, t) => {
      const k = sorted.filter((m) => m == t).length;
      return k ? lr * gamma ** k : lr;
    },
    (t, b) => b * gamma ** count(sorted, t),
  );
}

/** `ExponentialLR(gamma)`: `lr ← lr · γ` every step. */
export function exponentialLR(group: ParamGroup, { gamma }: { gamma: number }): LRScheduler {
  pos('gamma', gamma);
  return chainable(group, (lr, t) => (t == 0 ? lr : lr * gamma), (t, b) => b * gamma ** t);
}

/** `ConstantLR(factor=1/3, total_iters=5)`: `lr · factor` until step `totalIters`, then `lr`. */
export function constantLR(group: ParamGroup, { factor = 1 / 3, totalIters = 5 }: { factor?: number; totalIters?: number } = {}): LRScheduler {
  if (num('factor', factor, 0) > 1) fail('factor', factor, 'in [0, 1]');
  int('totalIters', totalIters);
  return chainable(
    group,
    (lr, t) => (t == 0 ? lr * factor : t != totalIters ? lr : lr * (1 / factor)),
    (t, b) => b * (factor + +(t >= totalIters) * (1 - factor)),
  );
}

/** `LinearLR(start_factor=1/3, end_factor=1, total_iters=5)`: factor moves linearly from start to end over `totalIters` steps. */
export function linearLR(
  group: ParamGroup,
  { startFactor = 1 / 3, endFactor = 1, totalIters = 5 }: { startFactor?: number; endFactor?: number; totalIters?: number } = {},
): LRScheduler {
  if (pos('startFactor', startFactor) > 1) fail('startFactor', startFactor, 'in (0, 1]');
  if (num('endFactor', endFactor, 0) > 1) fail('endFactor', endFactor, 'in [0, 1]');
  int('totalIters', totalIters, 1);
  const d = endFactor - startFactor;
  return chainable(
    group,
    (lr, t) => (t == 0 ? lr * startFactor : t > totalIters ? lr : lr * (1 + d / (totalIters * startFactor + (t - 1) * d))),
    (t, b) => b * (startFactor + (d * Math.min(totalIters, t)) / totalIters),
  );
}

/** `PolynomialLR(total_iters=5, power=1)`: `base · (1 - t / totalIters)^power`, computed as torch's ratio chain. */
export function polynomialLR(group: ParamGroup, { totalIters = 5, power = 1 }: { totalIters?: number; power?: number } = {}): LRScheduler {
  int('totalIters', totalIters, 1);
  pos('power', power);
  return chainable(
    group,
    (lr, t) => (t == 0 || t > totalIters ? lr : lr * ((1 - t / totalIters) / (1 - (t - 1) / totalIters)) ** power),
    (t, b) => b * (1 - Math.min(totalIters, t) / totalIters) ** power,
  );
}

/**
 * `CosineAnnealingLR(T_max, eta_min=0)` with torch's recursive update (including its continuation
 * past `T_max` as a cosine of period `2 T_max`).
 */
export function cosineAnnealingLR(group: ParamGroup, { tMax, etaMin = 0 }: { tMax: number; etaMin?: number }): LRScheduler {
  pos('tMax', tMax);
  num('etaMin', etaMin);
  const closed = (t: number, b: number) => etaMin + ((b - etaMin) * (1 + Math.cos((t * Math.PI) / tMax))) / 2;
  return chainable(
    group,
    (lr, t, b, n) =>
      t == 0
        ? lr
        : n == 1 && t > 0
          ? closed(t, b)
          : mod(t - 1 - tMax, 2 * tMax) == 0
            ? lr + ((b - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2
            : ((1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax))) * (lr - etaMin) + etaMin,
    closed,
  );
}

/**
 * `CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)`, including torch's handling of an explicit,
 * possibly fractional epoch `step(epoch)` (its logarithm formula for the period).
 */
export function cosineAnnealingWarmRestarts(group: ParamGroup, { t0, tMult = 1, etaMin = 0 }: { t0: number; tMult?: number; etaMin?: number }): LRScheduler {
  int('t0', t0, 1);
  int('tMult', tMult, 1);
  num('etaMin', etaMin);
  const base = (group.initialLr ??= num('group.lr', group?.lr));
  let tCur = -1;
  let tI = t0;
  const s: LRScheduler = {
    group,
    lastEpoch: -1,
    stepCount: 0,
    step(epoch) {
      s.stepCount++;
      if (epoch === undefined && s.lastEpoch < 0) epoch = 0;
      if (epoch === undefined) {
        epoch = s.lastEpoch + 1;
        if (++tCur >= tI) {
          tCur -= tI;
          tI *= tMult;
        }
      } else if (num('epoch', epoch, 0) >= t0) {
        if (tMult == 1) tCur = epoch % t0;
        else {
          const n = Math.trunc(Math.log((epoch / t0) * (tMult - 1) + 1) / Math.log(tMult));
          tCur = epoch - (t0 * (tMult ** n - 1)) / (tMult - 1);
          tI = t0 * tMult ** n;
        }
      } else {
        tI = t0;
        tCur = epoch;
      }
      s.lastEpoch = Math.floor(epoch);
      group.lr = etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
    },
  };
  s.step();
  return s;
}

/**
 * `SequentialLR(schedulers, milestones)`: runs `schedulers[i]` between milestones; at a milestone the
 * next scheduler restarts with `step(0)`, as torch 1.13 does. The schedulers must be created on
 * `group`, in order, just before this call.
 */
export function sequentialLR(group: ParamGroup, schedulers: LRScheduler[], milestones: number[]): LRScheduler {
  if (!Array.isArray(schedulers) || !schedulers.length || schedulers.some((x) => x?.group !== group))
    fail('schedulers', schedulers, 'a non-empty list of schedulers created on this group');
  if (steps('milestones', milestones, false).length != schedulers.length - 1)
    fail('milestones', milestones, `${schedulers.length - 1} milestones (one fewer than schedulers)`);
  group.lr = group.initialLr!;
  for (const x of schedulers) x.lastEpoch--;
  schedulers[0].stepCount = 0;
  schedulers[0].step();
  const s: LRScheduler = {
    group,
    lastEpoch: 0,
    stepCount: 1,
    step() {
      s.stepCount++;
      const i = count(milestones, ++s.lastEpoch);
      if (i && milestones[i - 1] == s.lastEpoch) schedulers[i].step(0);
      else schedulers[i].step();
    },
  };
  return s;
}

/**
 * A torch-style stepper over closed-form schedules, for the torch schedulers that are closed forms
 * themselves (`CyclicLR`, `OneCycleLR`): `group.lr = lr(lastEpoch)` and, when given,
 * `group.momentum = momentum(lastEpoch)`. `OneCycleLR`'s error when stepped past `total_steps`
 * comes from {@link oneCycle}.
 *
 * @example
 * const group = { lr: 0.1 };
 * const s = fromSchedule(group, oneCycle({ maxValue: 0.1, totalSteps: 100 }), oneCycleMomentum({ totalSteps: 100 }));
 */
export function fromSchedule(group: ParamGroup, lr: Schedule, momentum?: Schedule): LRScheduler {
  const s: LRScheduler = {
    group,
    lastEpoch: -1,
    stepCount: 0,
    step(epoch) {
      s.stepCount++;
      const t = epoch ?? s.lastEpoch + 1;
      const [a, m] = [lr(t), momentum?.(t)];
      s.lastEpoch = t;
      group.lr = a;
      if (momentum) group.momentum = m;
    },
  };
  s.step();
  return s;
}
