/** Test helpers (not exported from the package). */
import { trainTestSplit } from '@lab/data-split';
import { applyStandardize, fitStandardize, takeRows, type Dataset } from '@lab/datasets';
import { loadDigits } from '@lab/datasets/digits';

/** Digits, stratified 75/25 split (seed 0), standardised on the training part. */
export function digitsSplit(): { train: Dataset; test: Dataset } {
  const d = loadDigits();
  const fold = trainTestSplit({ nSamples: d.nSamples, y: d.y }, { testFraction: 0.25, stratify: true, seed: 0 });
  const train = takeRows(d, fold.train);
  const test = takeRows(d, fold.test);
  const stats = fitStandardize(train.x, train.nFeatures);
  return { train: { ...train, x: applyStandardize(train.x, stats) }, test: { ...test, x: applyStandardize(test.x, stats) } };
}
