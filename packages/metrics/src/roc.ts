import { InvalidArgumentError, UndefinedResultError } from '@lab/core';
import { defaultPosLabel } from './brier';
import { labelsParam } from './params';
import { binaryCurve, gather, present, scoresInit, scoresMerge, scoresUpdate, type ScoresState } from './scores';
import type { Label, LabelArray, Rows, ScoreBatch, SampleWeight, WarningOptions } from './types';
import { fail, labelList, metric, oneOf, run, sortLabels, warn } from './util';

export interface CurveOptions extends WarningOptions {
  /** The positive class (default: 1 when the labels are {0, 1} or {-1, 1}). */
  posLabel?: Label | null;
  sampleWeight?: SampleWeight;
}

export interface RocCurveOptions extends CurveOptions {
  /** Drop thresholds that do not change the curve's shape (default true). */
  dropIntermediate?: boolean;
  /**
   * The extra first threshold (where nothing is predicted positive): `'maxPlusOne'` (default,
   * scikit-learn 1.2: highest score + 1) or `'infinity'` (scikit-learn >= 1.3).
   */
  firstThreshold?: 'maxPlusOne' | 'infinity';
}

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/** Positive and negative scores of a binary score state (scikit-learn's `_binary_clf_curve` rules). */
export function posNeg(s: ScoresState, posLabel: Label | null | undefined) {
  const classes = present(s);
  if (s.width !== 1) fail('yScore', `rows of ${s.width}`, 'one score per sample');
  if (classes.length > 2 && posLabel == null) fail('yTrue', classes, 'two classes (or give posLabel)');
  const pos = posLabel ?? defaultPosLabel(classes);
  return [gather(s, (l) => l === pos), gather(s, (l) => l !== pos)] as const;
}

const scoreMetric = <R>(compute: (s: ScoresState) => R, check?: (b: ScoreBatch) => void, arg = 'yScore') => ({
  init: scoresInit,
  merge: scoresMerge,
  update: (s: ScoresState, b: ScoreBatch) => (check?.(b), scoresUpdate(s, b, arg)),
  compute,
});

/** Second difference is non-zero (numpy's `diff(x, 2)`). */
const bend = (x: Float64Array, i: number) => x[i + 1] - x[i] - (x[i] - x[i - 1]) !== 0;

function roc(s: ScoresState, o: RocCurveOptions, drop = o.dropIntermediate ?? true): RocCurve {
  const [pos, neg] = posNeg(s, o.posLabel);
  let { th, tps, fps } = binaryCurve(pos, neg);
  if (drop && th.length > 2) {
    const keep = new Int32Array(th.length);
    let n = 0;
    for (let i = 0; i < th.length; i++) if (i === 0 || i === th.length - 1 || bend(fps, i) || bend(tps, i)) keep[n++] = i;
    [th, tps, fps] = [th, tps, fps].map((a) => Float64Array.from(keep.subarray(0, n), (i) => a[i]));
  }
  const first = oneOf('firstThreshold', o.firstThreshold ?? 'maxPlusOne', ['maxPlusOne', 'infinity']) === 'infinity' ? Infinity : th[0] + 1;
  const rate = (c: Float64Array, what: string) => {
    const last = c[c.length - 1];
    if (!(last > 0)) warn(o, `No ${what} samples in yTrue, the ${what === 'negative' ? 'false' : 'true'} positive rate is meaningless`);
    const out = new Float64Array(c.length + 1);
    for (let i = 0; i < out.length; i++) out[i] = last > 0 ? (i && c[i - 1]) / last : NaN;
    return out;
  };
  const thresholds = new Float64Array(th.length + 1);
  thresholds.set(th, 1);
  thresholds[0] = first;
  return { fpr: rate(fps, 'negative'), tpr: rate(tps, 'positive'), thresholds };
}

/**
 * Receiver operating characteristic curve of binary scores: for each distinct score threshold t
 * (descending), `fpr = FP(score >= t) / N` and `tpr = TP(score >= t) / P`, starting at (0, 0)
 * with an extra first threshold. Tied scores form one point.
 *
 * Defaults: `posLabel` = 1 for {0, 1} / {-1, 1} labels, `dropIntermediate` = true,
 * `firstThreshold` = 'maxPlusOne'.
 *
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [1.8, 0.8, 0.4, 0.35, 0.1]
 *
 * @see sklearn.metrics.roc_curve; Fawcett, "An introduction to ROC analysis", Pattern Recognit. Lett. 2006.
 */
export const rocCurveMetric = /* @__PURE__ */ metric(
  'rocCurve',
  'ROC curve: false and true positive rates per threshold',
  'metrics.roc_curve',
  {
    posLabel: { kind: 'number', optional: true, description: 'the positive class (default: 1 for {0, 1} or {-1, 1} labels)' },
    dropIntermediate: { kind: 'boolean', default: true, description: 'drop thresholds that do not change the curve' },
    firstThreshold: { kind: 'enum', values: ['maxPlusOne', 'infinity'], default: 'maxPlusOne', description: 'the extra first threshold' },
  },
  (o: RocCurveOptions = {}) => scoreMetric((s) => roc(s, o)),
);

/** One-shot {@link rocCurveMetric}. */
export const rocCurve = (yTrue: LabelArray, yScore: ArrayLike<number>, o: RocCurveOptions = {}): RocCurve =>
  run(rocCurveMetric.create(o), { yTrue, yScore, sampleWeight: o.sampleWeight });

/** Trapezoidal area under (x, y) for increasing x. */
export function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let a = 0;
  for (let i = 1; i < x.length; i++) a += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return a;
}

export interface RocAucOptions extends WarningOptions {
  /** Multi-class averaging: 'macro' (default), 'weighted' by prevalence, or per class (`null`, ovr only). */
  average?: 'macro' | 'weighted' | 'none' | null;
  /** Multi-class scheme: 'ovr' (one-vs-rest) or 'ovo' (one-vs-one); default 'raise' rejects multi-class input. */
  multiClass?: 'raise' | 'ovr' | 'ovo';
  /** Standardised partial AUC over fpr in [0, maxFpr] (McClish correction); binary only. */
  maxFpr?: number | null;
  /** All classes, sorted (multi-class), one per score column. */
  labels?: readonly Label[] | null;
  /**
   * When yTrue (or a one-vs-rest class) has a single class: `'nan'` (default, current
   * scikit-learn: NaN and a warning) or `'error'` (scikit-learn <= 1.5: UndefinedResultError).
   */
  singleClass?: 'nan' | 'error';
  sampleWeight?: SampleWeight;
}

function binaryAuc(pos: ReturnType<typeof gather>, neg: ReturnType<typeof gather>, o: RocAucOptions, maxFpr = 1): number {
  if (!pos.x.length || !neg.x.length) {
    const msg = 'Only one class present in yTrue: ROC AUC is not defined in that case';
    if (o.singleClass === 'error') throw new UndefinedResultError(msg);
    return warn(o, msg), NaN;
  }
  const st: ScoresState = { labels: [1, 0], x: [[pos.x], [neg.x]], w: [[pos.w], [neg.w]], width: 1 };
  const { fpr, tpr } = roc(st, { posLabel: 1 }, true);
  if (maxFpr === 1) return trapezoid(fpr, tpr);
  let stop = 0;
  while (fpr[stop] <= maxFpr) stop++;
  const y = tpr[stop - 1] + ((tpr[stop] - tpr[stop - 1]) / (fpr[stop] - fpr[stop - 1])) * (maxFpr - fpr[stop - 1]);
  const partial = trapezoid([...fpr.subarray(0, stop), maxFpr], [...tpr.subarray(0, stop), y]);
  const min = 0.5 * maxFpr ** 2;
  return 0.5 * (1 + (partial - min) / (maxFpr - min));
}

/**
 * Area under the ROC curve (trapezoidal; equals the probability that a random positive scores above
 * a random negative, ties counting half). Binary: 1-D scores of the greater label. Multi-class
 * (rows of probabilities, one column per sorted class, each row summing to 1): one-vs-rest or
 * one-vs-one (Hand & Till 2001) averages. `maxFpr` gives the McClish-standardised partial AUC
 * `0.5 (1 + (A - m^2/2) / (m - m^2/2))`.
 *
 * Defaults: `average` = 'macro', `multiClass` = 'raise', `maxFpr` = null, `singleClass` = 'nan'.
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 *
 * @see sklearn.metrics.roc_auc_score; Hand & Till, Mach. Learn. 2001; McClish, Med. Decis. Making 1989.
 */
export const rocAucScoreMetric = /* @__PURE__ */ metric(
  'rocAucScore',
  'Area under the ROC curve (binary, one-vs-rest, one-vs-one)',
  'metrics.roc_auc_score',
  {
    average: { kind: 'enum', values: ['macro', 'weighted', 'none'], default: 'macro', description: 'multi-class averaging' },
    multiClass: { kind: 'enum', values: ['raise', 'ovr', 'ovo'], default: 'raise', description: 'multi-class scheme' },
    maxFpr: { kind: 'number', optional: true, min: 0, exclusiveMin: true, max: 1, description: 'partial AUC up to this false positive rate' },
    labels: labelsParam,
    singleClass: { kind: 'enum', values: ['nan', 'error'], default: 'nan', description: 'result when yTrue has one class' },
  },
  (o: RocAucOptions = {}) => {
    const avg = oneOf('average', o.average === null ? 'none' : (o.average ?? 'macro'), ['macro', 'weighted', 'none']);
    const mc = oneOf('multiClass', o.multiClass ?? 'raise', ['raise', 'ovr', 'ovo']);
    oneOf('singleClass', o.singleClass ?? 'nan', ['nan', 'error']);
    const maxFpr = o.maxFpr ?? 1;
    if (!(maxFpr > 0 && maxFpr <= 1)) fail('maxFpr', maxFpr, 'a number in (0, 1]');
    const labels = labelList(o.labels);
    return scoreMetric(
      (s): number | number[] => {
        const got = present(s);
        if (s.width === 1) {
          if (got.length > 2) fail('yScore', '1-D scores', `rows of ${got.length} class probabilities for multi-class yTrue`);
          return binaryAuc(gather(s, (l) => got.length === 2 && l === got[1]), gather(s, (l) => got.length < 2 || l === got[0]), o, maxFpr);
        }
        if (maxFpr !== 1) fail('maxFpr', maxFpr, 'null: partial AUC is binary only');
        if (mc === 'raise') fail('multiClass', 'raise', "'ovr' or 'ovo' for multi-class input");
        const classes = labels ?? got;
        if (labels && sortLabels(labels).some((l, i) => l !== labels[i])) fail('labels', labels, 'sorted labels');
        if (classes.length !== s.width) fail(labels ? 'labels' : 'yTrue', classes, `${s.width} classes, one per yScore column`);
        const out = got.find((l) => !classes.includes(l));
        if (out !== undefined) throw new InvalidArgumentError('yTrue', out, `a label in labels (${classes.join(', ')})`);
        const size = (l: Label) => gather(s, (m) => m === l).w?.reduce((a, b) => a + b, 0) ?? gather(s, (m) => m === l).x.length;
        let scores: number[];
        let w: number[];
        if (mc === 'ovr') {
          scores = classes.map((c, i) => binaryAuc(gather(s, (l) => l === c, i), gather(s, (l) => l !== c, i), o));
          w = classes.map(size);
          if (avg === 'none') return scores;
        } else {
          if (s.w.some((c) => c.some(Boolean))) fail('sampleWeight', 'weights', "none: one-vs-one ROC AUC does not support sample weights");
          if (avg === 'none') fail('average', null, "'macro' or 'weighted' for one-vs-one");
          [scores, w] = [[], []];
          for (let a = 0; a < got.length; a++)
            for (let b = a + 1; b < got.length; b++) {
              const [A, B] = [got[a], got[b]];
              const [ia, ib] = [classes.indexOf(A), classes.indexOf(B)];
              const auc = (p: Label, q: Label, col: number) => binaryAuc(gather(s, (l) => l === p, col), gather(s, (l) => l === q, col), o);
              scores.push((auc(A, B, ia) + auc(B, A, ib)) / 2);
              w.push(size(A) + size(B));
            }
        }
        const ws = avg === 'weighted' ? w : scores.map(() => 1);
        const tw = ws.reduce((a, b) => a + b, 0);
        return tw ? scores.reduce((a, v, i) => a + v * ws[i], 0) / tw : 0;
      },
      (b) => {
        if (b.yScore.length && typeof b.yScore[0] === 'object')
          Array.from(b.yScore as Rows, (r, i) => {
            const t = Array.from(r).reduce((a: number, v) => a + v, 0);
            if (!(Math.abs(1 - t) <= 1e-8 + 1e-5 * Math.abs(t))) throw new InvalidArgumentError(`yScore[${i}]`, r, `class probabilities that sum to 1 (sum ${t})`);
          });
      },
    );
  },
);

/** One-shot {@link rocAucScoreMetric}. */
export const rocAucScore = (yTrue: LabelArray, yScore: ArrayLike<number> | Rows, o: RocAucOptions = {}): number | number[] =>
  run(rocAucScoreMetric.create(o), { yTrue, yScore, sampleWeight: o.sampleWeight });
