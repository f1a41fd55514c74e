/** Public types of @lab/metrics. */

/** A class label: an integer or a string (as in scikit-learn; a batch uses one kind). */
export type Label = number | string;

/** Class labels of a batch (plain or typed array). */
export type LabelArray = ArrayLike<number> | ArrayLike<string>;

/** Row-major rows of numbers: `number[][]`, or an array of typed arrays. */
export type Rows = ArrayLike<ArrayLike<number>>;

/** Sample weights (finite, >= 0), one per sample; `null`/absent means all 1. */
export type SampleWeight = ArrayLike<number> | null | undefined;

/**
 * What to return where a ratio is 0/0 (precision with no predicted samples, recall with no true
 * samples): 0, 1, NaN, or `'warn'` (0 plus a warning through `onWarning`, scikit-learn's default).
 * Registry configs may also give the strings `'0'`, `'1'`, `'NaN'`.
 */
export type ZeroDivision = number | 'warn' | '0' | '1' | 'NaN';

/**
 * How per-class scores are averaged: `'binary'` (the `posLabel` class only), `'micro'` (from the
 * summed counts), `'macro'` (unweighted mean), `'weighted'` (mean weighted by support),
 * `'samples'` (per-sample mean, multi-label input only), or `null` / `'none'` (per-class array).
 */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | 'samples' | 'none' | null;

/** Where warnings go (zero division, undefined results). Default: `console.warn`. */
export interface WarningOptions {
  onWarning?: (message: string) => void;
}

/** One batch of a label metric. Multi-label input: rows of 0/1 indicators. */
export interface LabelBatch {
  yTrue: LabelArray | Rows;
  yPred: LabelArray | Rows;
  sampleWeight?: SampleWeight;
}

/** One batch of a score metric: 1-D scores (binary) or rows of per-class scores. */
export interface ScoreBatch {
  yTrue: LabelArray;
  yScore: ArrayLike<number> | Rows;
  sampleWeight?: SampleWeight;
}

/** One batch of a regression metric: 1-D targets or rows of outputs. */
export interface RegressionBatch {
  yTrue: ArrayLike<number> | Rows;
  yPred: ArrayLike<number> | Rows;
  sampleWeight?: SampleWeight;
}

/** Options every label metric shares. */
export interface LabelOptions extends WarningOptions {
  /** The labels to report, in this order (default: the sorted labels present). */
  labels?: readonly Label[] | null;
  sampleWeight?: SampleWeight;
}
