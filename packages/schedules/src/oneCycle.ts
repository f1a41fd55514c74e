import { defineSchedule, type Schedule } from '@lab/core';
import { fail, guardInt, int, num, oneOf, pos } from './check';

interface CycleShape {
  /** Number of steps in the cycle (integer >= 1; PyTorch `total_steps`). */
  totalSteps: number;
  /** Fraction of the cycle spent increasing the learning rate (default 0.3). */
  pctStart?: number;
  /** 'cos' (default) or 'linear' annealing within each phase. */
  annealStrategy?: 'cos' | 'linear';
  /** Three phases (up, symmetric down, then annihilate) instead of two (default false). */
  threePhase?: boolean;
}

export interface OneCycleOptions extends CycleShape {
  /** Peak learning rate (PyTorch `max_lr`). */
  maxValue: number;
  /** Start value = maxValue / divFactor (default 25). */
  divFactor?: number;
  /** Final value = start value / finalDivFactor (default 1e4). */
  finalDivFactor?: number;
}

export interface OneCycleMomentumOptions extends CycleShape {
  /** Momentum at the learning-rate peak (default 0.85). */
  baseMomentum?: number;
  /** Momentum at the start and end (default 0.95). */
  maxMomentum?: number;
}

/** Phase schedule shared by the learning rate and the momentum: anneal between `points` over PyTorch's phase ends. */
function cycle({ totalSteps, pctStart = 0.3, annealStrategy = 'cos', threePhase = false }: CycleShape, points: number[]): Schedule {
  const T = int('totalSteps', totalSteps, 1);
  if (num('pctStart', pctStart, 0) > 1) fail('pctStart', pctStart, 'a fraction in [0, 1]');
  const linear = oneOf('annealStrategy', annealStrategy, ['cos', 'linear']);
  const ends = threePhase ? [pctStart * T - 1, 2 * pctStart * T - 2, T - 1] : [pctStart * T - 1, T - 1];
  const f = guardInt((t) => {
    if (t > T) fail('step', t, `<= totalSteps (${T})`);
    let i = 0;
    while (i < ends.length - 1 && t > ends[i]) i++;
    const start = i ? ends[i - 1] : 0;
    // torch divides by zero here (ZeroDivisionError): a phase that starts and ends at this step
    if (ends[i] === start) fail('pctStart', pctStart, `leaving phase ${i + 1} a step`);
    const pct = (t - start) / (ends[i] - start);
    const [a, b] = [points[i], points[i + 1]];
    return linear ? (b - a) * pct + a : b + ((a - b) / 2) * (Math.cos(Math.PI * pct) + 1);
  });
  f(0); // torch computes step 0 on construction, so an empty first phase fails here
  return f;
}

/**
 * One-cycle learning rate (PyTorch `OneCycleLR`), from `α_0 = maxValue / divFactor` up to
 * `maxValue` over the first `pctStart · totalSteps - 1` steps, then down to
 * `α_0 / finalDivFactor` at step `totalSteps - 1` (three-phase: back down to `α_0` at step
 * `2 · pctStart · totalSteps - 2`, then to the final value). Each phase anneals with
 * `cos`: `b + (a - b)/2 · (cos(π p) + 1)`, or `linear`: `(b - a) p + a`, where `p` is the fraction of the phase done.
 * Defaults: `pctStart = 0.3`, `annealStrategy = 'cos'`, `divFactor = 25`, `finalDivFactor = 1e4`,
 * `threePhase = false`. Integer steps only; like torch, step `totalSteps` extrapolates the last
 * phase and any later step throws InvalidArgumentError. Uses torch's expression order (matches it
 * to within a few ulps). Like torch, a `pctStart` that leaves a phase without steps is allowed (the
 * steps fall in the neighbouring phase, e.g. `pctStart: 0` starts annealing from `maxValue` at
 * once, and a three-phase `pctStart > 0.5` never reaches the third phase); a step whose phase
 * starts and ends at that step, where torch divides by zero, throws InvalidArgumentError (step 0
 * on construction).
 *
 * Reference: Smith & Topin, "Super-Convergence: Very Fast Training of Neural Networks Using Large
 * Learning Rates", 2017; PyTorch `OneCycleLR`.
 *
 * @example
 * const lr = oneCycle({ maxValue: 0.1, totalSteps: 100 });
 * lr(0); // 0.004
 * lr(29); // 0.1
 * lr(99); // 4e-7
 * lr(101); // throws InvalidArgumentError
 */
export function oneCycle(options: OneCycleOptions): Schedule {
  const { maxValue, divFactor = 25, finalDivFactor = 1e4 } = options;
  const init = num('maxValue', maxValue) / pos('divFactor', divFactor);
  const last = init / pos('finalDivFactor', finalDivFactor);
  return cycle(options, options.threePhase ? [init, maxValue, init, last] : [init, maxValue, last]);
}

/**
 * The momentum that goes with {@link oneCycle} (`cycle_momentum=True`; for Adam it is β1): from
 * `maxMomentum` down to `baseMomentum` while the rate rises, then back up to `maxMomentum`
 * (three-phase: and held there). Defaults: `baseMomentum = 0.85`, `maxMomentum = 0.95`, and the
 * cycle defaults of {@link oneCycle}.
 *
 * @example
 * const momentum = oneCycleMomentum({ totalSteps: 100 });
 * momentum(0); // 0.95
 * momentum(29); // 0.85
 */
export function oneCycleMomentum(options: OneCycleMomentumOptions): Schedule {
  const { baseMomentum = 0.85, maxMomentum = 0.95 } = options;
  num('baseMomentum', baseMomentum);
  num('maxMomentum', maxMomentum);
  return cycle(options, options.threePhase ? [maxMomentum, baseMomentum, maxMomentum, maxMomentum] : [maxMomentum, baseMomentum, maxMomentum]);
}

/** {@link oneCycle} as a definition. */
export const oneCycleDefinition = /* @__PURE__ */ defineSchedule({
  name: 'oneCycle',
  meta: { description: 'One cycle: warm up to maxValue, then anneal far below the start', paper: 'Smith & Topin, Super-Convergence, 2017' },
  params: {
    maxValue: { kind: 'number', description: 'peak value' },
    totalSteps: { kind: 'integer', min: 1, description: 'steps in the cycle' },
    pctStart: { kind: 'number', default: 0.3, min: 0, max: 1, description: 'fraction of the cycle spent rising' },
    annealStrategy: { kind: 'enum', values: ['cos', 'linear'], default: 'cos', description: 'annealing shape' },
    divFactor: { kind: 'number', default: 25, min: 0, exclusiveMin: true, description: 'start value = maxValue / divFactor' },
    finalDivFactor: { kind: 'number', default: 1e4, min: 0, exclusiveMin: true, description: 'final value = start value / finalDivFactor' },
    threePhase: { kind: 'boolean', default: false, description: 'three phases instead of two' },
  },
  create: oneCycle,
});
