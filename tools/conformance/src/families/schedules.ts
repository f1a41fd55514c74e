/**
 * torch.optim.lr_scheduler fixtures against @lab/schedules. Each chainable scheduler is checked twice:
 * the closed-form schedule (what new code uses) and the torch-compatible stepper from
 * `@lab/schedules/torch` (torch's own floating-point sequence). Both must match.
 */
import { isLabError, type Schedule } from '@lab/core';
import {
  cosineDecay,
  cyclic,
  exponentialDecay,
  join,
  linear,
  multiStep,
  oneCycle,
  oneCycleMomentum,
  piecewiseConstant,
  polynomialDecay,
  reduceOnPlateau,
  sgdr,
  stepDecay,
} from '@lab/schedules';
import * as torch from '@lab/schedules/torch';
import { close, num } from '../compare';
import type { FixtureCase, Handlers, Mismatch } from '../types';

type Kw = Record<string, unknown>;
const kw = (c: FixtureCase | { kwargs: Kw }): Kw => ('call' in c ? c.call.kwargs : c.kwargs);
const base = (c: FixtureCase) => num(c.base_lr);
const steps = (c: FixtureCase) => c.n_scheduler_steps as number;

/** lr_before_step[t] = schedule(t) for t < n, lr_after_last_step = schedule(n). */
function checkSchedule(c: FixtureCase, lr: Schedule, label = 'closed form'): Mismatch[] {
  const n = steps(c);
  const seq = Array.from({ length: n }, (_, t) => lr(t));
  return [...close(`${label} lr_before_step`, c.expected.lr_before_step, seq), ...close(`${label} lr_after_last_step`, c.expected.lr_after_last_step, lr(n))];
}

/** The torch protocol on a stepper: observe, step, n times; then observe once more. */
function checkStepper(c: FixtureCase, group: torch.ParamGroup, s: torch.LRScheduler, momentum = false): Mismatch[] {
  const lrs: number[] = [];
  const ms: number[] = [];
  for (let t = 0; t < steps(c); t++) {
    lrs.push(group.lr);
    ms.push(group.momentum!);
    s.step();
  }
  const out = [...close('torch lr_before_step', c.expected.lr_before_step, lrs), ...close('torch lr_after_last_step', c.expected.lr_after_last_step, group.lr)];
  if (momentum) out.push(...close('torch momentum_before_step', c.expected.momentum_before_step, ms), ...close('torch momentum_after_last_step', c.expected.momentum_after_last_step, group.momentum));
  return out;
}

/** Build a torch stepper from a nested `{ torch, kwargs }` call on a group. */
function stepper(call: { torch: string; kwargs: Kw }, group: torch.ParamGroup): torch.LRScheduler {
  const k = call.kwargs;
  switch (call.torch.split('.').pop()) {
    case 'StepLR':
      return torch.stepLR(group, { stepSize: k.step_size as number, gamma: k.gamma as number });
    case 'MultiStepLR':
      return torch.multiStepLR(group, { milestones: k.milestones as number[], gamma: k.gamma as number });
    case 'ExponentialLR':
      return torch.exponentialLR(group, { gamma: k.gamma as number });
    case 'CosineAnnealingLR':
      return torch.cosineAnnealingLR(group, { tMax: k.T_max as number, etaMin: k.eta_min as number });
    case 'LinearLR':
      return torch.linearLR(group, { startFactor: k.start_factor as number, endFactor: k.end_factor as number, totalIters: k.total_iters as number });
    case 'ConstantLR':
      return torch.constantLR(group, { factor: k.factor as number, totalIters: k.total_iters as number });
    case 'PolynomialLR':
      return torch.polynomialLR(group, { totalIters: k.total_iters as number, power: k.power as number });
    case 'CosineAnnealingWarmRestarts':
      return torch.cosineAnnealingWarmRestarts(group, { t0: k.T_0 as number, tMult: k.T_mult as number, etaMin: k.eta_min as number });
  }
  throw new Error(`no torch stepper for ${call.torch}`);
}

/** The closed-form schedule equivalent to a torch scheduler with base rate `b`. */
function closedForm(call: { torch: string; kwargs: Kw }, b: number): Schedule {
  const k = call.kwargs;
  switch (call.torch.split('.').pop()) {
    case 'StepLR':
      return stepDecay({ initValue: b, stepSize: k.step_size as number, gamma: k.gamma as number });
    case 'MultiStepLR':
      return multiStep({ initValue: b, milestones: k.milestones as number[], gamma: k.gamma as number });
    case 'ExponentialLR':
      return exponentialDecay({ initValue: b, decayRate: k.gamma as number });
    case 'CosineAnnealingLR':
      return cosineDecay({ initValue: b, decaySteps: k.T_max as number, minValue: k.eta_min as number, periodic: true });
    case 'LinearLR':
      return linear({ initValue: b * (k.start_factor as number), endValue: b * (k.end_factor as number), transitionSteps: k.total_iters as number });
    case 'ConstantLR':
      return piecewiseConstant({ boundaries: [k.total_iters as number], values: [b * (k.factor as number), b] });
    case 'PolynomialLR':
      return polynomialDecay({ initValue: b, decaySteps: k.total_iters as number, power: k.power as number });
    case 'CosineAnnealingWarmRestarts':
      return sgdr({ maxValue: b, minValue: k.eta_min as number, period: k.T_0 as number, periodMult: k.T_mult as number });
  }
  throw new Error(`no closed form for ${call.torch}`);
}

/** A chainable torch scheduler: check both the closed form and the torch stepper. */
const chainable = (c: FixtureCase): Mismatch[] => {
  const call = c.call as { torch: string; kwargs: Kw };
  const group = { lr: base(c) };
  return [...checkSchedule(c, closedForm(call, base(c))), ...checkStepper(c, group, stepper(call, group))];
};

const cyclicOptions = (k: Kw) => ({
  stepSizeUp: k.step_size_up as number,
  stepSizeDown: (k.step_size_down as number | null) ?? undefined,
  mode: k.mode as 'triangular' | 'triangular2' | 'exp_range',
  gamma: k.gamma as number,
});

export const handlers: Handlers = {
  'torch.optim.lr_scheduler.StepLR': chainable,
  'torch.optim.lr_scheduler.MultiStepLR': chainable,
  'torch.optim.lr_scheduler.ExponentialLR': chainable,
  'torch.optim.lr_scheduler.CosineAnnealingLR': chainable,
  'torch.optim.lr_scheduler.LinearLR': chainable,
  'torch.optim.lr_scheduler.ConstantLR': chainable,
  'torch.optim.lr_scheduler.PolynomialLR': chainable,
  'torch.optim.lr_scheduler.CosineAnnealingWarmRestarts': chainable,

  'torch.optim.lr_scheduler.CyclicLR': (c) => {
    const k = kw(c);
    if (k.scale_fn !== null) throw new Error('custom scale_fn is not representable in a fixture');
    const lr = cyclic({ baseValue: num(k.base_lr), maxValue: num(k.max_lr), ...cyclicOptions(k) });
    // Momentum cycles the other way: from max_momentum down to base_momentum.
    const momentum = k.cycle_momentum ? cyclic({ baseValue: num(k.max_momentum), maxValue: num(k.base_momentum), ...cyclicOptions(k) }) : undefined;
    const group: torch.ParamGroup = { lr: base(c) };
    const out = [...checkSchedule(c, lr), ...checkStepper(c, group, torch.fromSchedule(group, lr, momentum), !!momentum)];
    return out;
  },

  'torch.optim.lr_scheduler.OneCycleLR': (c) => {
    const k = kw(c);
    if (k.total_steps === null) throw new Error('fixture without total_steps');
    const shape = {
      totalSteps: k.total_steps as number,
      pctStart: k.pct_start as number,
      annealStrategy: k.anneal_strategy as 'cos' | 'linear',
      threePhase: k.three_phase as boolean,
    };
    const lr = oneCycle({ maxValue: num(k.max_lr), divFactor: num(k.div_factor), finalDivFactor: num(k.final_div_factor), ...shape });
    const momentum = k.cycle_momentum ? oneCycleMomentum({ baseMomentum: num(k.base_momentum), maxMomentum: num(k.max_momentum), ...shape }) : undefined;
    const group: torch.ParamGroup = { lr: base(c) };
    const s = torch.fromSchedule(group, lr, momentum);
    const out = [...checkSchedule(c, lr), ...checkStepper(c, group, s, !!momentum)];
    // One more step past total_steps must fail as torch's ValueError does: with a lab error.
    const more = c.expected.one_more_step as { error?: string } | undefined;
    if (more?.error) {
      let threw = false;
      try {
        s.step();
      } catch (e) {
        threw = isLabError(e);
      }
      if (!threw) out.push({ field: 'one_more_step', expected: `a lab error (${more.error})`, got: 'no lab error' });
    }
    return out;
  },

  'torch.optim.lr_scheduler.SequentialLR': (c) => {
    const k = kw(c);
    const calls = k.schedulers as { torch: string; kwargs: Kw }[];
    const milestones = k.milestones as number[];
    const group: torch.ParamGroup = { lr: base(c) };
    const children = calls.map((call) => stepper(call, group));
    const closed = join(
      calls.map((call) => closedForm(call, base(c))),
      milestones,
    );
    return [...checkSchedule(c, closed), ...checkStepper(c, group, torch.sequentialLR(group, children, milestones))];
  },

  'torch.optim.lr_scheduler.ReduceLROnPlateau': (c) => {
    const k = kw(c);
    const plateau = reduceOnPlateau({
      mode: k.mode as 'min' | 'max',
      factor: num(k.factor),
      patience: k.patience as number,
      threshold: num(k.threshold),
      thresholdMode: k.threshold_mode as 'rel' | 'abs',
      cooldown: k.cooldown as number,
      minLr: num(k.min_lr),
      eps: num(k.eps),
    });
    const metrics = (c.metrics as unknown[]).map(num);
    let state = plateau.init(base(c));
    const lrs: number[] = [];
    for (let t = 0; t < steps(c); t++) {
      lrs.push(state.lr);
      state = plateau.step(state, metrics[t]);
    }
    return [...close('lr_before_step', c.expected.lr_before_step, lrs), ...close('lr_after_last_step', c.expected.lr_after_last_step, state.lr)];
  },
};
