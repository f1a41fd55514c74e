import { accuracyScore, classificationReport, confusionMatrix, precisionRecallFscoreSupport } from '@lab/metrics';
import type { Table } from './output';

export interface ClassificationSummary {
  accuracy: number;
  macro: { precision: number; recall: number; f1: number };
  micro: { precision: number; recall: number; f1: number };
  weighted: { precision: number; recall: number; f1: number };
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
  confusionMatrix: number[][];
  labels: (string | number)[];
}

function prf(yTrue: ArrayLike<number> | ArrayLike<string>, yPred: ArrayLike<number> | ArrayLike<string>, average: 'macro' | 'micro' | 'weighted') {
  const r = precisionRecallFscoreSupport(yTrue as never, yPred as never, { average, zeroDivision: 0 }) as { precision: number; recall: number; fscore: number };
  return { precision: r.precision, recall: r.recall, f1: r.fscore };
}

/** Accuracy, per-class and macro / micro / weighted P/R/F1, and the confusion matrix (scikit-learn conventions). */
export function summarizeClassification(
  yTrue: ArrayLike<number> | ArrayLike<string>,
  yPred: ArrayLike<number> | ArrayLike<string>,
  classNames?: readonly string[],
): ClassificationSummary {
  const labels = [...new Set([...Array.from(yTrue as ArrayLike<number>), ...Array.from(yPred as ArrayLike<number>)])].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1,
  );
  const report = classificationReport(yTrue as never, yPred as never, { zeroDivision: 0 });
  const name = (l: string | number, i: number) => (classNames && typeof l === 'number' && classNames[l] !== undefined ? classNames[l] : String(labels[i]));
  return {
    accuracy: accuracyScore(yTrue as never, yPred as never),
    macro: prf(yTrue, yPred, 'macro'),
    micro: prf(yTrue, yPred, 'micro'),
    weighted: prf(yTrue, yPred, 'weighted'),
    perClass: report.rows.map((r, i) => ({ label: name(labels[i], i), precision: r.precision, recall: r.recall, f1: r.f1, support: r.support })),
    confusionMatrix: confusionMatrix(yTrue as never, yPred as never),
    labels,
  };
}

const f4 = (x: number): string => x.toFixed(4);

export function classificationTables(s: ClassificationSummary): Table[] {
  return [
    {
      title: `test accuracy ${(100 * s.accuracy).toFixed(2)} %`,
      columns: ['class', 'precision', 'recall', 'F1', 'support'],
      rows: [
        ...s.perClass.map((r) => [r.label, f4(r.precision), f4(r.recall), f4(r.f1), r.support]),
        ['macro avg', f4(s.macro.precision), f4(s.macro.recall), f4(s.macro.f1), ''],
        ['micro avg', f4(s.micro.precision), f4(s.micro.recall), f4(s.micro.f1), ''],
        ['weighted avg', f4(s.weighted.precision), f4(s.weighted.recall), f4(s.weighted.f1), ''],
      ],
    },
    {
      title: 'confusion matrix (rows: true class, columns: predicted)',
      columns: ['', ...s.perClass.map((r) => r.label)],
      rows: s.confusionMatrix.map((row, i) => [s.perClass[i]?.label ?? String(i), ...row]),
    },
  ];
}
