import { describe, expect, it } from 'vitest';
import { isLabError, type SplitInput } from '@lab/core';
import { kFold } from '@lab/data-split';
import { groupKFold } from '@lab/data-split/groups';
import { loadIris } from '@lab/datasets/iris';
import { crossValidate } from './cross-validate';
import { applyCandidate, gridSearch, randomSearch, specFor } from './search';
import { crossValidate as crossValidateNode, gridSearch as gridSearchNode, randomSearch as randomSearchNode } from './node';
import { defaultRegistry } from './registry';
import { evaluate } from './evaluate';

const iris = loadIris();
const base = { model: { type: 'softmax' }, data: iris, standardize: true, fit: { epochs: 3, batchSize: 16, optimizer: { type: 'adam', lr: 0.05 } } } as const;
const strip = <T extends { folds: readonly { fitMs: number }[] }>(r: T) => ({ ...r, folds: r.folds.map((f) => ({ ...f, fitMs: 0 })) });

describe('crossValidate', () => {
  it('scores each fold and reports mean ± std', async () => {
    const cv = await crossValidate({ ...base, seed: 1, trainScores: true });
    expect(cv.folds).toHaveLength(5);
    expect(cv.folds.map((f) => f.nTest)).toEqual([30, 30, 30, 30, 30]);
    expect(cv.metric).toBe('accuracy');
    const accs = cv.folds.map((f) => f.test.accuracy);
    const mean = accs.reduce((a, b) => a + b) / 5;
    expect(cv.score).toBeCloseTo(mean, 12);
    expect(cv.scoreStd).toBeCloseTo(Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / 5), 12);
    expect(cv.score).toBeGreaterThan(0.8);
    expect(cv.folds[0].train!.loss).toBeGreaterThan(0);
    expect(cv.mean.loss).toBeGreaterThan(0);
  });

  it('takes any splitter object, config or name', async () => {
    const a = await crossValidate({ ...base, splitter: kFold({ nSplits: 3, shuffle: true, seed: 4 } as never) });
    const b = await crossValidate({ ...base, splitter: { type: 'kFold', nSplits: 3, shuffle: true, seed: 4 } });
    expect(strip(a)).toEqual(strip(b));
    expect((await crossValidate({ ...base, splitter: 'kFold', scoring: ['f1', 'accuracy'] })).metric).toBe('f1');
  });

  it('gives identical results on worker threads (parallel = serial)', async () => {
    const serial = await crossValidateNode({ ...base, parallel: false });
    const parallel = await crossValidateNode({ ...base, parallel: 2 });
    expect(strip(parallel)).toEqual(strip(serial));
  }, 60_000);

  it('passes groups to the splitter: group K-fold by name equals the factory given the groups itself', async () => {
    const groups = Array.from({ length: iris.nSamples }, (_, i) => `g${Math.floor(i / 10)}`);
    const byName = await crossValidate({ ...base, splitter: { type: 'groupKFold', nSplits: 3 }, groups });
    const direct = groupKFold({ nSplits: 3 });
    const own = await crossValidate({ ...base, splitter: { nSplits: direct.nSplits, split: (input: SplitInput) => direct.split({ ...input, groups }) } });
    expect(strip(byName)).toEqual(strip(own));
    expect(byName.folds.map((f) => f.nTest)).toEqual([50, 50, 50]);
    const search = await gridSearch({ ...base, splitter: 'groupKFold', groups, params: { 'fit.lr': [0.05] }, refit: false });
    expect(search.results[0].cv.folds.map((f) => f.nTest)).toEqual([30, 30, 30, 30, 30]);
  });

  it('refuses missing or misfit groups with a lab error naming them', async () => {
    const missing = await crossValidate({ ...base, splitter: 'groupKFold' }).catch((x) => x);
    expect(isLabError(missing) && missing.message).toMatch(/groups/);
    for (const groups of [[1, 2, 3], 'abc', null]) {
      const e = await crossValidate({ ...base, splitter: 'groupKFold', groups: groups as never }).catch((x) => x);
      expect(isLabError(e) && (e as { argument?: string }).argument).toBe('groups');
    }
  });

  it('refuses functions in the job description', async () => {
    const e = await crossValidate({ ...base, fit: { ...base.fit, optimizer: { type: 'adam', lr: () => 0.1 } } as never }).catch((x) => x);
    expect(isLabError(e)).toBe(true);
  });
});

describe('search', () => {
  it('applies dotted paths to the model spec and fit config', () => {
    const r = applyCandidate({ type: 'mlp', hidden: [8] }, { optimizer: 'adam' }, { 'model.hidden': [16], 'fit.optimizer.b2': 0.99, 'fit.regularization.l2': 1e-3 });
    expect(r).toEqual({ model: { type: 'mlp', hidden: [16] }, fit: { optimizer: { type: 'adam', b2: 0.99 }, regularization: { l2: 1e-3 } } });
    expect(() => applyCandidate({ type: 'softmax' }, {}, { lr: 1 })).toThrow(/model\.' or 'fit\./);
  });

  it('grid search ranks every combination, refits the best, and parallel = serial', async () => {
    const options = { ...base, splitter: { type: 'stratifiedKFold', nSplits: 3, shuffle: true, seed: 0 }, params: { 'fit.lr': [1e-4, 0.05], 'fit.batchSize': [16, 64] } };
    const serial = await gridSearch(options);
    expect(serial.results).toHaveLength(4);
    expect(serial.results[0].rank).toBe(1);
    const scores = serial.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(serial.best.params['fit.lr']).toBe(0.05);
    expect(serial.results.at(-1)!.params['fit.lr']).toBe(1e-4);
    expect(serial.model).toBeDefined();
    const { applyStandardize } = await import('@lab/datasets');
    expect(evaluate(serial.model!, { ...iris, x: applyStandardize(iris.x, serial.standardization!) }).accuracy).toBeGreaterThan(0.85);
    const parallel = await gridSearchNode({ ...options, parallel: 2, refit: false });
    expect(parallel.results.map((r) => [r.params, strip(r.cv)])).toEqual(serial.results.map((r) => [r.params, strip(r.cv)]));
  }, 60_000);

  it('random search draws log-uniform where the params spec says log, and parallel = serial', async () => {
    expect((specFor('fit.lr', {}, defaultRegistry()) as { log?: boolean })?.log).toBe(true);
    expect((specFor('fit.optimizer.b1', { optimizer: 'adam' }, defaultRegistry()) as { log?: boolean })?.log).toBeUndefined();
    const options = { ...base, refit: false, nIter: 40, seed: 3, splitter: { type: 'kFold', nSplits: 2, shuffle: true }, fit: { ...base.fit, epochs: 1 }, params: { 'fit.lr': { min: 1e-5, max: 1e-1 }, 'fit.optimizer.b1': { min: 0.5, max: 0.9 }, 'fit.batchSize': [16, 32] } } as const;
    const r = await randomSearch(options);
    const lrs = r.results.map((x) => x.params['fit.lr'] as number);
    // log-uniform over 4 decades: about a quarter per decade; uniform would put ~90 % in the top decade
    expect(lrs.filter((x) => x < 1e-2).length).toBeGreaterThan(15);
    expect(lrs.every((x) => x >= 1e-5 && x <= 1e-1)).toBe(true);
    const b1 = r.results.map((x) => x.params['fit.optimizer.b1'] as number);
    expect(b1.filter((x) => x > 0.7).length).toBeGreaterThan(10);
    const again = await randomSearchNode({ ...options, parallel: 2 });
    expect(again.results.map((x) => [x.params, strip(x.cv)])).toEqual(r.results.map((x) => [x.params, strip(x.cv)]));
  }, 60_000);
});
