import { InvalidArgumentError, type Registry } from '@lab/core';
import { classificationReport, confusionMatrix } from '@lab/metrics';
import { noGrad, tensor, type Module } from '@lab/tensor';
import { checkData, inputs, targetKind, targets } from './data';
import { defaultRegistry } from './registry';
import { resolveLoss, resolveMetric, type LossFn, type MetricFn } from './resolve';
import type { ClassScores, Evaluation, LossInput, MetricInput, Prediction, TargetKind, TrainData } from './types';

const CHUNK = 4096;

/** Forward all rows in evaluation mode without recording gradients; restores the module's mode. */
export function outputs(model: Module, data: TrainData): { output: Float32Array; width: number } {
  const was = model.training;
  model.eval();
  try {
    return noGrad(() => {
      let out: Float32Array | undefined;
      let width = 0;
      for (let from = 0; from < data.nSamples; from += CHUNK) {
        const to = Math.min(from + CHUNK, data.nSamples);
        const y = model.forward(inputs(data, undefined, from, to));
        if (y.rank !== 2 || y.shape[0] !== to - from) throw new InvalidArgumentError('model output', y.shape, `a [${to - from}, outputs] tensor`);
        width = y.shape[1];
        out ??= new Float32Array(data.nSamples * width);
        out.set(y.data(), from * width);
      }
      return { output: out!, width };
    });
  } finally {
    model.train(was);
  }
}

/** Labels from outputs: argmax per row, or logit > 0 for one output. */
export function labelsOf(output: Float32Array, width: number): Int32Array {
  const n = output.length / width;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (width === 1) out[i] = output[i] > 0 ? 1 : 0;
    else {
      let best = 0;
      for (let j = 1; j < width; j++) if (output[i * width + j] > output[i * width + best]) best = j;
      out[i] = best;
    }
  }
  return out;
}

/** Loss (on all rows at once) and tracked metrics; used by `fit` for validation and by `evaluate`. */
export function measure(
  model: Module,
  data: TrainData,
  lossFor: (kind: TargetKind) => LossFn,
  metrics: readonly [string, MetricFn][],
): { values: Record<string, number>; output: Float32Array; width: number; kind: TargetKind; labels: Int32Array | null } {
  const { output, width } = outputs(model, data);
  const kind = targetKind(data, width);
  const lossFn = lossFor(kind);
  const loss = noGrad(() => lossFn(tensor(output, { shape: [data.nSamples, width] }), targets(data, kind, width)).item());
  const values: Record<string, number> = { loss };
  const labels = kind === 'value' ? null : labelsOf(output, width);
  for (const [name, fn] of metrics) values[name] = labels ? fn(data.y, labels, 1) : fn(data.y, output, width);
  return { values, output, width, kind, labels };
}

/**
 * Model outputs for `data` (or a row-major `x` with `nFeatures`), in evaluation mode, without
 * gradients: the raw outputs `[n, width]` and, when `data.nClasses` is set or the model has more
 * than one output, the predicted labels (argmax, or logit > 0 for one output).
 *
 * @example
 * const { labels } = predict(model, test);
 * const { output } = predict(model, { x: new Float32Array([0.5]), nFeatures: 1 });
 */
export function predict(model: Module, data: { x: Float32Array; nFeatures: number; nSamples?: number; nClasses?: number }): Prediction {
  if (!data || !(data.x instanceof Float32Array)) throw new InvalidArgumentError('data', data, '{ x: Float32Array, nFeatures }');
  const nSamples = data.nSamples ?? data.x.length / data.nFeatures;
  if (!Number.isInteger(nSamples) || nSamples < 1) throw new InvalidArgumentError('data.x', data.x.length, `a non-empty multiple of nFeatures = ${data.nFeatures}`);
  const { output, width } = outputs(model, { x: data.x, y: [], nSamples, nFeatures: data.nFeatures });
  return { output, width, labels: data.nClasses !== undefined || width > 1 ? labelsOf(output, width) : null };
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Default: as `fit` (cross-entropy, BCE-with-logits or MSE by target kind). */
  readonly loss?: LossInput;
  /** Extra metrics (short names or registry configs). Accuracy (classification) or mse/mae/r2 (regression) are always included. */
  readonly metrics?: readonly MetricInput[];
  /** Class names for the report (default '0', '1', ...). */
  readonly classNames?: readonly string[];
  readonly registry?: Registry;
}

/**
 * Evaluate a model on data in evaluation mode: the loss and, for classification, accuracy,
 * per-class precision / recall / F1 / support, their macro, micro and weighted averages, the
 * confusion matrix (rows = true class, columns = predicted, classes 0..nClasses-1) and
 * scikit-learn's report text (all from @lab/metrics, zero division counted as 0); for regression,
 * mse, mae and r2. The loss is the loss function applied to all rows at once ('mean' reduction).
 *
 * @example
 * const r = evaluate(model, test);
 * r.accuracy; r.macro.f1; r.confusionMatrix; console.log(r.report);
 */
export function evaluate(model: Module, data: TrainData, options: EvaluateOptions = {}): Evaluation {
  checkData('data', data);
  const registry = options.registry ?? defaultRegistry();
  const classify = data.nClasses !== undefined;
  const base = classify ? ['accuracy'] : ['mse', 'mae', 'r2'];
  const extra = (options.metrics ?? []).filter((m) => !(typeof m === 'string' && base.includes(m)));
  const metrics = [...base, ...extra].map((m) => resolveMetric(m, registry));
  const { values, labels } = measure(model, data, (kind) => resolveLoss(options.loss, kind, registry), metrics);
  if (!labels) return { loss: values.loss, nSamples: data.nSamples, metrics: values };
  const k = data.nClasses ?? 2;
  const all = Array.from({ length: k }, (_, i) => i);
  const names = options.classNames ?? all.map(String);
  const rep = classificationReport(data.y as ArrayLike<number>, labels, { labels: all, targetNames: names, zeroDivision: 0 });
  const row = (r: { label: string; precision: number; recall: number; f1: number; support: number }): ClassScores => ({ ...r });
  const avg = (label: string) => rep.averages.find((r) => r.label === label);
  const micro = avg('accuracy') ?? avg('micro avg')!;
  return {
    loss: values.loss,
    nSamples: data.nSamples,
    metrics: values,
    accuracy: values.accuracy,
    perClass: rep.rows.map(row),
    macro: row(avg('macro avg')!),
    micro: micro.label === 'accuracy' ? { label: 'micro avg', precision: micro.f1, recall: micro.f1, f1: micro.f1, support: micro.support } : row(micro),
    weighted: row(avg('weighted avg')!),
    confusionMatrix: confusionMatrix(data.y as ArrayLike<number>, labels, { labels: all }),
    report: rep.text,
  };
}
