import { countsMetric, type CountsState, type View } from './counts';
import { prfCompute, type PrfResult } from './prf';
import type { Label, LabelArray, LabelOptions, Rows, ZeroDivision } from './types';
import { labelList, metric, once, sum } from './util';

export interface ReportRow {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  /** One row per label, then the averages ('micro avg' or 'accuracy', 'macro avg', 'weighted avg', 'samples avg'). */
  rows: ReportRow[];
  averages: ReportRow[];
  /** Accuracy, when micro-averaged F1 equals it (single-label input over all labels present). */
  accuracy: number | null;
  /** The table as scikit-learn prints it. */
  text: string;
}

export interface ClassificationReportOptions extends LabelOptions {
  /** Display names for the labels, in label order. */
  targetNames?: readonly string[] | null;
  /** Decimal places in the text (default 2; rounding half to even, as Python). */
  digits?: number;
  zeroDivision?: ZeroDivision;
}

/** x with d decimals, ties to even like Python's format (JS toFixed rounds ties up). */
function fixed(x: number, d: number): string {
  const s = x.toFixed(d);
  const exact = x.toFixed(Math.min(100, d + 60));
  if (!new RegExp(`\\.\\d{${d}}50*$`).test(exact)) return s;
  const down = exact.slice(0, exact.indexOf('.') + d + (d ? 1 : 0));
  return +down.slice(-1) % 2 === 0 ? down : s;
}

function report(o: ClassificationReportOptions, s: CountsState, v: View): ClassificationReport {
  const labels = labelList(o.labels) ?? v.present;
  const names = o.targetNames ?? labels.map(String);
  const prf = (average: 'none' | 'micro' | 'macro' | 'weighted' | 'samples') => prfCompute({ ...o, labels, average }, 'all')(s, v);
  const per = prf('none') as PrfResult<number[]>;
  const total = sum(per.support!);
  const rows = labels.map((_, i) => ({ label: names[i], precision: per.precision[i], recall: per.recall[i], f1: per.fscore[i], support: per.support![i] }));
  const microIsAccuracy = !s.nOut && labels.length === v.present.length && v.present.every((l: Label) => labels.includes(l));
  const kinds = ['micro', 'macro', 'weighted', ...(s.nOut ? ['samples' as const] : [])] as const;
  const averages = kinds.map((k) => {
    const r = prf(k) as PrfResult<number>;
    return { label: k === 'micro' && microIsAccuracy ? 'accuracy' : `${k} avg`, precision: r.precision, recall: r.recall, f1: r.fscore, support: total };
  });
  const d = o.digits ?? 2;
  const width = Math.max(...names.map((n) => n.length), 'weighted avg'.length, d);
  const line = (label: string, cells: string[]) => `${label.padStart(width)}  ${cells.map((x) => x.padStart(9)).join(' ')}\n`;
  const row = (r: ReportRow, acc?: boolean) => line(r.label, [acc ? '' : fixed(r.precision, d), acc ? '' : fixed(r.recall, d), fixed(r.f1, d), `${r.support}`]);
  const text = `${line('', ['precision', 'recall', 'f1-score', 'support'])}\n${rows.map((r) => row(r)).join('')}\n${averages.map((r) => row(r, r.label === 'accuracy')).join('')}`;
  return { rows, averages, accuracy: microIsAccuracy ? averages[0].f1 : null, text };
}

/**
 * Classification report: per-label precision, recall, F1 and support, and their micro (shown as
 * accuracy for single-label input), macro and weighted averages (plus samples for multi-label),
 * as data and as scikit-learn's text table.
 *
 * Defaults: `labels` = sorted labels present, `digits` = 2, `zeroDivision` = 'warn'.
 *
 * @example
 * console.log(classificationReport([0, 1, 2, 2], [0, 2, 2, 2]).text);
 *
 * @see sklearn.metrics.classification_report
 */
export const classificationReportMetric = /* @__PURE__ */ metric(
  'classificationReport',
  'Classification report',
  'classification_report',
  { digits: { kind: 'integer', default: 2, min: 0, max: 15, description: 'decimals in the text' } },
  (o: ClassificationReportOptions = {}) => countsMetric((s, v) => report(o, s, v), o.labels),
);

/** One-shot {@link classificationReportMetric}. */
export const classificationReport: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: ClassificationReportOptions) => ClassificationReport =
  /* @__PURE__ */ once(classificationReportMetric, 'yPred', ['labels', 'targetNames', 'zeroDivision']);
