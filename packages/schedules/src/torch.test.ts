import { describe, expect, test } from 'vitest';
import { casesOf, type TorchCase } from '../test/fixtures';
import { rejects } from '../test/helpers';

/**
 * torch runs on glibc's libm, V8 on its fdlibm port: Math.cos and ** may differ from Python's
 * math.cos / pow in the last bit (1 ulp), and a chained recursion carries such a bit forward.
 * So "exact" here means within a few ulps: |got - want| <= 8 · 2^-52 · |want|.
 */
function ulpClose(got: (number | undefined)[], want: number[]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    if (Math.abs(g! - want[i]) > 8 * Number.EPSILON * Math.abs(want[i])) expect.fail(`[${i}]: expected ${want[i]}, got ${g}`);
  });
}

import { cyclic } from './cyclic';
import { oneCycle, oneCycleMomentum } from './oneCycle';
import * as torch from './torch';

type Kw = Record<string, number>;
const make: Record<string, (g: torch.ParamGroup, k: Kw) => torch.LRScheduler> = {
  StepLR: (g, k) => torch.stepLR(g, { stepSize: k.step_size, gamma: k.gamma }),
  MultiStepLR: (g, k) => torch.multiStepLR(g, { milestones: k.milestones as unknown as number[], gamma: k.gamma }),
  ExponentialLR: (g, k) => torch.exponentialLR(g, { gamma: k.gamma }),
  CosineAnnealingLR: (g, k) => torch.cosineAnnealingLR(g, { tMax: k.T_max, etaMin: k.eta_min }),
  LinearLR: (g, k) => torch.linearLR(g, { startFactor: k.start_factor, endFactor: k.end_factor, totalIters: k.total_iters }),
  ConstantLR: (g, k) => torch.constantLR(g, { factor: k.factor, totalIters: k.total_iters }),
  PolynomialLR: (g, k) => torch.polynomialLR(g, { totalIters: k.total_iters, power: k.power }),
  CosineAnnealingWarmRestarts: (g, k) => torch.cosineAnnealingWarmRestarts(g, { t0: k.T_0, tMult: k.T_mult, etaMin: k.eta_min }),
};

/** Run the torch protocol and return the observed lr (and momentum) sequences. */
function observe(c: TorchCase, group: torch.ParamGroup, s: torch.LRScheduler) {
  const lr: number[] = [];
  const momentum: (number | undefined)[] = [];
  for (let t = 0; t < c.n_scheduler_steps; t++) {
    lr.push(group.lr);
    momentum.push(group.momentum);
    s.step();
  }
  return { lr, momentum, lastLr: group.lr, lastMomentum: group.momentum };
}

describe('torch steppers reproduce the PyTorch 1.13 fixtures bit for bit', () => {
  for (const name of Object.keys(make)) {
    for (const c of casesOf(name)) {
      test(c.id, () => {
        const group = { lr: c.base_lr };
        const got = observe(c, group, make[name](group, c.call.kwargs as Kw));
        ulpClose(got.lr, c.expected.lr_before_step);
        ulpClose([got.lastLr], [c.expected.lr_after_last_step]);
      });
    }
  }

  for (const c of casesOf('SequentialLR')) {
    test(c.id, () => {
      const k = c.call.kwargs as { schedulers: { torch: string; kwargs: Kw }[]; milestones: number[] };
      const group = { lr: c.base_lr };
      const children = k.schedulers.map((s) => make[s.torch.split('.').pop()!](group, s.kwargs));
      const got = observe(c, group, torch.sequentialLR(group, children, k.milestones));
      ulpClose(got.lr, c.expected.lr_before_step);
      ulpClose([got.lastLr], [c.expected.lr_after_last_step]);
    });
  }

  for (const c of casesOf('CyclicLR')) {
    test(`${c.id} (closed form, momentum swapped bounds)`, () => {
      const k = c.call.kwargs as Record<string, never>;
      const shape = { stepSizeUp: k.step_size_up, stepSizeDown: k.step_size_down ?? undefined, mode: k.mode, gamma: k.gamma };
      const group: torch.ParamGroup = { lr: c.base_lr };
      const momentum = k.cycle_momentum ? cyclic({ baseValue: k.max_momentum, maxValue: k.base_momentum, ...shape }) : undefined;
      const got = observe(c, group, torch.fromSchedule(group, cyclic({ baseValue: k.base_lr, maxValue: k.max_lr, ...shape }), momentum));
      ulpClose(got.lr, c.expected.lr_before_step);
      ulpClose([got.lastLr], [c.expected.lr_after_last_step]);
      if (momentum) {
        ulpClose(got.momentum, c.expected.momentum_before_step!);
        ulpClose([got.lastMomentum], [c.expected.momentum_after_last_step!]);
      }
    });
  }

  for (const c of casesOf('OneCycleLR')) {
    test(`${c.id} (closed form), error one step past total_steps`, () => {
      const k = c.call.kwargs as Record<string, never>;
      const shape = { totalSteps: k.total_steps, pctStart: k.pct_start, annealStrategy: k.anneal_strategy, threePhase: k.three_phase };
      const group: torch.ParamGroup = { lr: c.base_lr };
      const lr = oneCycle({ maxValue: k.max_lr, divFactor: k.div_factor, finalDivFactor: k.final_div_factor, ...shape });
      const momentum = k.cycle_momentum ? oneCycleMomentum({ baseMomentum: k.base_momentum, maxMomentum: k.max_momentum, ...shape }) : undefined;
      const s = torch.fromSchedule(group, lr, momentum);
      const got = observe(c, group, s);
      ulpClose(got.lr, c.expected.lr_before_step);
      ulpClose([got.lastLr], [c.expected.lr_after_last_step]);
      if (momentum) {
        ulpClose(got.momentum, c.expected.momentum_before_step!);
        ulpClose([got.lastMomentum], [c.expected.momentum_after_last_step!]);
      }
      expect(c.expected.one_more_step?.error).toBe('stepped past total_steps');
      rejects(() => s.step(), 'step');
      expect(group.lr).toBe(c.expected.lr_after_last_step); // nothing written by the failed step
    });
  }
});

describe('torch steppers: explicit epochs and validation', () => {
  test('CosineAnnealingWarmRestarts with fractional epochs follows torch 1.13', () => {
    // Recorded with /usr/bin/python3, torch 1.13: T_0=5, T_mult=2, eta_min=0.001, lr=0.1,
    // scheduler.step(e) for e in [0.5, 4.9, 5, 7.5, 14.99, 15, 40.25]
    const group = { lr: 0.1 };
    const s = torch.cosineAnnealingWarmRestarts(group, { t0: 5, tMult: 2, etaMin: 0.001 });
    const got = [0.5, 4.9, 5, 7.5, 14.99, 15, 40.25].map((e) => (s.step(e), group.lr));
    ulpClose(got, TORCH_CAWR_FRACTIONAL);
    expect(s.lastEpoch).toBe(40);
  });
  test('StepLR.step(epoch) uses the closed form', () => {
    const group = { lr: 1 };
    const s = torch.stepLR(group, { stepSize: 2, gamma: 0.5 });
    s.step(5);
    expect(group.lr).toBe(0.25);
  });
  test('bad hyper-parameters are rejected naming them', () => {
    rejects(() => torch.stepLR({ lr: 1 }, { stepSize: 0 }), 'stepSize');
    rejects(() => torch.constantLR({ lr: 1 }, { factor: 2 }), 'factor');
    rejects(() => torch.linearLR({ lr: 1 }, { startFactor: 0 }), 'startFactor');
    rejects(() => torch.cosineAnnealingLR({ lr: 1 }, { tMax: 0 }), 'tMax');
    rejects(() => torch.cosineAnnealingWarmRestarts({ lr: 1 }, { t0: 5, tMult: 1.5 }), 'tMult');
    rejects(() => torch.exponentialLR({ lr: NaN }, { gamma: 0.5 }), 'group.lr');
    const g = { lr: 1 };
    rejects(() => torch.sequentialLR(g, [torch.exponentialLR(g, { gamma: 0.5 })], [3]), 'milestones');
  });
});

const TORCH_CAWR_FRACTIONAL = [0.09757729755661011, 0.0010976769428005578, 0.1, 0.0855017856687341, 0.0010002442725080185, 0.1, 0.09585130387729825];
