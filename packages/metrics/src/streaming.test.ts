/**
 * Streaming: for every metric, states built on the parts of any partition of the data (in several
 * batches each) and merged in any order give the one-shot result — bit-identical for counts and
 * ranking metrics, within 1e-12 for float sums (regression, log loss, hinge, Brier).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { StreamingMetric } from '@lab/core';
import * as labels from './index';
import * as scores from './scores';

/** Both entry points: the label and regression metrics (`@lab/metrics`) and the score metrics (`@lab/metrics/scores`). */
const m = { ...labels, ...scores };

type Batch = Record<string, unknown>;
type Def = { create(o?: object): StreamingMetric<unknown, never, unknown> };

const quiet = { onWarning: () => {} };

function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).name };
  }
}

/** Split the columns of a batch by `part[i]` into parts, each into two batches. */
function split(batch: Batch, parts: number[], n: number): Batch[][] {
  const keys = Object.keys(batch).filter((k) => batch[k] != null);
  return Array.from({ length: n }, (_, p) => {
    const idx = parts.flatMap((q, i) => (q === p ? [i] : []));
    const half = idx.length >> 1;
    return [idx.slice(0, half), idx.slice(half)].map((ix) => Object.fromEntries(keys.map((k) => [k, ix.map((i) => (batch[k] as unknown[])[i])])));
  });
}

function streamed(def: Def, o: object, batch: Batch, parts: number[], nParts: number, reverse: boolean): unknown {
  const metric = def.create({ ...quiet, ...o });
  const states = split(batch, parts, nParts).map((bs) => bs.reduce((s, b) => metric.update(s, b as never), metric.init()));
  if (reverse) states.reverse();
  return metric.compute(states.reduce((a, b) => metric.merge(a, b), metric.init()));
}

const oneShot = (def: Def, o: object, batch: Batch) => {
  const metric = def.create({ ...quiet, ...o });
  return metric.compute(metric.update(metric.init(), batch as never));
};

const close = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
};

/** Samples: n rows of generated columns plus a partition of them. */
const data = <T extends Batch>(row: fc.Arbitrary<T>) =>
  fc
    .tuple(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean())
    .chain(([rows, nParts, weighted, reverse]) =>
      fc.tuple(fc.constant(rows), fc.array(fc.integer({ min: 0, max: nParts - 1 }), { minLength: rows.length, maxLength: rows.length }), fc.constant(nParts), fc.constant(weighted), fc.constant(reverse)),
    )
    .map(([rows, parts, nParts, weighted, reverse]) => {
      const batch: Batch = {};
      for (const k of Object.keys(rows[0])) batch[k] = rows.map((r) => r[k]);
      if (!weighted) delete batch.sampleWeight;
      return { batch, parts, nParts, reverse };
    });

const label = fc.integer({ min: 0, max: 3 });
const dyadicWeight = fc.integer({ min: 0, max: 8 }).map((k) => k / 4);
const labelRow = fc.record({ yTrue: label, yPred: label, sampleWeight: dyadicWeight });
const stringRow = fc.record({ yTrue: fc.constantFrom('a', 'b', 'c'), yPred: fc.constantFrom('a', 'b', 'c'), sampleWeight: dyadicWeight });
const bits = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 3, maxLength: 3 });
const multiRow = fc.record({ yTrue: bits, yPred: bits, sampleWeight: dyadicWeight });
const score = fc.integer({ min: 0, max: 16 }).map((k) => k / 16);
const binaryScoreRow = fc.record({ yTrue: fc.integer({ min: 0, max: 1 }), yScore: score, sampleWeight: dyadicWeight });
const probs3 = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([a, b]) => [a, Math.min(b, 8 - a), 8 - a - Math.min(b, 8 - a)].map((x) => x / 8));
const probRow = fc.record({ yTrue: fc.integer({ min: 0, max: 2 }), yScore: probs3, sampleWeight: dyadicWeight });
const decisionRow = fc.record({ yTrue: fc.integer({ min: 0, max: 2 }), yScore: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), sampleWeight: dyadicWeight });
const real = fc.double({ min: -100, max: 100, noNaN: true });
const regRow = fc.record({ yTrue: real, yPred: real, sampleWeight: fc.double({ min: 0.1, max: 3, noNaN: true }) });
// R^2 and explained variance are ratios that are ill-conditioned for (nearly) constant yTrue in
// any summation order (scikit-learn's two-pass formula included), so they are checked on quarter
// values, where a constant yTrue has exactly zero variance however it is merged.
const quarter = fc.integer({ min: -400, max: 400 }).map((k) => k / 4);
const quarterRow = fc.record({ yTrue: quarter, yPred: quarter, sampleWeight: fc.integer({ min: 1, max: 8 }).map((k) => k / 4) });
const reg2Row = fc.record({ yTrue: fc.tuple(quarter, quarter), yPred: fc.tuple(quarter, quarter) });

const cases: [string, Def, object, fc.Arbitrary<ReturnType<typeof data> extends fc.Arbitrary<infer T> ? T : never>, boolean][] = [
  ['accuracyScore', m.accuracyScoreMetric, {}, data(labelRow), true],
  ['accuracyScore count, strings', m.accuracyScoreMetric, { normalize: false }, data(stringRow), true],
  ['accuracyScore multi-label', m.accuracyScoreMetric, {}, data(multiRow), true],
  ['zeroOneLoss', m.zeroOneLossMetric, {}, data(labelRow), true],
  ['errorRate', m.errorRateMetric, {}, data(labelRow), true],
  ['confusionMatrix', m.confusionMatrixMetric, {}, data(labelRow), true],
  ['confusionMatrix normalize true, labels', m.confusionMatrixMetric, { normalize: 'true', labels: [3, 1, 0] }, data(labelRow), true],
  ['precisionScore macro', m.precisionScoreMetric, { average: 'macro' }, data(labelRow), true],
  ['recallScore weighted', m.recallScoreMetric, { average: 'weighted' }, data(labelRow), true],
  ['f1Score binary', m.f1ScoreMetric, {}, data(labelRow), true],
  ['f1Score micro, strings', m.f1ScoreMetric, { average: 'micro' }, data(stringRow), true],
  ['f1Score samples', m.f1ScoreMetric, { average: 'samples' }, data(multiRow), true],
  ['fbetaScore per class', m.fbetaScoreMetric, { average: null, beta: 2 }, data(labelRow), true],
  ['precisionRecallFscoreSupport macro multi-label', m.precisionRecallFscoreSupportMetric, { average: 'macro' }, data(multiRow), true],
  ['balancedAccuracyScore', m.balancedAccuracyScoreMetric, { adjusted: true }, data(labelRow), true],
  ['matthewsCorrcoef', m.matthewsCorrcoefMetric, {}, data(labelRow), true],
  ['cohenKappaScore', m.cohenKappaScoreMetric, { weights: 'quadratic' }, data(labelRow), true],
  ['classificationReport', m.classificationReportMetric, {}, data(labelRow), true],
  ['rocCurve', m.rocCurveMetric, {}, data(binaryScoreRow), true],
  ['rocAucScore', m.rocAucScoreMetric, {}, data(binaryScoreRow), true],
  ['rocAucScore partial', m.rocAucScoreMetric, { maxFpr: 0.5 }, data(binaryScoreRow), true],
  ['rocAucScore ovr weighted', m.rocAucScoreMetric, { multiClass: 'ovr', average: 'weighted' }, data(probRow), true],
  ['rocAucScore ovo', m.rocAucScoreMetric, { multiClass: 'ovo', labels: [0, 1, 2] }, data(probRow), true],
  ['precisionRecallCurve', m.precisionRecallCurveMetric, {}, data(binaryScoreRow), true],
  ['averagePrecisionScore', m.averagePrecisionScoreMetric, {}, data(binaryScoreRow), true],
  ['calibrationCurve', m.calibrationCurveMetric, { strategy: 'quantile', nBins: 3 }, data(binaryScoreRow.map(({ yTrue, yScore }) => ({ yTrue, yScore }))), true],
  ['topKAccuracyScore', m.topKAccuracyScoreMetric, { k: 2, labels: [0, 1, 2] }, data(probRow), true],
  ['topKAccuracyScore binary', m.topKAccuracyScoreMetric, { k: 1 }, data(binaryScoreRow), true],
  ['logLoss', m.logLossMetric, { labels: [0, 1, 2] }, data(probRow), false],
  ['brierScoreLoss', m.brierScoreLossMetric, {}, data(binaryScoreRow), false],
  ['hingeLoss', m.hingeLossMetric, { labels: [0, 1, 2] }, data(decisionRow), false],
  ['meanSquaredError', m.meanSquaredErrorMetric, {}, data(regRow), false],
  ['rootMeanSquaredError', m.rootMeanSquaredErrorMetric, {}, data(regRow), false],
  ['meanAbsoluteError', m.meanAbsoluteErrorMetric, {}, data(regRow), false],
  ['r2Score', m.r2ScoreMetric, {}, data(quarterRow), false],
  ['explainedVarianceScore multi-output', m.explainedVarianceScoreMetric, { multioutput: 'raw_values' }, data(reg2Row), false],
];

describe('merge of partial states equals the one-shot result', () => {
  for (const [name, def, o, arb, exact] of cases)
    test(`${name}${exact ? ' (bit-identical)' : ''}`, () => {
      fc.assert(
        fc.property(arb, ({ batch, parts, nParts, reverse }) => {
          const want = outcome(() => oneShot(def, o, batch));
          const got = outcome(() => streamed(def, o, batch, parts, nParts, reverse));
          if (exact) expect(got).toEqual(want);
          else expect(close(got, want), JSON.stringify([got, want])).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
});

test('the one-shot function is the streaming metric over one batch', () => {
  const yTrue = [0, 1, 1, 2, 2, 2];
  const yPred = [0, 2, 1, 2, 1, 2];
  const f1 = m.f1ScoreMetric.create({ average: 'macro' });
  expect(f1.compute(f1.update(f1.init(), { yTrue, yPred }))).toBe(m.f1Score(yTrue, yPred, { average: 'macro' }));
});

test('update and merge do not modify their inputs', () => {
  const f1 = m.confusionMatrixMetric.create();
  const a = f1.update(f1.init(), { yTrue: [0, 1], yPred: [1, 1] });
  const snapshot = JSON.stringify(a, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
  f1.update(a, { yTrue: [2, 0], yPred: [2, 2] });
  f1.merge(a, f1.update(f1.init(), { yTrue: [3], yPred: [0] }));
  expect(JSON.stringify(a, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(snapshot);
});
