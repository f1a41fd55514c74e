import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve } from '@lab/metrics/scores';
import { emit, type Context, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { classificationTables, summarizeClassification } from '../evaluation';
import type { Chart } from '../output';

interface MetricsOptions extends GlobalOptions {
  true: string;
  pred?: string;
  score?: string;
  posLabel?: string;
  threshold: string;
}

/** Read a CSV with a header row into columns (no quoting: labels and numbers only). */
function readColumns(file: string): { header: string[]; rows: string[][] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`metrics: cannot read ${file}`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new UsageError(`metrics: ${file} needs a header row and at least one data row`);
  const header = lines[0].split(',').map((s) => s.trim());
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(',').map((s) => s.trim());
    if (cells.length !== header.length) throw new UsageError(`metrics: ${file} line ${i + 2} has ${cells.length} cells but the header has ${header.length}`);
    return cells;
  });
  return { header, rows };
}

function column(file: string, t: { header: string[]; rows: string[][] }, name: string, flag: string): string[] {
  const j = t.header.indexOf(name);
  if (j < 0) throw new UsageError(`${flag} ${name}: no such column in ${file}; columns: ${t.header.join(', ')}`);
  return t.rows.map((r) => r[j]);
}

const asLabels = (v: string[]): number[] | string[] => (v.every((s) => /^-?\d+$/.test(s)) ? v.map(Number) : v);

/** `lab metrics FILE.csv`: evaluation metrics from a CSV of labels (and scores). */
export function registerMetrics(program: Command, ctx: Context): void {
  program
    .command('metrics')
    .argument('<file.csv>', 'a CSV file with a header row')
    .description('classification metrics from a CSV of true labels and predictions and/or scores (scikit-learn conventions)')
    .option('--true <column>', 'column of true labels', 'y_true')
    .option('--pred <column>', 'column of predicted labels (default: y_pred if present, else scores thresholded)')
    .option('--score <column>', 'column of scores for the positive class (binary): ROC and PR curves, AUC, AP')
    .option('--pos-label <label>', 'the positive class for scores (default: the larger label)')
    .option('--threshold <t>', 'threshold turning scores into predictions when there is no --pred column', '0.5')
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<MetricsOptions>();
      const t = readColumns(file);
      const yTrue = asLabels(column(file, t, o.true, '--true'));
      const scoreCol = o.score ?? (t.header.includes('score') ? 'score' : undefined);
      const scores = scoreCol ? column(file, t, scoreCol, '--score').map(Number) : undefined;
      if (scores?.some((s) => !Number.isFinite(s))) throw new UsageError(`--score ${scoreCol}: every score must be a finite number`);
      const predCol = o.pred ?? (t.header.includes('y_pred') ? 'y_pred' : undefined);
      const labels = [...new Set(yTrue as (number | string)[])].sort();
      const posLabel = o.posLabel === undefined ? labels[labels.length - 1] : typeof labels[0] === 'number' ? Number(o.posLabel) : o.posLabel;
      let yPred: number[] | string[];
      if (predCol) yPred = asLabels(column(file, t, predCol, '--pred'));
      else if (scores) {
        if (labels.length !== 2) throw new UsageError('metrics: thresholding scores needs exactly two classes in the true labels');
        const thr = Number(o.threshold);
        if (!Number.isFinite(thr)) throw new UsageError(`--threshold must be a number, got ${JSON.stringify(o.threshold)}`);
        const neg = labels.find((l) => l !== posLabel);
        yPred = scores.map((s) => (s >= thr ? posLabel : neg)) as number[] | string[];
      } else throw new UsageError(`metrics: ${file} has neither a y_pred nor a score column; name them with --pred / --score`);
      const summary = summarizeClassification(yTrue, yPred);
      const charts: Chart[] = [];
      let ranking: Record<string, unknown> | undefined;
      if (scores) {
        const roc = rocCurve(yTrue as never, scores, { posLabel: posLabel as never });
        const pr = precisionRecallCurve(yTrue as never, scores, { posLabel: posLabel as never });
        const auc = rocAucScore(yTrue.map((y) => (y === posLabel ? 1 : 0)), scores) as number;
        const ap = averagePrecisionScore(yTrue as never, scores, { posLabel: posLabel as never });
        ranking = { rocAuc: auc, averagePrecision: ap, roc, pr };
        charts.push(
          { title: `ROC curve (AUC ${auc.toFixed(4)})`, xLabel: 'false positive rate', yLabel: 'true positive rate', series: [{ label: 'ROC', x: Array.from(roc.fpr), y: Array.from(roc.tpr) }] },
          { title: `precision-recall curve (AP ${ap.toFixed(4)})`, xLabel: 'recall', yLabel: 'precision', series: [{ label: 'PR', x: Array.from(pr.recall).reverse(), y: Array.from(pr.precision).reverse() }] },
        );
      }
      await emit(ctx, o, {
        title: `lab metrics ${file}`,
        json: { ...summary, ...(ranking ?? {}) },
        tables: classificationTables(summary),
        text: ranking ? [`ROC AUC ${(ranking.rocAuc as number).toFixed(4)}   average precision ${(ranking.averagePrecision as number).toFixed(4)}`] : [],
        charts,
      });
    });
}
