/** Internal: one prepared training run (model, loss, optimizer, batch plan) and its step function. */
import { InvalidArgumentError, type Registry } from '@lab/core';
import { batches, planTraining, type TrainingPlan } from '@lab/data-split/batches';
import { l1Penalty, l2Penalty } from '@lab/losses';
import { Optimizer, type StepKernels } from '@lab/optimizers';
import { getBackend, tidy, type Module } from '@lab/tensor';
import { checkData, inputs, targetKind, targets } from './data';
import { outputs } from './evaluate';
import { defaultRegistry } from './registry';
import { resolveLoss, resolveOptimizer, type LossFn } from './resolve';
import type { FitOptions, TargetKind, TrainableModel } from './types';

export interface Session {
  readonly model: TrainableModel;
  readonly registry: Registry;
  readonly plan: TrainingPlan;
  readonly kind: TargetKind;
  readonly width: number;
  readonly lossFn: LossFn;
  readonly optimizer: Optimizer;
  readonly lrAt: (step: number) => number;
  readonly seed: number;
  readonly shuffle: boolean;
  /** The index batches of one epoch (cached for the current epoch). */
  batchesOf(epoch: number): Int32Array[];
  /** One update on the rows `idx`; returns the data loss of the batch. */
  step(idx: Int32Array): number;
}

const int = (arg: string, v: unknown, min: number): number => {
  if (!Number.isInteger(v) || (v as number) < min) throw new InvalidArgumentError(arg, v, `an integer >= ${min}`);
  return v as number;
};

const nonNegative = (arg: string, v: unknown): number => {
  if (typeof v !== 'number' || !(v >= 0) || v === Infinity) throw new InvalidArgumentError(arg, v, 'a finite number >= 0');
  return v;
};

/** The model's output width, from one row. */
export function widthOf(model: Module, data: FitOptions['train']): number {
  return outputs(model, { x: data.x.subarray(0, data.nFeatures), y: [], nSamples: 1, nFeatures: data.nFeatures }).width;
}

export function createSession(options: FitOptions): Session {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'fit options { model, train, ... }');
  const { model } = options;
  if (!model || typeof model.forward !== 'function' || typeof model.namedParameters !== 'function')
    throw new InvalidArgumentError('model', model, 'a Module (e.g. from createModel)');
  const train = checkData('train', options.train);
  if (options.validation !== undefined) {
    checkData('validation', options.validation);
    if (options.validation.nFeatures !== train.nFeatures) throw new InvalidArgumentError('validation.nFeatures', options.validation.nFeatures, `${train.nFeatures} like train`);
  }
  const registry = options.registry ?? defaultRegistry();
  const batchSize = int('batchSize', options.batchSize ?? 32, 1);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('seed', seed, 'a safe integer');
  const shuffle = options.shuffle ?? true;
  const dropLast = options.dropLast ?? false;
  if (options.epochs !== undefined && options.iterations !== undefined)
    throw new InvalidArgumentError('epochs', options.epochs, 'left out when iterations is given (one of the two)');
  const plan = planTraining(
    options.iterations !== undefined
      ? { nSamples: train.nSamples, batchSize, iterations: int('iterations', options.iterations, 1) }
      : { nSamples: train.nSamples, batchSize, epochs: options.epochs ?? 10 },
    { dropLast },
  );
  const width = widthOf(model, train);
  const kind = targetKind(train, width);
  const lossFn = resolveLoss(options.loss, kind, registry);
  const { transformation, lrAt } = resolveOptimizer(options.optimizer, options, registry, plan.iterations);
  const params = model.namedParameters();
  if (params.length === 0) throw new InvalidArgumentError('model', model, 'a model with parameters');
  // A backend with fused optimizer steps (the wasm backend's SIMD kernels, state in its memory) runs them:
  // the parameters' backend, else the current one. They decline what is not in their memory.
  const backend = ((params[0] as { tensor?: { backend?: object } }).tensor?.backend ?? getBackend()) as { stepKernels?: StepKernels };
  const optimizer = new Optimizer(params, transformation, { kernels: backend.stepKernels });
  const reg = options.regularization ?? {};
  const l1 = nonNegative('regularization.l1', reg.l1 ?? 0);
  const l2 = nonNegative('regularization.l2', reg.l2 ?? 0);
  const mask = reg.excludeBias === false ? {} : { exclude: (n: string) => n.endsWith('bias') };

  let cached: [number, Int32Array[]] | undefined;
  const batchesOf = (epoch: number): Int32Array[] => {
    if (cached?.[0] !== epoch)
      cached = [epoch, [...batches(train.nSamples, { batchSize, shuffle, dropLast, epoch, seed })].map((b) => b.slice())];
    return cached[1];
  };

  return {
    model,
    registry,
    plan,
    kind,
    width,
    lossFn,
    optimizer,
    lrAt,
    seed,
    shuffle,
    batchesOf,
    step(idx) {
      model.train();
      // One tidy scope per step: the step's tensors are freed when it returns (the wasm backend then
      // reuses the same memory every step). Gradients are zeroed in place, not dropped (PyTorch 1.13's
      // default), so they keep their storage too.
      return tidy(() => {
        const out = model.forward(inputs(train, idx));
        const loss = lossFn(out, targets(train, kind, width, idx));
        let objective = loss;
        if (l1 > 0) objective = objective.add(l1Penalty(model, mask).mul(l1));
        if (l2 > 0) objective = objective.add(l2Penalty(model, mask).mul(l2));
        optimizer.zeroGrad();
        objective.backward();
        optimizer.step();
        return loss.item();
      });
    },
  };
}
