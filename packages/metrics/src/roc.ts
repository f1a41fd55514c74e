import { UndefinedResultError } from '@lab/core';
import { labelsParam, posLabelParam } from './params';
import { binaryCurve, gather, scoresMetric, type Scored, type ScoresState } from './score-state';
import type { Label, LabelArray, Rows, SampleWeight, WarningOptions } from './types';
import { classes, defaultPosLabel, dot, fail, isRows, labelList, metric, once, oneOf, scoreClasses, sum, warn } from './util';

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
export function posNeg(s: ScoresState, posLabel: Label | null | undefined, arg = 'yScore', strict?: boolean): [Scored, Scored] {
  const c = classes(s);
  if (s.width !== 1) fail(arg, `rows of ${s.width}`, 'one score per sample');
  if (c.length > 2 && (strict || posLabel == null)) fail('yTrue', c, `two classes${strict ? '' : ' (or give posLabel)'}`);
  const pos = posLabel ?? defaultPosLabel(c);
  return [gather(s, (l) => l === pos), gather(s, (l) => l !== pos)];
}

/** Second difference is non-zero (numpy's `diff(x, 2)`). */
const bend = (x: Float64Array, i: number) => x[i + 1] - x[i] - (x[i] - x[i - 1]) !== 0;

function roc(pos: Scored, neg: Scored, o: RocCurveOptions, drop = true): RocCurve {
  const { th, tps, fps } = binaryCurve(pos, neg);
  let k = th.length;
  if (drop && k > 2) {
    // compact in place: bend(., i) reads i - 1 .. i + 1, which are not yet overwritten
    let j = 0;
    for (let i = 0; i < k; i++)
      if (!i || i === k - 1 || bend(fps, i) || bend(tps, i)) {
        th[j] = th[i];
        tps[j] = tps[i];
        fps[j++] = fps[i];
      }
    k = j;
  }
  const rate = (c: Float64Array, what: string) => {
    const last = c[k - 1];
    const r = new Float64Array(k + 1);
    for (let i = 0; i < k; i++) r[i + 1] = c[i] / last;
    if (last > 0) return r;
    warn(o, `No ${what} samples in yTrue: ${what === 'negative' ? 'fpr' : 'tpr'} is NaN`);
    return r.fill(NaN);
  };
  const thresholds = new Float64Array(k + 1);
  thresholds.set(th.subarray(0, k), 1);
  thresholds[0] = o.firstThreshold === 'infinity' ? Infinity : th[0] + 1;
  return { fpr: rate(fps, 'negative'), tpr: rate(tps, 'positive'), thresholds };
}

const FIRST = ['maxPlusOne', 'infinity'] as const;

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
  'ROC curve (fpr, tpr per threshold)',
  'roc_curve',
  {
    posLabel: posLabelParam,
    dropIntermediate: { kind: 'boolean', default: true, description: 'drop collinear points' },
    firstThreshold: { kind: 'enum', values: FIRST, default: 'maxPlusOne', description: 'the extra first threshold' },
  },
  (o: RocCurveOptions = {}) => {
    oneOf('firstThreshold', o.firstThreshold ?? 'maxPlusOne', FIRST);
    return scoresMetric((s) => roc(...posNeg(s, o.posLabel), o, o.dropIntermediate ?? true));
  },
);


/** One-shot {@link rocCurveMetric}. */
export const rocCurve: (yTrue: LabelArray, yScore: ArrayLike<number>, o?: RocCurveOptions) => RocCurve = /* @__PURE__ */ once(rocCurveMetric, 'yScore');

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

function binaryAuc(pos: Scored, neg: Scored, o: RocAucOptions, maxFpr = 1): number {
  if (!pos.x.length || !neg.x.length) {
    const msg = 'Only one class present in yTrue: ROC AUC is not defined in that case';
    if (o.singleClass === 'error') throw new UndefinedResultError(msg);
    return warn(o, msg), NaN;
  }
  const { fpr, tpr } = roc(pos, neg, {});
  if (maxFpr === 1) return trapezoid(fpr, tpr);
  let stop = 0;
  while (fpr[stop] <= maxFpr) stop++;
  const y = tpr[stop - 1] + ((tpr[stop] - tpr[stop - 1]) / (fpr[stop] - fpr[stop - 1])) * (maxFpr - fpr[stop - 1]);
  const partial = trapezoid([...fpr.subarray(0, stop), maxFpr], [...tpr.subarray(0, stop), y]);
  const min = 0.5 * maxFpr ** 2;
  return 0.5 * (1 + (partial - min) / (maxFpr - min));
}

const AUC_AVERAGES = ['macro', 'weighted', 'none'] as const;
const SCHEMES = ['raise', 'ovr', 'ovo'] as const;

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
  'Area under the ROC curve',
  'roc_auc_score',
  {
    average: { kind: 'enum', values: AUC_AVERAGES, default: 'macro', description: 'multi-class averaging' },
    multiClass: { kind: 'enum', values: SCHEMES, default: 'raise', description: 'multi-class scheme' },
    maxFpr: { kind: 'number', optional: true, min: 0, exclusiveMin: true, max: 1, description: 'partial AUC up to this fpr' },
    labels: labelsParam,
    singleClass: { kind: 'enum', values: ['nan', 'error'], default: 'nan', description: 'NaN or an error for one class' },
  },
  (o: RocAucOptions = {}) => {
    const avg = oneOf('average', o.average === null ? 'none' : (o.average ?? 'macro'), AUC_AVERAGES);
    const mc = oneOf('multiClass', o.multiClass ?? 'raise', SCHEMES);
    oneOf('singleClass', o.singleClass ?? 'nan', ['nan', 'error']);
    const maxFpr = o.maxFpr ?? 1;
    if (!(maxFpr > 0 && maxFpr <= 1)) fail('maxFpr', maxFpr, 'a number in (0, 1]');
    const labels = labelList(o.labels);
    return scoresMetric(
      (s): number | number[] => {
        const got = classes(s);
        const is = (c: Label) => (l: Label) => l === c;
        if (s.width === 1) {
          if (got.length > 2) fail('yScore', '1-D scores', `rows of ${got.length} probabilities`);
          return binaryAuc(gather(s, (l) => got.length === 2 && l === got[1]), gather(s, (l) => got.length < 2 || l === got[0]), o, maxFpr);
        }
        if (maxFpr !== 1) fail('maxFpr', maxFpr, 'null for multi-class input');
        if (mc === 'raise') fail('multiClass', 'raise', "'ovr' or 'ovo' for multi-class input");
        const cls = scoreClasses(got, labels, s.width, 'yScore');
        const size = (l: Label) => {
          const g = gather(s, is(l));
          return g.w ? sum(g.w) : g.x.length;
        };
        const scores: number[] = [];
        const w: number[] = [];
        if (mc === 'ovr') {
          cls.forEach((c, i) => {
            scores.push(binaryAuc(gather(s, is(c), i), gather(s, (l) => l !== c, i), o));
            w.push(size(c));
          });
          if (avg === 'none') return scores;
        } else {
          if (s.w.some((c) => c.some(Boolean))) fail('sampleWeight', 'weights', 'none for ovo');
          if (avg === 'none') fail('average', null, "'macro' or 'weighted' for ovo");
          const auc = (p: Label, q: Label) => binaryAuc(gather(s, is(p), cls.indexOf(p)), gather(s, is(q), cls.indexOf(p)), o);
          got.forEach((a, i) =>
            got.slice(i + 1).forEach((b) => {
              scores.push((auc(a, b) + auc(b, a)) / 2);
              w.push(size(a) + size(b));
            }),
          );
        }
        const ws = avg === 'weighted' ? w : scores.map(() => 1);
        const tw = sum(ws);
        return tw ? dot(scores, ws) / tw : 0;
      },
      'yScore',
      undefined,
      (b) => {
        if (isRows(b.yScore))
          Array.from(b.yScore, (r, i) => {
            const t = sum(r);
            if (!(Math.abs(1 - t) <= 1e-8 + 1e-5 * Math.abs(t))) fail(`yScore[${i}]`, r, `probabilities that sum to 1 (sum ${t})`);
          });
      },
    );
  },
);

/** One-shot {@link rocAucScoreMetric}. */
export const rocAucScore: (yTrue: LabelArray, yScore: ArrayLike<number> | Rows, o?: RocAucOptions) => number | number[] = /* @__PURE__ */ once(rocAucScoreMetric, 'yScore');
