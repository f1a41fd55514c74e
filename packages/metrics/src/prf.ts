import { labelsParam, posLabel1 } from './params';
import { countsMetric, type CountsState, type View } from './counts';
import type { Average, Label, LabelArray, LabelOptions, Rows, ZeroDivision } from './types';
import { average, fail, labelList, metric, once, oneOf, sum, warn, zeroDivision } from './util';

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

/** Per-label [tp, predicted, true] for the selected labels, or per-sample triples and their weights for 'samples'. */
function counts(s: CountsState, v: View, avg: string, labels: Label[] | undefined, posLabel: Label): number[][] {
  const bad = () => fail('average', avg, `'micro', 'macro', 'weighted' or null for ${v.type} input`);
  if (avg === 'samples') {
    if (!s.nOut) bad();
    const keys = Object.keys(s.rows).sort();
    return [0, 1, 2].map((j) => keys.map((k) => +k.split(',')[j])).concat([keys.map((k) => s.rows[k])]);
  }
  let sel = labels ?? v.present;
  if (avg === 'binary') {
    if (v.type !== 'binary') bad();
    if (!v.present.includes(posLabel) && v.present.length > 1) fail('posLabel', posLabel, `one of the labels (${v.present})`);
    sel = [posLabel];
  }
  if (s.nOut) return [0, 1, 2].map((j) => sel.map((c) => s.col[3 * (c as number) + j]));
  const tot = (f: (l: Label) => number) => sum(v.present.map(f));
  return [sel.map((l) => v.at(l, l)), sel.map((l) => tot((t) => v.at(t, l))), sel.map((l) => tot((p) => v.at(l, p)))];
}

/** The one computation behind precision, recall, F-beta and their report. */
export function prfCompute(o: FbetaOptions, forMetric: 'precision' | 'recall' | 'f-score' | 'all') {
  const avg = oneOf('average', o.average === null ? 'none' : (o.average ?? 'binary'), averageParam.values);
  const beta = o.beta ?? 1;
  if (!(beta >= 0)) fail('beta', beta, 'a number >= 0');
  const zd = zeroDivision(o.zeroDivision);
  const byScores = oneOf('fAverage', o.fAverage ?? 'scores', ['scores', 'precisionRecall']) === 'scores';
  const labels = labelList(o.labels);
  const b2 = beta * beta;
  const fOf = (p: number, r: number) => (beta === Infinity ? r : ((1 + b2) * p * r) / (b2 * p + r || 1));
  return (s: CountsState, v: View): PrfResult => {
    let [tp, pred, tru, w] = counts(s, v, avg, labels, o.posLabel ?? 1);
    if (avg === 'micro') [tp, pred, tru] = [[sum(tp)], [sum(pred)], [sum(tru)]];
    let warned = false;
    const div = (d: number[], what: string, why: string) =>
      tp.map((x, i) => {
        if (d[i]) return x / d[i];
        if (zd !== 'warn') return zd;
        if (!warned && (forMetric === what || forMetric.length > 6)) {
          warned = true;
          warn(o, `${what === 'precision' ? 'Precision' : 'Recall'} is ill-defined and set to 0 where there are no ${why} samples (see zeroDivision)`);
        }
        return 0;
      });
    const precision = div(pred, 'precision', 'predicted');
    const recall = div(tru, 'recall', 'true');
    const fscore = precision.map((p, i) => fOf(p, recall[i]));
    if (avg === 'none') return { precision, recall, fscore, support: tru };
    if (avg === 'weighted') {
      if (!sum(tru)) {
        const z = zd === 1 ? 1 : zd !== zd ? NaN : 0;
        return { precision: sum(pred) ? 0 : z, recall: z, fscore: sum(pred) ? 0 : z, support: null };
      }
      w = tru;
    }
    const P = average(precision, w);
    const R = average(recall, w);
    return { precision: P, recall: R, fscore: byScores || avg === 'micro' || avg === 'binary' ? average(fscore, w) : fOf(P, R), support: null };
  };
}

const averageParam = {
  kind: 'enum',
  values: ['binary', 'micro', 'macro', 'weighted', 'samples', 'none'],
  default: 'binary',
  description: 'averaging of per-class scores',
} as const;
const prfParams = {
  labels: labelsParam,
  posLabel: posLabel1,
  average: averageParam,
  zeroDivision: { kind: 'enum', values: ['warn', '0', '1', 'NaN'], default: 'warn', description: 'value of 0/0' },
  fAverage: { kind: 'enum', values: ['scores', 'precisionRecall'], default: 'scores', description: "macro F: mean of per-class F, or the lecture's F of macro P and R" },
} as const;
const betaParam = { kind: 'number', default: 1, min: 0, description: 'weight of recall' } as const;

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
  'Precision, recall, F-beta and support',
  'precision_recall_fscore_support',
  { beta: betaParam, ...prfParams },
  (o: FbetaOptions = {}) => countsMetric(prfCompute(o, 'all'), o.labels),
);

/** One-shot {@link precisionRecallFscoreSupportMetric}. */
export const precisionRecallFscoreSupport: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: FbetaOptions) => PrfResult = /* @__PURE__ */ once(precisionRecallFscoreSupportMetric);

type One = (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: FbetaOptions) => number | number[];

function single<K extends 'precision' | 'recall' | 'fscore'>(key: K, name: string, description: string, ref: string, withBeta: boolean) {
  return metric(name, description, ref, withBeta ? { beta: betaParam, ...prfParams } : prfParams, (o: FbetaOptions = {}) => {
    const f = prfCompute(o, key === 'fscore' ? 'f-score' : key);
    return countsMetric((s, v) => f(s, v)[key], o.labels);
  });
}


/**
 * Precision `tp / (tp + fp)`, per label or averaged; options as {@link precisionRecallFscoreSupport}.
 *
 * @example
 * precisionScore([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.8
 *
 * @see sklearn.metrics.precision_score
 */
export const precisionScoreMetric = /* @__PURE__ */ single('precision', 'precisionScore', 'Precision', 'precision_score', false);
/** One-shot {@link precisionScoreMetric}. */
export const precisionScore: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: PrfOptions) => number | number[] = /* @__PURE__ */ once(precisionScoreMetric);

/**
 * Recall `tp / (tp + fn)`, per label or averaged; options as {@link precisionRecallFscoreSupport}.
 *
 * @example
 * recallScore([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.667
 *
 * @see sklearn.metrics.recall_score
 */
export const recallScoreMetric = /* @__PURE__ */ single('recall', 'recallScore', 'Recall', 'recall_score', false);
/** One-shot {@link recallScoreMetric}. */
export const recallScore: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: PrfOptions) => number | number[] = /* @__PURE__ */ once(recallScoreMetric);

/**
 * F1 `2 P R / (P + R)`, per label or averaged; options as {@link precisionRecallFscoreSupport}
 * (macro F1 is the mean of per-class F1 unless `fAverage: 'precisionRecall'`).
 *
 * @example
 * f1Score([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.727
 *
 * @see sklearn.metrics.f1_score
 */
export const f1ScoreMetric = /* @__PURE__ */ single('fscore', 'f1Score', 'F1 score', 'f1_score', false);
/** One-shot {@link f1ScoreMetric}. */
export const f1Score: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: PrfOptions) => number | number[] = /* @__PURE__ */ once(f1ScoreMetric);

/**
 * F-beta `(1 + beta^2) P R / (beta^2 P + R)`; `beta` (default 1) weighs recall beta times as much
 * as precision. Options as {@link precisionRecallFscoreSupport}.
 *
 * @example
 * fbetaScore([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0], { beta: 0.5 }); // 0.769
 *
 * @see sklearn.metrics.fbeta_score; van Rijsbergen, Information Retrieval, 1979.
 */
export const fbetaScoreMetric = /* @__PURE__ */ single('fscore', 'fbetaScore', 'F-beta score', 'fbeta_score', true);
/** One-shot {@link fbetaScoreMetric}. */
export const fbetaScore: One = /* @__PURE__ */ once(fbetaScoreMetric);
