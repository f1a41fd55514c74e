import { InvalidArgumentError } from '@lab/core';
import { averageParam, labelsParam, posLabelParam, zeroDivisionParam } from './params';
import { countsMetric, view, type CountsState } from './counts';
import type { StreamingMetric } from '@lab/core';
import type { Average, Label, LabelArray, LabelBatch, LabelOptions, Rows, ZeroDivision } from './types';
import { average, fail, labelList, metric, oneOf, run, warn, zeroDivision } from './util';

export interface PrfOptions extends LabelOptions {
  /** Default `'binary'`. `null` or `'none'` returns one value per label. */
  average?: Average;
  /** The positive class for `average: 'binary'` (default 1). */
  posLabel?: Label;
  /** Value of 0/0 ratios (default `'warn'`: 0 plus a warning). */
  zeroDivision?: ZeroDivision;
  /**
   * How a macro / weighted / samples F-score is formed: `'scores'` (default, scikit-learn) averages
   * the per-class F-scores; `'precisionRecall'` takes the F-score of the averaged precision and
   * recall (Opitz & Burst 2019 discuss both).
   */
  fAverage?: 'scores' | 'precisionRecall';
}

export interface FbetaOptions extends PrfOptions {
  /** Weight of recall relative to precision (default 1; Infinity gives recall). */
  beta?: number;
}

/** Precision, recall, F-beta and support; scalars when averaged, per-label arrays otherwise. */
export interface PrfResult<T = number | number[]> {
  precision: T;
  recall: T;
  fscore: T;
  /** Weighted true count per label; `null` when averaged. */
  support: number[] | null;
}

const AVERAGES = ['binary', 'micro', 'macro', 'weighted', 'samples', 'none'] as const;

/** Per-label [tp, predicted, true] for the selected labels, or per-sample triples for 'samples'. */
function counts(s: CountsState, avg: string, labels: Label[] | undefined, posLabel: Label): { tp: number[]; pred: number[]; tru: number[]; w?: number[] } {
  const v = view(s);
  if (avg === 'samples') {
    if (!s.nOut) fail('average', 'samples', "'micro', 'macro', 'weighted' or null: 'samples' needs multi-label input");
    const keys = Object.keys(s.rows).sort();
    const t = keys.map((k) => k.split(',').map(Number));
    return { tp: t.map((x) => x[0]), pred: t.map((x) => x[1]), tru: t.map((x) => x[2]), w: keys.map((k) => s.rows[k]) };
  }
  let sel = labels ?? v.present;
  if (avg === 'binary') {
    if (v.type !== 'binary') fail('average', 'binary', `'micro', 'macro', 'weighted' or null for ${v.type} input`);
    if (!v.present.includes(posLabel) && v.present.length >= 2) throw new InvalidArgumentError('posLabel', posLabel, `one of the labels present (${v.present.join(', ')})`);
    sel = [posLabel];
  }
  if (s.nOut)
    return {
      tp: sel.map((c) => s.col[3 * (c as number)]),
      pred: sel.map((c) => s.col[3 * (c as number) + 1]),
      tru: sel.map((c) => s.col[3 * (c as number) + 2]),
    };
  const sum = (f: (l: Label) => number) => v.present.reduce((a: number, l) => a + f(l), 0);
  return { tp: sel.map((l) => v.at(l, l)), pred: sel.map((l) => sum((t) => v.at(t, l))), tru: sel.map((l) => sum((p) => v.at(l, p))) };
}

const total = (x: number[]) => x.reduce((a, b) => a + b, 0);

/** The one computation behind precision, recall, F-beta and their report. */
export function prfCompute(o: FbetaOptions, forMetric: 'precision' | 'recall' | 'f-score' | 'all') {
  const avg = oneOf('average', o.average === null ? 'none' : (o.average ?? 'binary'), AVERAGES);
  const beta = o.beta ?? 1;
  if (!(beta >= 0)) fail('beta', beta, 'a number >= 0');
  const zd = zeroDivision(o.zeroDivision);
  const fAvg = oneOf('fAverage', o.fAverage ?? 'scores', ['scores', 'precisionRecall']);
  const labels = labelList(o.labels);
  const posLabel = o.posLabel ?? 1;
  const b2 = beta * beta;
  const fOf = (p: number, r: number) => {
    if (beta === Infinity) return r;
    const d = b2 * p + r;
    return ((1 + b2) * p * r) / (d === 0 ? 1 : d);
  };
  return (s: CountsState): PrfResult => {
    const c = counts(s, avg, labels, posLabel);
    let { tp, pred, tru } = c;
    const w = c.w;
    if (avg === 'micro') [tp, pred, tru] = [[total(tp)], [total(pred)], [total(tru)]];
    let warned = false;
    const div = (n: number[], d: number[], what: string, why: string) =>
      n.map((x, i) => {
        if (d[i]) return x / d[i];
        if (zd === 'warn' && !warned && (forMetric === what || forMetric.length > 6)) {
          warned = true;
          warn(o, `${what === 'precision' ? 'Precision' : 'Recall'} is ill-defined and being set to 0.0 where there are no ${why} samples. Use \`zeroDivision\` to control this behavior.`);
        }
        return zd === 'warn' ? 0 : zd;
      });
    const precision = div(tp, pred, 'precision', 'predicted');
    const recall = div(tp, tru, 'recall', 'true');
    const fscore = precision.map((p, i) => fOf(p, recall[i]));
    if (avg === 'none') return { precision, recall, fscore, support: tru };
    let aw: number[] | undefined = avg === 'samples' ? w : undefined;
    if (avg === 'weighted') {
      if (!total(tru)) {
        const z = zd === 1 ? 1 : Number.isNaN(zd) ? NaN : 0;
        return total(pred) ? { precision: 0, recall: z, fscore: 0, support: null } : { precision: z, recall: z, fscore: z, support: null };
      }
      aw = tru;
    }
    const P = average(precision, aw);
    const R = average(recall, aw);
    return { precision: P, recall: R, fscore: fAvg === 'scores' || avg === 'micro' || avg === 'binary' ? average(fscore, aw) : fOf(P, R), support: null };
  };
}

const prfParams = { labels: labelsParam, posLabel: posLabelParam, average: averageParam, zeroDivision: zeroDivisionParam } as const;
const betaParam = { kind: 'number', default: 1, min: 0, description: 'weight of recall relative to precision' } as const;

/**
 * Precision, recall, F-beta and support per label, or averaged (scikit-learn's
 * `precision_recall_fscore_support`): with per-label counts tp, predicted (tp + fp), true (tp + fn),
 * `P = tp / predicted`, `R = tp / true`, `F = (1 + beta^2) P R / (beta^2 P + R)` (0 when both are 0).
 * `'micro'` uses the summed counts, `'macro'` the mean, `'weighted'` the mean weighted by the true
 * counts, `'samples'` the mean over samples (multi-label only), `'binary'` the `posLabel` class.
 * Where averaging, NaN entries (`zeroDivision: NaN`) are left out.
 *
 * Defaults: `beta` = 1, `average` = 'binary' here as in scikit-learn, `posLabel` = 1,
 * `zeroDivision` = 'warn', `fAverage` = 'scores', `labels` = sorted labels present.
 *
 * @example
 * precisionRecallFscoreSupport([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: null });
 * // { precision: [0.667, 0, 0], recall: [1, 0, 0], fscore: [0.8, 0, 0], support: [2, 2, 2] }
 *
 * @see sklearn.metrics.precision_recall_fscore_support; Opitz & Burst, "Macro F1 and Macro F1", 2019.
 */
export const precisionRecallFscoreSupportMetric = /* @__PURE__ */ metric(
  'precisionRecallFscoreSupport',
  'Precision, recall, F-beta and support, per label or averaged',
  'metrics.precision_recall_fscore_support',
  { beta: betaParam, ...prfParams },
  (o: FbetaOptions = {}) => countsMetric(prfCompute(o, 'all'), o.labels ?? undefined),
);

/** One-shot {@link precisionRecallFscoreSupportMetric}. */
export const precisionRecallFscoreSupport = (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o: FbetaOptions = {}): PrfResult =>
  run(precisionRecallFscoreSupportMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

type One = (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: FbetaOptions) => number | number[];

function single<K extends 'precision' | 'recall' | 'fscore'>(key: K, name: string, description: string, ref: string, withBeta: boolean) {
  return metric(name, description, `metrics.${ref}`, withBeta ? { beta: betaParam, ...prfParams } : prfParams, (o: FbetaOptions = {}) => {
    const f = prfCompute(o, key === 'fscore' ? 'f-score' : key);
    return countsMetric((s) => f(s)[key], o.labels ?? undefined);
  });
}

const oneShot =
  (def: { create(o: FbetaOptions): StreamingMetric<unknown, LabelBatch, unknown> }): One =>
  (yTrue, yPred, o = {}) =>
    run(def.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight }) as number | number[];

/**
 * Precision `tp / (tp + fp)`, per label or averaged; options as {@link precisionRecallFscoreSupport}.
 *
 * @example
 * precisionScore([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.8
 *
 * @see sklearn.metrics.precision_score
 */
export const precisionScoreMetric = /* @__PURE__ */ single('precision', 'precisionScore', 'Precision: tp / (tp + fp)', 'precision_score', false);
/** One-shot {@link precisionScoreMetric}. */
export const precisionScore: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: PrfOptions) => number | number[] = /* @__PURE__ */ oneShot(precisionScoreMetric);

/**
 * Recall `tp / (tp + fn)`, per label or averaged; options as {@link precisionRecallFscoreSupport}.
 *
 * @example
 * recallScore([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.667
 *
 * @see sklearn.metrics.recall_score
 */
export const recallScoreMetric = /* @__PURE__ */ single('recall', 'recallScore', 'Recall (sensitivity): tp / (tp + fn)', 'recall_score', false);
/** One-shot {@link recallScoreMetric}. */
export const recallScore: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: PrfOptions) => number | number[] = /* @__PURE__ */ oneShot(recallScoreMetric);

/**
 * F1 `2 P R / (P + R)`, per label or averaged; options as {@link precisionRecallFscoreSupport}
 * (macro F1 is the mean of per-class F1 unless `fAverage: 'precisionRecall'`).
 *
 * @example
 * f1Score([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.727
 *
 * @see sklearn.metrics.f1_score
 */
export const f1ScoreMetric = /* @__PURE__ */ single('fscore', 'f1Score', 'F1: harmonic mean of precision and recall', 'f1_score', false);
/** One-shot {@link f1ScoreMetric}. */
export const f1Score: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: PrfOptions) => number | number[] = /* @__PURE__ */ oneShot(f1ScoreMetric);

/**
 * F-beta `(1 + beta^2) P R / (beta^2 P + R)`; `beta` (default 1) weighs recall beta times as much
 * as precision. Options as {@link precisionRecallFscoreSupport}.
 *
 * @example
 * fbetaScore([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0], { beta: 0.5 }); // 0.769
 *
 * @see sklearn.metrics.fbeta_score; van Rijsbergen, Information Retrieval, 1979.
 */
export const fbetaScoreMetric = /* @__PURE__ */ single('fscore', 'fbetaScore', 'F-beta: weighted harmonic mean of precision and recall', 'fbeta_score', true);
/** One-shot {@link fbetaScoreMetric}. */
export const fbetaScore: One = /* @__PURE__ */ oneShot(fbetaScoreMetric);
