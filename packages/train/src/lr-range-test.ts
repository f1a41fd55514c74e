import { InvalidArgumentError, isLabError } from '@lab/core';
import { createSession } from './session';
import type { FitOptions } from './types';

/** Options of {@link lrRangeTest}. */
export interface LrRangeTestOptions extends Omit<FitOptions, 'schedule' | 'lr' | 'epochs' | 'iterations' | 'validation' | 'earlyStopping' | 'checkpoint' | 'resume' | 'metrics'> {
  /** First learning rate. Default 1e-7. */
  readonly minLr?: number;
  /** Last learning rate. Default 10. */
  readonly maxLr?: number;
  /** Number of steps (learning rates). Default 100. */
  readonly steps?: number;
  /** Smoothing factor β of the exponential moving average of the loss (bias-corrected). Default 0.98. */
  readonly beta?: number;
  /** Stop when the smoothed loss exceeds this multiple of the best smoothed loss. Default 4. */
  readonly divergeFactor?: number;
}

/** What {@link lrRangeTest} returns. */
export interface LrRangeTestResult {
  /** The learning rate of each step taken. */
  readonly lrs: number[];
  /** The batch loss of each step. */
  readonly losses: number[];
  /** The bias-corrected exponential moving average of the losses. */
  readonly smoothed: number[];
  /** Where the smoothed loss falls fastest (steepest negative slope in log lr): the suggested rate. */
  readonly suggestedLr: number;
  /** The rate at the minimum of the smoothed loss (a common rule: use about a tenth of it). */
  readonly minLossLr: number;
  /** True when the sweep stopped early on divergence (or a non-finite loss). */
  readonly diverged: boolean;
}

/**
 * The learning-rate range test (L. N. Smith, "Cyclical Learning Rates for Training Neural Networks",
 * WACV 2017; the fastai `lr_find` form): train for `steps` mini-batches while the learning rate grows
 * exponentially, `lr_i = minLr · (maxLr / minLr)^(i / (steps − 1))`, record the loss, smooth it with a
 * bias-corrected EMA (β = 0.98), and stop when it exceeds `divergeFactor` × its minimum or becomes
 * non-finite. Suggested rate: the steepest descent of the smoothed loss against log lr. Afterwards
 * the model's parameters and dropout RNG are restored exactly; the optimizer used is a fresh one built
 * from `optimizer` and discarded, so no optimizer state leaks into the real run.
 *
 * @example
 * const r = await lrRangeTest({ model, train, optimizer: 'sgd', minLr: 1e-5, maxLr: 1, steps: 80 });
 * r.suggestedLr; // plot r.lrs (log x) against r.smoothed
 */
export async function lrRangeTest(options: LrRangeTestOptions): Promise<LrRangeTestResult> {
  const minLr = options?.minLr ?? 1e-7;
  const maxLr = options?.maxLr ?? 10;
  const steps = options?.steps ?? 100;
  const beta = options?.beta ?? 0.98;
  const factor = options?.divergeFactor ?? 4;
  if (!(minLr > 0) || !Number.isFinite(minLr)) throw new InvalidArgumentError('minLr', minLr, 'a finite number > 0');
  if (!(maxLr > minLr) || !Number.isFinite(maxLr)) throw new InvalidArgumentError('maxLr', maxLr, `a finite number > minLr (${minLr})`);
  if (!Number.isInteger(steps) || steps < 2) throw new InvalidArgumentError('steps', steps, 'an integer >= 2');
  if (!(beta >= 0 && beta < 1)) throw new InvalidArgumentError('beta', beta, 'a number in [0, 1)');
  if (!(factor > 1)) throw new InvalidArgumentError('divergeFactor', factor, 'a number > 1');
  const ratio = maxLr / minLr;
  const lrOf = (t: number): number => minLr * ratio ** (t / (steps - 1));
  const s = createSession({ ...options, schedule: lrOf, iterations: steps } as FitOptions);
  const { model } = s;
  const saved = model.stateDict();
  const rng = model.rngState?.();
  const lrs: number[] = [];
  const losses: number[] = [];
  const smoothed: number[] = [];
  let avg = 0;
  let best = Infinity;
  let diverged = false;
  let last = Date.now();
  try {
    for (let t = 0; t < steps; t++) {
      const per = s.plan.batchesPerEpoch;
      let loss: number;
      try {
        loss = s.step(s.batchesOf(Math.floor(t / per))[t % per]);
      } catch (e) {
        if (isLabError(e) && e.name === 'NonFiniteError') {
          diverged = true;
          break;
        }
        throw e;
      }
      if (!Number.isFinite(loss)) {
        diverged = true;
        break;
      }
      avg = beta * avg + (1 - beta) * loss;
      const sm = avg / (1 - beta ** (t + 1));
      lrs.push(lrOf(t));
      losses.push(loss);
      smoothed.push(sm);
      if (sm < best) best = sm;
      if (sm > factor * best) {
        diverged = true;
        break;
      }
      if (Date.now() - last >= (options.yieldEveryMs ?? 20)) {
        await new Promise((r) => setTimeout(r, 0));
        last = Date.now();
        if (options.signal?.aborted) break;
      }
    }
  } finally {
    model.loadStateDict(saved);
    if (rng && model.setRngState) model.setRngState(rng);
  }
  if (lrs.length < 2) throw new InvalidArgumentError('minLr', minLr, 'a rate at which the loss stays finite for at least two steps');
  let iMin = 0;
  for (let i = 1; i < smoothed.length; i++) if (smoothed[i] < smoothed[iMin]) iMin = i;
  // Steepest descent: most negative finite difference of the smoothed loss per unit log lr, before the minimum.
  let iSteep = 0;
  let slope = Infinity;
  const dlog = Math.log(ratio) / (steps - 1);
  for (let i = 1; i <= Math.max(1, iMin); i++) {
    const g = (smoothed[i] - smoothed[i - 1]) / dlog;
    if (g < slope) {
      slope = g;
      iSteep = i;
    }
  }
  return { lrs, losses, smoothed, suggestedLr: lrs[iSteep], minLossLr: lrs[iMin], diverged };
}

/**
 * The linear scaling rule (Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1
 * Hour", 2017): when the batch size is multiplied by k, multiply the learning rate by k,
 * `lr = baseLr · batch / baseBatch` (pair it with a warm-up for large k).
 *
 * @example
 * linearScalingRule(0.1, 256, 1024); // 0.4
 */
export function linearScalingRule(baseLr: number, baseBatch: number, batch: number): number {
  if (typeof baseLr !== 'number' || !(baseLr > 0) || !Number.isFinite(baseLr)) throw new InvalidArgumentError('baseLr', baseLr, 'a finite number > 0');
  if (!Number.isInteger(baseBatch) || baseBatch < 1) throw new InvalidArgumentError('baseBatch', baseBatch, 'an integer >= 1');
  if (!Number.isInteger(batch) || batch < 1) throw new InvalidArgumentError('batch', batch, 'an integer >= 1');
  return (baseLr * batch) / baseBatch;
}
