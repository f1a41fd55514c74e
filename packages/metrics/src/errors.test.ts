/** Bad input fails loudly with a typed lab error naming the argument; nothing is silently coerced. */
import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, isLabError, LengthMismatchError, NonFiniteError, ShapeMismatchError, UndefinedResultError, UnknownNameError } from '@lab/core';
import * as labels from './index';
import * as scores from './scores';

/** Both entry points: the label and regression metrics (`@lab/metrics`) and the score metrics (`@lab/metrics/scores`). */
const m = { ...labels, ...scores };

const slideTrue = [0, 1, 1, 1, 0, 1, 0, 1, 1, 0];
const slidePred9 = [1, 1, 1, 1, 0, 0, 0, 1, 0];

describe('length mismatch (the slide: 10 labels, 9 predictions)', () => {
  const fns = [m.accuracyScore, m.zeroOneLoss, m.errorRate, m.confusionMatrix, m.precisionScore, m.recallScore, m.f1Score, m.fbetaScore, m.balancedAccuracyScore, m.matthewsCorrcoef, m.cohenKappaScore, m.classificationReport] as ((a: number[], b: number[]) => unknown)[];
  fns.forEach((fn, i) =>
    test(`metric ${i}: ${fn.name}`, () => {
      expect(() => fn(slideTrue, slidePred9)).toThrow(LengthMismatchError);
      expect(() => fn(slideTrue, slidePred9)).toThrow('yPred has 9 entries but yTrue has 10');
    }),
  );
  test('score and regression metrics', () => {
    expect(() => m.rocAucScore([0, 1, 1], [0.1, 0.2])).toThrow(LengthMismatchError);
    expect(() => m.logLoss([0, 1, 1], [0.1, 0.2])).toThrow(LengthMismatchError);
    expect(() => m.meanSquaredError([1, 2, 3], [1, 2])).toThrow(LengthMismatchError);
    expect(() => m.f1Score([0, 1], [0, 1], { sampleWeight: [1] })).toThrow(LengthMismatchError);
  });
  test('a streaming update rejects it too', () => {
    const acc = m.accuracyScoreMetric.create();
    expect(() => acc.update(acc.init(), { yTrue: slideTrue, yPred: slidePred9 })).toThrow(LengthMismatchError);
  });
});

describe('NaN and non-finite values', () => {
  test('scores', () => {
    expect(() => m.rocAucScore([0, 1, 1], [0.1, NaN, 0.3])).toThrow(NonFiniteError);
    expect(() => m.rocCurve([0, 1, 1], [0.1, Infinity, 0.3])).toThrow(NonFiniteError);
    expect(() => m.averagePrecisionScore([0, 1], [NaN, 1])).toThrow('yScore[0] is NaN');
    expect(() => m.meanAbsoluteError([1, NaN], [1, 2])).toThrow(NonFiniteError);
    expect(() => m.hingeLoss([0, 1], [0.5, -Infinity])).toThrow(NonFiniteError);
  });
  test('labels and weights', () => {
    expect(() => m.accuracyScore([0, NaN], [0, 1])).toThrow(InvalidArgumentError);
    expect(() => m.accuracyScore([0, 0.5], [0, 1])).toThrow('yTrue[1] must be an integer or string class label');
    expect(() => m.accuracyScore([0, 1], ['a', 'b'] as never)).toThrow('no mix of numbers and strings');
    expect(() => m.accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -1] })).toThrow(InvalidArgumentError);
    expect(() => m.accuracyScore([0, 1], [0, 1], { sampleWeight: [1, NaN] })).toThrow(NonFiniteError);
  });
});

describe('labels outside `labels`', () => {
  test('score metrics with a class set', () => {
    expect(() => m.logLoss([0, 1, 5], [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]], { labels: [0, 1] })).toThrow(/yTrue must be a label in labels \(0, 1\), got 5/);
    expect(() => m.topKAccuracyScore([0, 1, 3], [[0.2, 0.3, 0.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]], { labels: [0, 1, 2] })).toThrow(InvalidArgumentError);
    expect(() => m.rocAucScore([0, 1, 3], [[0.2, 0.3, 0.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]], { multiClass: 'ovr', labels: [0, 1, 2] })).toThrow(InvalidArgumentError);
    expect(() => m.hingeLoss([0, 1, 3], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], { labels: [0, 1, 2] })).toThrow(InvalidArgumentError);
  });
  test('confusion matrix needs a label of yTrue; labels must be distinct', () => {
    expect(() => m.confusionMatrix([0, 1], [0, 1], { labels: [7, 8] })).toThrow(InvalidArgumentError);
    expect(() => m.f1Score([0, 1], [0, 1], { labels: [0, 0], average: 'macro' })).toThrow('distinct');
  });
  test('multi-label columns', () => {
    expect(() => m.f1Score([[0, 1]], [[1, 1]], { labels: [2], average: 'macro' })).toThrow(InvalidArgumentError);
    expect(() => m.f1Score([[0, 2]], [[1, 1]], { average: 'macro' })).toThrow('0 or 1');
  });
});

test('probability rows must sum to 1 (and lie in [0, 1])', () => {
  expect(() => m.logLoss([0, 1], [[0.5, 0.6], [0.3, 0.7]])).toThrow(/yPred\[0\].*sum to 1/);
  expect(() => m.rocAucScore([0, 1, 2], [[0.5, 0.6, 0], [0.3, 0.7, 0], [0, 0, 1]], { multiClass: 'ovr' })).toThrow(/yScore\[0\].*sum to 1/);
  expect(() => m.logLoss([0, 1], [1.2, 0.5])).toThrow(InvalidArgumentError);
  expect(() => m.brierScoreLoss([0, 1], [-0.1, 0.5])).toThrow(InvalidArgumentError);
  expect(() => m.calibrationCurve([0, 1], [0.1, 1.5])).toThrow(InvalidArgumentError);
  // within 1e-8 of 1 is accepted (float32 probabilities)
  expect(m.logLoss([0, 1], [[0.3, 0.7 + 5e-9], [0.4, 0.6]])).toBeCloseTo((-Math.log(0.3) - Math.log(0.6)) / 2, 7);
});

describe('unknown or invalid options', () => {
  test('average', () => {
    expect(() => m.f1Score([0, 1], [0, 1], { average: 'mean' as never })).toThrow(UnknownNameError);
    expect(() => m.rocAucScore([0, 1], [0, 1], { average: 'micro' as never })).toThrow(UnknownNameError);
    expect(() => m.f1Score([0, 1, 2], [0, 1, 2])).toThrow(/average must be 'micro', 'macro', 'weighted' or null for multiclass input/);
    expect(() => m.f1Score([0, 1, 2], [0, 1, 2], { average: 'samples' })).toThrow(InvalidArgumentError);
    expect(() => m.rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], { multiClass: 'ovo', average: null })).toThrow(InvalidArgumentError);
  });
  test('others', () => {
    expect(() => m.f1Score([0, 1], [0, 1], { zeroDivision: 2 })).toThrow('zeroDivision');
    expect(() => m.fbetaScore([0, 1], [0, 1], { beta: -1 })).toThrow('beta');
    expect(() => m.f1Score([0, 1], [0, 1], { posLabel: 3 })).toThrow('posLabel');
    expect(() => m.rocAucScore([0, 1], [0, 1], { maxFpr: 0 })).toThrow('maxFpr');
    expect(() => m.rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])).toThrow('multiClass');
    expect(() => m.topKAccuracyScore([0, 1], [0, 1], { k: 0 })).toThrow('k');
    expect(() => m.cohenKappaScore([0, 1], [0, 1], { weights: 'cubic' as never })).toThrow(UnknownNameError);
    expect(() => m.meanSquaredError([[1, 2]], [[1, 2]], { multioutput: [1] })).toThrow('multioutput');
    expect(() => m.calibrationCurve([0, 1], [0, 1], { strategy: 'kmeans' as never })).toThrow(UnknownNameError);
  });
  test('string labels need an explicit positive class for curves', () => {
    expect(() => m.rocCurve(['a', 'b'], [0.1, 0.9])).toThrow('posLabel');
    expect(Array.from(m.rocCurve(['a', 'b'], [0.1, 0.9], { posLabel: 'b' }).tpr)).toEqual([0, 1, 1]);
  });
});

describe('undefined results', () => {
  test('ROC AUC with one class: NaN and a warning by default, or an error', () => {
    const warnings: string[] = [];
    expect(m.rocAucScore([1, 1, 1], [0.2, 0.5, 0.9], { onWarning: (w) => warnings.push(w) })).toBeNaN();
    expect(warnings).toEqual(['Only one class present in yTrue: ROC AUC is not defined in that case']);
    expect(() => m.rocAucScore([1, 1, 1], [0.2, 0.5, 0.9], { singleClass: 'error' })).toThrow(UndefinedResultError);
  });
  test('a metric that has seen no data', () => {
    for (const def of [m.f1ScoreMetric, m.rocAucScoreMetric, m.logLossMetric, m.r2ScoreMetric] as { create(): { init(): unknown; compute(s: unknown): unknown } }[]) {
      const metric = def.create();
      expect(() => metric.compute(metric.init())).toThrow(UndefinedResultError);
    }
  });
  test('kappa 0/0 and R^2 of one sample are NaN with a warning', () => {
    const warnings: string[] = [];
    expect(m.cohenKappaScore([1, 1, 1], [1, 1, 1], { onWarning: (w) => warnings.push(w) })).toBeNaN();
    expect(m.r2Score([1.5], [1], { onWarning: (w) => warnings.push(w) })).toBeNaN();
    expect(warnings).toHaveLength(2);
  });
  test('mixing multi-label and single-label batches in one state', () => {
    const f1 = m.f1ScoreMetric.create({ average: 'micro' });
    const s = f1.update(f1.init(), { yTrue: [[0, 1]], yPred: [[0, 1]] });
    expect(() => f1.update(s, { yTrue: [0], yPred: [1] })).toThrow(ShapeMismatchError);
    expect(() => m.confusionMatrix([[0, 1]] as never, [[1, 1]] as never)).toThrow(InvalidArgumentError);
  });
});

test('every error thrown is a lab error', () => {
  const bad: (() => unknown)[] = [() => m.accuracyScore([1], []), () => m.rocAucScore([0, 1], [NaN, 1]), () => m.f1Score([0], [0], { average: 'x' as never }), () => m.logLoss([0, 0], [0.1, 0.2])];
  for (const f of bad) {
    let err: unknown;
    try {
      f();
    } catch (e) {
      err = e;
    }
    expect(isLabError(err)).toBe(true);
  }
});

describe('inputs that are not arrays, and misspelt options', () => {
  const oneShots = Object.entries(m).filter(([name, f]) => typeof f === 'function' && `${name}Metric` in m) as [string, (a: unknown, b: unknown, o?: unknown) => unknown][];

  test('every one-shot metric names the argument that is not an array', () => {
    expect(oneShots.length).toBeGreaterThan(25);
    for (const [name, f] of oneShots) {
      for (const [a, b, arg] of [[null, [0, 1], 'yTrue'], [[0, 1], undefined, /^y(Pred|Score)$/], ['01', [0, 1], 'yTrue']] as const) {
        let e: unknown;
        try {
          f(a, b);
        } catch (x) {
          e = x;
        }
        expect(e, name).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).argument, name).toMatch(arg);
      }
    }
  });

  test('a row that is not a row of numbers is refused, not read out of bounds', () => {
    expect(() => m.meanSquaredError([{}, 1] as never, [1, 2])).toThrow(/yTrue\[0\] must be a number or a non-empty row of numbers/);
    expect(() => m.rocCurve([0, 1], [{}, 1] as never)).toThrow(InvalidArgumentError);
  });

  test('an unknown option is an error listing the known ones (also for the lecture-form and report options)', () => {
    expect(() => m.f1Score([0, 1], [0, 1], { avrage: 'macro' } as never)).toThrow(/f1Score\.avrage must be one of the known options \(labels, posLabel, average, zeroDivision, fAverage, sampleWeight, onWarning\)/);
    expect(() => m.rocAucScore([0, 1], [0.2, 0.7], { multiclass: 'ovr' } as never)).toThrow(/rocAucScore\.multiclass/);
    // macro P = macro R = 0.75: the lecture's F of them is 0.75, the mean of per-class F1 is 2/3
    expect(m.f1Score([0, 1, 1], [0, 1, 0], { average: 'macro', fAverage: 'precisionRecall' })).toBeCloseTo(0.75, 12);
    expect(m.f1Score([0, 1, 1], [0, 1, 0], { average: 'macro' })).toBeCloseTo(2 / 3, 12);
    expect(m.classificationReport([0, 1], [0, 1], { targetNames: ['a', 'b'], zeroDivision: 0, labels: [0, 1] }).rows).toHaveLength(2);
    expect(() => m.classificationReport([0, 1], [0, 1], { targetName: ['a', 'b'] } as never)).toThrow(/classificationReport\.targetName/);
  });

  test('a streaming metric refuses a batch that is not an object; null options mean none', () => {
    const f1 = m.f1ScoreMetric.create(null as never);
    expect(() => f1.update(f1.init(), null as never)).toThrow(/batch must be an object/);
    expect(f1.compute(f1.update(f1.init(), { yTrue: [0, 1], yPred: [0, 1] }))).toBe(1);
  });
});
