import { InvalidArgumentError, StateMismatchError } from '@lab/core';
import type { StateDict } from '@lab/tensor';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { measure } from './evaluate';
import { resolveMetric } from './resolve';
import { createSession } from './session';
import type { Checkpoint, EarlyStopState, EpochRecord, FitEvent, FitOptions, FitResult, History, StopReason } from './types';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const copyParams = (p: StateDict): StateDict => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.slice()]));

/**
 * Mode of an early-stopping monitor or search metric: names ending in loss, error, mse, mae or rmse
 * are minimised, the rest maximised.
 *
 * @example
 * monitorMode('val.loss');     // 'min'
 * monitorMode('val.accuracy'); // 'max'
 */
export const monitorMode = (monitor: string): 'min' | 'max' => (/(loss|error|mse|mae|rmse)$/i.test(monitor) ? 'min' : 'max');

/**
 * Train a model: the lecture's loop over epochs and mini-batches, asynchronous so progress renders
 * and an abort is handled between steps.
 *
 * For each step: the next index batch (`batches` of @lab/data-split: a seeded permutation per epoch,
 * `batchSize`, `dropLast`), forward, loss (+ `l1·‖θ‖₁ + l2·‖θ‖₂²`, biases excluded by default),
 * backward, optional clipping (by value, then by global norm), optimizer update with the learning
 * rate `schedule(step)`. After each epoch (and after a final partial one): the mean batch loss, the
 * validation loss and metrics, early stopping, checkpoints.
 *
 * Defaults: loss by target kind (cross-entropy / BCE-with-logits / MSE), optimizer `adam` (lr 1e-3),
 * `batchSize` 32, `epochs` 10, `shuffle` true, `dropLast` false, `seed` 0, no regularisation, no
 * clipping, metrics `['accuracy']` for classification, early stopping off (on: `monitor` 'val.loss',
 * `patience` 5, `minDelta` 0, `restoreBest` true), `yieldEveryMs` 20.
 *
 * Determinism: the same options give bit-identical parameters; a run resumed from a checkpoint
 * (taken at any step, also mid-epoch) ends bit-identical to the uninterrupted run, because the
 * checkpoint holds the parameters, the optimizer state (with the schedule's step count), the
 * dropout RNG and the step, and each epoch's batch order is a pure function of seed and epoch.
 *
 * @example
 * const model = createModel({ type: 'mlp', hidden: [64] }, { nFeatures: 64, nOutputs: 10, seed: 0 });
 * const result = await fit({
 *   model, train, validation,
 *   optimizer: { type: 'adam' },
 *   schedule: { type: 'warmupCosine', peakValue: 1e-2, warmupSteps: 50 },  // decaySteps = total steps
 *   batchSize: 32, epochs: 10, seed: 0,
 *   earlyStopping: { monitor: 'val.accuracy', patience: 3 },
 *   onEvent: (e) => e.type === 'epoch' && console.log(e.epoch, e.trainLoss, e.val),
 *   signal: controller.signal,
 * });
 * result.stopReason; // 'completed' | 'earlyStopping' | 'aborted'
 */
export async function fit(options: FitOptions): Promise<FitResult> {
  const started = now();
  const s = createSession(options);
  const { model, plan, optimizer } = s;
  const per = plan.batchesPerEpoch;
  const total = plan.iterations;
  const emit = (e: FitEvent): void => options.onEvent?.(e);
  const validation = options.validation;
  const metricInputs = options.metrics ?? (s.kind === 'value' ? [] : ['accuracy']);
  const metrics = metricInputs.map((m) => resolveMetric(m, s.registry));
  const lossFor = () => s.lossFn;

  const es = options.earlyStopping || undefined;
  const monitor = es ? (es.monitor ?? (validation ? 'val.loss' : 'train.loss')) : '';
  if (es) {
    const [split, name] = monitor.split(/\.(.*)/s);
    if (split === 'val' && !validation) throw new InvalidArgumentError('earlyStopping.monitor', monitor, "'train.loss' (no validation data given)");
    if (!(split === 'train' && name === 'loss') && !(split === 'val' && (name === 'loss' || metrics.some(([n]) => n === name))))
      throw new InvalidArgumentError('earlyStopping.monitor', monitor, `'train.loss', 'val.loss' or 'val.<tracked metric>' (${metrics.map(([n]) => `val.${n}`).join(', ') || 'none tracked'})`);
  }
  const mode = es?.mode ?? monitorMode(monitor);
  const patience = es?.patience ?? 5;
  const minDelta = es?.minDelta ?? 0;
  if (es && (!Number.isInteger(patience) || patience < 0)) throw new InvalidArgumentError('earlyStopping.patience', patience, 'an integer >= 0');
  if (es && !(minDelta >= 0)) throw new InvalidArgumentError('earlyStopping.minDelta', minDelta, 'a number >= 0');
  const restoreBest = es?.restoreBest ?? true;
  let stop: EarlyStopState | null = es ? { best: mode === 'min' ? Infinity : -Infinity, bestEpoch: -1, wait: 0, bestParams: null } : null;

  const ck = options.checkpoint;
  if (ck) {
    if (typeof ck.write !== 'function') throw new InvalidArgumentError('checkpoint.write', ck.write, 'a function (bytes, info) => void | Promise<void>');
    if (ck.everySteps !== undefined && (!Number.isInteger(ck.everySteps) || ck.everySteps < 1))
      throw new InvalidArgumentError('checkpoint.everySteps', ck.everySteps, 'an integer >= 1');
  }
  const yieldEvery = options.yieldEveryMs ?? 20;

  const history: History = { loss: [], lr: [], epochs: [] };
  let step = 0;
  if (options.resume !== undefined) {
    const c: Checkpoint = options.resume instanceof Uint8Array ? decodeCheckpoint(options.resume) : options.resume;
    if (c?.format !== 'lab.checkpoint') throw new StateMismatchError('resume', c, 'a checkpoint');
    const want = { nSamples: plan.nSamples, batchSize: plan.batchSize, dropLast: plan.dropLast, shuffle: s.shuffle, seed: s.seed };
    for (const k of Object.keys(want) as (keyof typeof want)[])
      if (c.plan?.[k] !== want[k]) throw new StateMismatchError(`resume.plan.${k}`, c.plan?.[k], `${want[k]}, as in this run`);
    if (c.step > total) throw new StateMismatchError('resume.step', c.step, `<= ${total}, the steps of this run`);
    model.loadStateDict(c.params);
    optimizer.loadStateDict(c.optimizer as Parameters<typeof optimizer.loadStateDict>[0]);
    if (c.modelRng && model.setRngState) model.setRngState(c.modelRng);
    history.loss.push(...c.history.loss);
    history.lr.push(...c.history.lr);
    history.epochs.push(...c.history.epochs);
    if (stop && c.earlyStopping) stop = { ...c.earlyStopping };
    step = c.step;
  }

  const snapshot = (): Checkpoint => ({
    format: 'lab.checkpoint',
    version: 1,
    step,
    epoch: Math.floor(step / per),
    batch: step % per,
    params: model.stateDict(),
    optimizer: optimizer.stateDict(),
    modelRng: model.rngState ? model.rngState() : null,
    plan: { nSamples: plan.nSamples, batchSize: plan.batchSize, dropLast: plan.dropLast, shuffle: s.shuffle, seed: s.seed },
    history: { loss: history.loss.slice(), lr: history.lr.slice(), epochs: history.epochs.slice() },
    earlyStopping: stop,
    meta: (model as { spec?: unknown }).spec ?? null,
  });
  const save = async (reason: 'steps' | 'epoch' | 'abort' | 'end'): Promise<void> => {
    if (!ck) return;
    const bytes = encodeCheckpoint(snapshot());
    const epoch = Math.floor(step / per);
    await ck.write(bytes, { step, epoch, reason });
    emit({ type: 'checkpoint', step, epoch, bytes: bytes.length, reason });
  };

  let reason: StopReason = 'completed';
  let lastYield = now();
  const epochs = Math.ceil(plan.epochs);
  while (step < total) {
    const epoch = Math.floor(step / per);
    const b = step % per;
    const lr = s.lrAt(optimizer.steps);
    const loss = s.step(s.batchesOf(epoch)[b]);
    step++;
    history.loss.push(loss);
    history.lr.push(lr);
    emit({ type: 'step', step, epoch, batch: b, batchesPerEpoch: per, totalSteps: total, loss, lr });

    let epochEnded = false;
    if (step % per === 0 || step === total) {
      epochEnded = true;
      const from = epoch * per;
      let sum = 0;
      for (let i = from; i < step; i++) sum += history.loss[i];
      const record: { -readonly [K in keyof EpochRecord]: EpochRecord[K] } = { epoch, step, trainLoss: sum / (step - from), lr };
      if (validation) {
        record.val = measure(model, validation, lossFor, metrics).values;
        emit({ type: 'eval', epoch, step, split: 'validation', values: record.val });
      }
      history.epochs.push(record);
      emit({ type: 'epoch', epoch, step, epochs, trainLoss: record.trainLoss, lr, val: record.val });
      if (stop) {
        const [split, name] = monitor.split(/\.(.*)/s);
        const value = split === 'train' ? record.trainLoss : record.val![name];
        const better = mode === 'min' ? value < stop.best - minDelta : value > stop.best + minDelta;
        stop = better
          ? { best: value, bestEpoch: epoch, wait: 0, bestParams: restoreBest ? model.stateDict() : null }
          : { ...stop, wait: stop.wait + 1 };
        if (stop.wait > patience) reason = 'earlyStopping';
      }
    }
    const aborted = options.signal?.aborted === true;
    if (aborted && reason === 'completed') reason = 'aborted';
    if (reason === 'completed' && ck && ((ck.everySteps !== undefined && step % ck.everySteps === 0) || (ck.everyEpoch && epochEnded)))
      await save(ck.everySteps !== undefined && step % ck.everySteps === 0 ? 'steps' : 'epoch');
    if (reason !== 'completed') break;
    if (now() - lastYield >= yieldEvery) {
      await tick();
      lastYield = now();
      if (options.signal?.aborted) {
        reason = 'aborted';
        break;
      }
    }
  }
  if (reason === 'aborted') await save('abort');
  if (stop && restoreBest && stop.bestParams && reason !== 'aborted') model.loadStateDict(stop.bestParams);
  if (reason !== 'aborted') await save('end');
  emit({ type: 'stop', step, reason });
  return {
    history,
    params: copyParams(model.stateDict()),
    stopReason: reason,
    steps: step,
    totalSteps: total,
    ...(stop && stop.bestEpoch >= 0 ? { best: { epoch: stop.bestEpoch, value: stop.best, monitor } } : {}),
    elapsedMs: now() - started,
  };
}
