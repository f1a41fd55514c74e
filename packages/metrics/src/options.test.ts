/** scikit-learn conventions and the named options for divergent definitions. */
import { describe, expect, test, vi } from 'vitest';
import { createRegistry } from '@lab/core';
import { checkPlugin } from '@lab/core/testing';
import * as labels from './index';
import * as scores from './scores';
import { metricsPlugin } from './plugin';

/** Both entry points: the label and regression metrics (`@lab/metrics`) and the score metrics (`@lab/metrics/scores`). */
const m = { ...labels, ...scores };

describe('zeroDivision', () => {
  const yTrue = [0, 0, 1];
  const yPred = [0, 0, 0];
  test("'warn' is 0 plus one warning through onWarning", () => {
    const onWarning = vi.fn();
    expect(m.precisionScore(yTrue, yPred, { onWarning })).toBe(0);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning.mock.calls[0][0]).toMatch(/^Precision is ill-defined/);
  });
  test("'warn' without onWarning uses console.warn", () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    m.precisionScore(yTrue, yPred);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
  test('0, 1, NaN (numbers or registry strings) and no warning', () => {
    const onWarning = vi.fn();
    expect(m.precisionScore(yTrue, yPred, { zeroDivision: 0, onWarning })).toBe(0);
    expect(m.precisionScore(yTrue, yPred, { zeroDivision: 1, onWarning })).toBe(1);
    expect(m.precisionScore(yTrue, yPred, { zeroDivision: '1', onWarning })).toBe(1);
    expect(m.precisionScore(yTrue, yPred, { zeroDivision: NaN, onWarning })).toBeNaN();
    expect(onWarning).not.toHaveBeenCalled();
  });
  test('NaN entries are left out of averages', () => {
    const [t, p] = [[0, 1, 2], [0, 1, 1]];
    expect(m.precisionScore(t, p, { average: 'macro', zeroDivision: NaN })).toBe(0.75);
    expect(m.precisionScore(t, p, { average: 'macro', zeroDivision: 0 })).toBe(0.5);
    expect(m.precisionScore(t, p, { average: null, zeroDivision: NaN })).toEqual([1, 0.5, NaN]);
  });
});

test("fAverage: mean of per-class F1 (default) vs F1 of macro precision and recall", () => {
  const [t, p] = [[0, 0, 1, 1, 2], [0, 1, 1, 1, 1]];
  const o = { average: 'macro', zeroDivision: 0 } as const;
  expect(m.f1Score(t, p, o)).toBeCloseTo(4 / 9, 15);
  const P = m.precisionScore(t, p, o) as number;
  const R = m.recallScore(t, p, o) as number;
  expect(m.f1Score(t, p, { ...o, fAverage: 'precisionRecall' })).toBe((2 * P * R) / (P + R));
  expect(m.f1Score(t, p, { ...o, fAverage: 'precisionRecall' })).toBe(0.5);
});

test("average precision: step sum (default) vs trapezoid", () => {
  const [t, s] = [[0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]];
  expect(m.averagePrecisionScore(t, s)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 15);
  expect(m.averagePrecisionScore(t, s, { interpolation: 'trapezoid' })).toBeCloseTo((0.5 * (2 / 3 + 0.5)) / 2 + 0.5, 15);
});

test("rocCurve firstThreshold: max + 1 (scikit-learn 1.2) or Infinity", () => {
  const [t, s] = [[0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]];
  expect(m.rocCurve(t, s).thresholds[0]).toBe(1.8);
  expect(m.rocCurve(t, s, { firstThreshold: 'infinity' }).thresholds[0]).toBe(Infinity);
});

describe('label ordering', () => {
  test('sorted unique labels, numbers and strings', () => {
    expect(m.precisionRecallFscoreSupport(['b', 'c', 'a', 'a'], ['b', 'a', 'a', 'a'], { average: null, zeroDivision: 0 }).support).toEqual([2, 1, 1]);
    expect(m.confusionMatrix([10, 2, 2], [2, 10, 2])).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });
  test('labels= order, subset and extra labels', () => {
    const r = m.precisionRecallFscoreSupport([0, 1, 2, 2], [0, 2, 2, 1], { labels: [2, 0, 5], average: null, zeroDivision: 0 });
    expect(r.support).toEqual([2, 1, 0]);
    expect(r.recall).toEqual([0.5, 1, 0]);
  });
  test("binary posLabel picks the class; roc_auc's positive class is the greater label", () => {
    expect(m.recallScore([0, 1, 1, 0], [0, 1, 0, 1], { posLabel: 0 })).toBe(0.5);
    expect(m.rocAucScore(['no', 'yes', 'yes'], [0.1, 0.9, 0.8])).toBe(1);
    expect(m.rocAucScore([2, 1, 1], [0.1, 0.9, 0.8])).toBe(0);
  });
});

test('classification report data', () => {
  const r = m.classificationReport([0, 1, 2, 2], [0, 2, 2, 2], { zeroDivision: 0 });
  expect(r.rows.map((x) => [x.label, x.support])).toEqual([
    ['0', 1],
    ['1', 1],
    ['2', 2],
  ]);
  expect(r.accuracy).toBe(0.75);
  expect(r.averages.map((a) => a.label)).toEqual(['accuracy', 'macro avg', 'weighted avg']);
  expect(r.text.split('\n')[0]).toBe('              precision    recall  f1-score   support');
  const ml = m.classificationReport([[1, 0], [0, 1]], [[1, 0], [1, 1]], { zeroDivision: 0 });
  expect(ml.accuracy).toBeNull();
  expect(ml.averages.map((a) => a.label)).toEqual(['micro avg', 'macro avg', 'weighted avg', 'samples avg']);
});

describe('metricsPlugin', () => {
  test('conforms and registers every metric', () => {
    expect(() => checkPlugin(metricsPlugin)).not.toThrow();
    const names = createRegistry().use(metricsPlugin).list('metric').map((e) => e.name);
    expect(names).toHaveLength(27);
    expect(names).toContain('rocAucScore');
  });
  test('lists exactly the definitions of both entry points, which share no name', () => {
    const defs = (mod: object) => Object.entries(mod).filter(([k]) => k.endsWith('Metric'));
    expect(Object.keys(labels).filter((k) => k in scores)).toEqual([]);
    const listed = new Set<unknown>(metricsPlugin.metrics);
    const all = [...defs(labels), ...defs(scores)];
    expect(all).toHaveLength(27);
    expect(all.filter(([, d]) => !listed.has(d)).map(([k]) => k)).toEqual([]);
    expect(defs(scores).map(([, d]) => (d as { name: string }).name).sort()).toEqual(
      ['averagePrecisionScore', 'brierScoreLoss', 'calibrationCurve', 'hingeLoss', 'logLoss', 'precisionRecallCurve', 'rocAucScore', 'rocCurve', 'topKAccuracyScore'],
    );
  });
  test('a registry-built metric computes what the function does', () => {
    const reg = createRegistry().use(metricsPlugin);
    const f1 = reg.build('metric', { type: 'f1Score', average: 'macro', zeroDivision: '0' });
    const batch = { yTrue: [0, 1, 2, 2], yPred: [0, 2, 2, 1] };
    expect(f1.compute(f1.update(f1.init(), batch))).toBe(m.f1Score(batch.yTrue, batch.yPred, { average: 'macro', zeroDivision: 0 }));
    const per = reg.build('metric', { type: 'recallScore', average: 'none', labels: [2, 0] });
    expect(per.compute(per.update(per.init(), batch))).toEqual([0.5, 1]);
    expect(() => reg.build('metric', { type: 'f1Score', averge: 'macro' })).toThrow('unknown option');
    expect(() => reg.build('metric', { type: 'f1Score', average: 'mean' })).toThrow();
  });
});
