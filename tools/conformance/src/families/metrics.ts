/**
 * sklearn.metrics fixtures against @lab/metrics' public API (its `@lab/metrics` and `@lab/metrics/scores`
 * entry points).
 *
 * Each handler calls the one-shot function with the fixture's data arguments and translates
 * scikit-learn's snake_case kwargs to lab's camelCase options (`None` stays `null`, which lab reads
 * as "left out" or "per class" as scikit-learn does). Floats compare within SINGLE_SHOT; integer
 * counts (confusion matrices, supports, `normalize=False` counts) must match exactly when unweighted;
 * with `sample_weight` they are float sums and compare within SINGLE_SHOT like the rest.
 *
 * One deliberate translation: for a single class in y_true, scikit-learn 1.2 (the reference here)
 * raises, while current scikit-learn returns NaN with a warning, which is lab's default. The
 * handler asks for the 1.2 behaviour with `singleClass: 'error'`.
 */
import * as labels from '@lab/metrics';
import * as scores from '@lab/metrics/scores';
import { close, decode, exact } from '../compare';
import type { FixtureCase, Handlers, Mismatch } from '../types';

/** The label and regression metrics (`@lab/metrics`) and the score metrics (`@lab/metrics/scores`). */
const m = { ...labels, ...scores };

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** kwargs → options: camelCase names, decoded non-finite values. */
function options(c: FixtureCase, rename: Record<string, string> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.call.kwargs)) out[rename[k] ?? camel(k)] = decode(v);
  return out;
}

const input = (c: FixtureCase, k: string) => c.inputs[k] as never;
const value = (c: FixtureCase, got: unknown): Mismatch[] => close('value', c.expected.value, got);
const count = (c: FixtureCase, got: unknown): Mismatch[] => exact('value', c.expected.value, got);

type Fn = (a: never, b: never, o: never) => unknown;

/** A handler for fn(yTrue-like, yPred-like, options) comparing `value`. */
const scalar =
  (fn: Fn, a = 'y_true', b = 'y_pred', rename?: Record<string, string>, integerWhen?: (o: Record<string, unknown>) => boolean) =>
  (c: FixtureCase): Mismatch[] => {
    const o = options(c, rename);
    const got = fn(input(c, a), input(c, b), o as never);
    return integerWhen?.(o) ? count(c, got) : value(c, got);
  };

const unweighted = (o: Record<string, unknown>) => o.sampleWeight == null;
const unnormalized = (o: Record<string, unknown>) => o.normalize === false && unweighted(o);

/** A handler comparing named fields of a result object. */
const fields =
  (fn: Fn, b: string, names: string[], integer: string[] = []) =>
  (c: FixtureCase): Mismatch[] => {
    const o = options(c);
    const got = fn(input(c, 'y_true'), input(c, b), o as never) as Record<string, unknown>;
    return names.flatMap((k) =>
      c.expected[k] === null ? exact(k, null, got[k]) : integer.includes(k) && unweighted(o) ? exact(k, c.expected[k], got[k]) : close(k, c.expected[k], got[k]),
    );
  };

export const handlers: Handlers = {
  'sklearn.metrics.accuracy_score': scalar(m.accuracyScore as Fn, 'y_true', 'y_pred', {}, unnormalized),
  'sklearn.metrics.zero_one_loss': scalar(m.zeroOneLoss as Fn, 'y_true', 'y_pred', {}, unnormalized),
  'sklearn.metrics.precision_score': scalar(m.precisionScore as Fn),
  'sklearn.metrics.recall_score': scalar(m.recallScore as Fn),
  'sklearn.metrics.f1_score': scalar(m.f1Score as Fn),
  'sklearn.metrics.fbeta_score': scalar(m.fbetaScore as Fn),
  'sklearn.metrics.precision_recall_fscore_support': fields(m.precisionRecallFscoreSupport as Fn, 'y_pred', ['precision', 'recall', 'fscore', 'support'], ['support']),
  'sklearn.metrics.confusion_matrix': scalar(m.confusionMatrix as Fn, 'y_true', 'y_pred', {}, (o) => o.normalize == null && unweighted(o)),
  'sklearn.metrics.balanced_accuracy_score': scalar(m.balancedAccuracyScore as Fn),
  'sklearn.metrics.matthews_corrcoef': scalar(m.matthewsCorrcoef as Fn),
  'sklearn.metrics.cohen_kappa_score': scalar(m.cohenKappaScore as Fn, 'y1', 'y2'),
  'sklearn.metrics.top_k_accuracy_score': scalar(m.topKAccuracyScore as Fn, 'y_true', 'y_score', {}, unnormalized),
  'sklearn.metrics.roc_curve': fields(m.rocCurve as Fn, 'y_score', ['fpr', 'tpr', 'thresholds']),
  'sklearn.metrics.roc_auc_score': (c) => {
    const o = { ...options(c), singleClass: 'error' };
    return value(c, m.rocAucScore(input(c, 'y_true'), input(c, 'y_score'), o as never));
  },
  'sklearn.metrics.precision_recall_curve': fields(m.precisionRecallCurve as Fn, 'probas_pred', ['precision', 'recall', 'thresholds']),
  // binary y_true: scikit-learn ignores `average` (it only applies to multilabel input), so it is not passed
  'sklearn.metrics.average_precision_score': (c) =>
    scalar(m.averagePrecisionScore as Fn, 'y_true', 'y_score')({ ...c, call: { ...c.call, kwargs: Object.fromEntries(Object.entries(c.call.kwargs).filter(([k]) => k !== 'average')) } }),
  'sklearn.metrics.log_loss': scalar(m.logLoss as Fn),
  'sklearn.metrics.hinge_loss': scalar(m.hingeLoss as Fn, 'y_true', 'pred_decision'),
  'sklearn.metrics.mean_squared_error': scalar(m.meanSquaredError as Fn),
  'sklearn.metrics.mean_absolute_error': scalar(m.meanAbsoluteError as Fn),
  'sklearn.metrics.r2_score': scalar(m.r2Score as Fn),
};
