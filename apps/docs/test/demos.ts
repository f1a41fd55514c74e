/**
 * What each demo must do when its controls move. Each check opens the demo page, drives its
 * controls like a user and asserts that what is shown changed the way it must.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface DemoCheck {
  readonly name: string;
  readonly slug: string;
  readonly path: string;
  readonly viewport?: { width: number; height: number };
  run(page: Page): Promise<void>;
}

// ------------------------------------------------------------------------------------ helpers

const tid = (id: string): string => `[data-testid="${id}"]`;

/** Wait until the client-only demo has mounted. */
async function mounted(page: Page, demo: string): Promise<void> {
  await page.locator(tid(demo)).waitFor({ state: 'visible' });
}

async function text(page: Page, id: string): Promise<string> {
  return (await page.locator(tid(id)).first().textContent())?.trim() ?? '';
}

async function num(page: Page, id: string): Promise<number> {
  const t = await text(page, id);
  const v = Number(t);
  if (!Number.isFinite(v)) throw new Error(`[data-testid=${id}] shows "${t}", not a number`);
  return v;
}

/** Move a generated range control to a position (0..max), as a user dragging it does. */
async function slide(page: Page, id: string, position: number | 'min' | 'max'): Promise<void> {
  const input = page.locator(tid(id));
  await input.waitFor();
  await input.evaluate((el, pos) => {
    const inp = el as HTMLInputElement;
    const p = pos === 'min' ? Number(inp.min) : pos === 'max' ? Number(inp.max) : pos;
    inp.value = String(p);
    inp.dispatchEvent(new Event('input', { bubbles: true }));
    inp.dispatchEvent(new Event('change', { bubbles: true }));
  }, position);
}

/** A fingerprint of a chart's pixels: changes when the chart is redrawn differently. */
async function pixels(page: Page, id: string): Promise<string> {
  return page.locator(`${tid(id)} canvas`).first().evaluate((c) => {
    const url = (c as HTMLCanvasElement).toDataURL();
    let h = 0;
    for (let i = 0; i < url.length; i++) h = (h * 31 + url.charCodeAt(i)) | 0;
    return `${url.length}:${h}`;
  });
}

const cm = async (page: Page, n: number): Promise<number[][]> => {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(await num(page, `cm-${i}-${j}`));
    out.push(row);
  }
  return out;
};

async function foldClassCounts(page: Page, id: string): Promise<number[][]> {
  return page.locator(`${tid(id)} [data-fold]`).evaluateAll((els) => els.map((e) => (e.getAttribute('data-test-classes') ?? '').split(',').map(Number)));
}


interface RacerResult {
  id: string;
  plugin: string;
  initial: number;
  final: number;
  status: string;
}

async function raceResults(page: Page): Promise<RacerResult[]> {
  return page.locator('[data-racer]').evaluateAll((els) =>
    els.map((e) => {
      const loss = e.querySelector('[data-testid^="race-loss-"]')!;
      return {
        id: e.getAttribute('data-racer') ?? '',
        plugin: e.getAttribute('data-plugin') ?? '',
        initial: Number(loss.getAttribute('data-initial')),
        final: Number(loss.getAttribute('data-final')),
        status: loss.getAttribute('data-run-status') ?? '',
      };
    }),
  );
}

/** The race's run counter (it goes up each time the race restarts). */
async function raceRun(page: Page): Promise<number> {
  return Number(await page.locator(tid('race')).getAttribute('data-run'));
}

/** Wait until a race later than `after` has finished. */
async function raceFinished(page: Page, after = 0): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const race = document.querySelector('[data-testid="race"]');
      return Number(race?.getAttribute('data-run')) > n && race?.getAttribute('data-status') === 'done';
    },
    after,
    { timeout: 60_000 },
  );
}

async function params(page: Page, controls: string): Promise<string[]> {
  return page.locator(`${tid(controls)} [data-param]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-param') ?? ''));
}


interface TrainRow {
  batch: number;
  iterations: number;
  first: number;
  afterOne: number;
  last: number;
  error: string;
}

async function trainingRows(page: Page, after = 0): Promise<TrainRow[]> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="training"]');
      return Number(el?.getAttribute('data-run')) > n && el?.getAttribute('data-status') === 'done';
    },
    after,
    { timeout: 120_000 },
  );
  return page.locator('[data-batch]').evaluateAll((els) =>
    els.map((e) => ({
      batch: Number(e.getAttribute('data-batch')),
      iterations: Number(e.getAttribute('data-iterations')),
      first: Number(e.getAttribute('data-first')),
      afterOne: Number(e.getAttribute('data-after-one')),
      last: Number(e.getAttribute('data-last')),
      error: e.getAttribute('data-error') ?? '',
    })),
  );
}

// ------------------------------------------------------------------------------------ checks

export const demoChecks: DemoCheck[] = [
  {
    name: 'evaluation: editing y and ŷ updates the confusion matrix and scores; the score controls move ROC/PR; the fold controls redraw the folds',
    slug: 'evaluation',
    path: '/demos/evaluation.html',
    async run(page) {
      await mounted(page, 'evaluation-demo');
      // the slide's example: TN 3, FP 1, FN 2, TP 4
      expect(await cm(page, 2)).toEqual([[3, 1], [2, 4]]);
      expect(await num(page, 'accuracy')).toBeCloseTo(0.7, 3);
      // micro F1 = accuracy for single-label data; macro differs here
      const micro = await page.locator(`${tid('prf-micro')} td`).allTextContents();
      expect(Number(micro[2])).toBeCloseTo(0.7, 3);
      const macro = await page.locator(`${tid('prf-macro')} td`).allTextContents();
      expect(Number(macro[2])).not.toBeCloseTo(0.7, 3);

      // ŷ[0]: 1 -> 0 turns a false positive into a true negative
      await page.locator(tid('y-pred-0')).click();
      expect(await cm(page, 2)).toEqual([[4, 0], [2, 4]]);
      expect(await num(page, 'accuracy')).toBeCloseTo(0.8, 3);
      // y[5]: 1 -> 0 (ŷ[5] = 0) turns a false negative into a true negative
      await page.locator(tid('y-true-5')).click();
      expect(await cm(page, 2)).toEqual([[5, 0], [1, 4]]);
      // three classes: the matrix grows
      await page.locator(tid('n-classes')).selectOption('3');
      await page.locator(tid('y-pred-1')).click();
      await page.locator(tid('y-pred-1')).click(); // 1 -> 2 -> 0
      expect((await cm(page, 3)).flat().reduce((a, b) => a + b, 0)).toBe(10);
      expect(await num(page, 'cm-1-0')).toBe(2);

      // scores: a larger separation gives a larger AUC and redraws the ROC curve
      const auc0 = await num(page, 'roc-auc');
      const ap0 = await num(page, 'pr-ap');
      const roc0 = await pixels(page, 'roc-chart');
      await slide(page, 'scores-separation', 'max');
      const auc1 = await num(page, 'roc-auc');
      expect(auc1).toBeGreaterThan(auc0);
      expect(auc1).toBeGreaterThan(0.95);
      expect(await num(page, 'pr-ap')).toBeGreaterThan(ap0);
      expect(await pixels(page, 'roc-chart')).not.toBe(roc0);
      await slide(page, 'scores-separation', 'min');
      expect(await num(page, 'roc-auc')).toBeLessThan(0.8);

      // folds: sorted labels, 4 folds by default; plain K-fold leaves some test folds without positives,
      // stratified K-fold puts positives in every fold (counts differ by at most one)
      const plain = await foldClassCounts(page, 'plain-folds');
      const strat = await foldClassCounts(page, 'stratified-folds');
      expect(plain.length).toBe(4);
      expect(strat.length).toBe(4);
      expect(plain.some((c) => c[1] === 0)).toBe(true);
      const pos = strat.map((c) => c[1]);
      expect(Math.min(...pos)).toBeGreaterThan(0);
      expect(Math.max(...pos) - Math.min(...pos)).toBeLessThanOrEqual(1);
      await slide(page, 'folds-nSplits', 'max');
      const k = await num(page, 'folds-nSplits-value');
      expect(k).toBeGreaterThan(4);
      expect((await foldClassCounts(page, 'plain-folds')).length).toBe(k);
      // every sample is in exactly one test fold
      const total = (await foldClassCounts(page, 'plain-folds')).flat().reduce((a, b) => a + b, 0);
      expect(total).toBe(Number(await text(page, 'fold-data-nSamples-value')));
    },
  },
  {
    name: 'optimisation: the race runs every optimizer (and the plugin’s lion) and the loss goes down; a surface or a hyper-parameter change re-runs it',
    slug: 'race',
    path: '/demos/optimisation.html',
    viewport: { width: 1280, height: 900 },
    async run(page) {
      await mounted(page, 'race');
      await raceFinished(page);
      let results = await raceResults(page);
      const ids = results.map((r) => r.id);
      for (const name of ['sgd', 'sgd-momentum', 'sgd-nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'amsgrad', 'adamax', 'nadam', 'radam', 'lion']) expect(ids).toContain(name);
      expect(results.find((r) => r.id === 'lion')?.plugin).toBe('lab-plugin-lion');
      for (const r of results) {
        expect(r.status, `${r.id} on rosenbrock`).toBe('done');
        expect(r.final, `${r.id}: the loss must go down on rosenbrock`).toBeLessThan(r.initial);
      }
      // another surface: the paths are redrawn and every loss goes down there too
      const paths = await pixels(page, 'race-paths');
      let run = await raceRun(page);
      await page.locator(tid('race-surface')).selectOption('saddle');
      await raceFinished(page, run);
      expect(await pixels(page, 'race-paths')).not.toBe(paths);
      results = await raceResults(page);
      for (const r of results) {
        expect(r.status, `${r.id} on the saddle`).toBe('done');
        expect(r.final, `${r.id}: the loss must go down on the saddle`).toBeLessThan(r.initial);
      }
      // the controls come from the specs: Adam's lr is a log slider, its options are the spec's
      await page.locator(`${tid('racer-adam')} summary`).click();
      expect(await page.locator(tid('race-adam-lr')).getAttribute('data-log')).toBe('true');
      expect(await params(page, 'race-adam-controls')).toEqual(['lr', 'b1', 'b2', 'eps', 'weightDecay', 'maximize', 'epsInsideSqrt', 'amsgrad']);
      const adamBefore = results.find((r) => r.id === 'adam')!.final;
      const sgdBefore = results.find((r) => r.id === 'sgd')!.final;
      run = await raceRun(page);
      await slide(page, 'race-adam-lr', 'min');
      await raceFinished(page, run);
      results = await raceResults(page);
      expect(results.find((r) => r.id === 'adam')!.final, 'a tiny learning rate must leave Adam further from the minimum').toBeGreaterThan(adamBefore);
      expect(results.find((r) => r.id === 'sgd')!.final).toBe(sgdBefore);
      // unticking a racer removes it from the race
      run = await raceRun(page);
      await page.locator(tid('racer-adamw-enabled')).uncheck();
      await raceFinished(page, run);
      expect((await raceResults(page)).find((r) => r.id === 'adamw')!.status).toBe('');
    },
  },
  {
    name: 'optimisation: the third-party lion plugin is in the race with the controls of its own params spec',
    slug: 'plugin',
    path: '/demos/optimisation.html',
    async run(page) {
      await mounted(page, 'race');
      await raceFinished(page);
      await page.locator(`${tid('racer-lion')} summary`).click();
      expect(await params(page, 'race-lion-controls')).toEqual(['lr', 'b1', 'b2', 'weightDecay']);
      const before = (await raceResults(page)).find((r) => r.id === 'lion')!;
      expect(before.final).toBeLessThan(before.initial);
      const run = await raceRun(page);
      await slide(page, 'race-lion-lr', 'max');
      expect(await text(page, 'race-lion-lr-value')).toBe('10');
      await raceFinished(page, run);
      const after = (await raceResults(page)).find((r) => r.id === 'lion')!;
      expect(after.final).not.toBe(before.final);
      await page.locator(tid('racer-lion')).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'optimisation: every schedule is plotted, and moving its controls changes the curve',
    slug: 'schedules',
    path: '/demos/optimisation.html',
    async run(page) {
      await mounted(page, 'schedules');
      const names = await page.locator(`${tid('schedule-name')} option`).evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
      for (const n of ['constant', 'piecewiseConstant', 'stepDecay', 'multiStep', 'inverseTimeDecay', 'exponentialDecay', 'naturalExpDecay', 'polynomialDecay', 'cosineDecay', 'linearWarmup', 'warmupCosine', 'triangularCyclic', 'sgdr', 'oneCycle']) expect(names).toContain(n);
      const plot = page.locator(tid('schedule-plot'));
      for (const n of names) {
        await page.locator(tid('schedule-name')).selectOption(n);
        await page.locator(tid(`schedule-${n}-controls`)).waitFor();
        expect(await plot.getAttribute('data-error'), `${n}: ${await plot.getAttribute('data-error')}`).toBe('');
        expect(Number(await plot.getAttribute('data-finite')), `${n} plots 201 finite values`).toBe(201);
        const before = await plot.getAttribute('data-checksum');
        const first = page.locator(`${tid(`schedule-${n}-controls`)} input[type=range]:not([disabled])`).first();
        const id = await first.getAttribute('data-testid');
        await slide(page, id!, 'max');
        expect(await plot.getAttribute('data-checksum'), `${n}: moving ${id} must change the curve`).not.toBe(before);
      }
      // the generated controls follow the spec kinds: an optional param can be switched on, a list is a text field
      await page.locator(tid('schedule-name')).selectOption('cosineDecay');
      expect(await page.locator(tid('schedule-cosineDecay-alpha')).isDisabled()).toBe(true);
      await page.locator('[data-toggle="alpha"]').check();
      expect(await page.locator(tid('schedule-cosineDecay-alpha')).isDisabled()).toBe(false);
      expect(await page.locator(tid('schedule-cosineDecay-periodic')).getAttribute('type')).toBe('checkbox');
      // both alpha and minValue set is refused by the library, and the message is shown
      await page.locator('[data-toggle="minValue"]').check();
      expect(await text(page, 'schedule-error')).toMatch(/alpha/);
      await page.locator(tid('schedule-name')).selectOption('multiStep');
      const milestones = page.locator(tid('schedule-multiStep-milestones'));
      expect(await milestones.getAttribute('type')).toBe('text');
      const before = await plot.getAttribute('data-checksum');
      await milestones.fill('20, 40, 60');
      await milestones.dispatchEvent('change');
      expect(await plot.getAttribute('data-checksum')).not.toBe(before);
      // steps
      await slide(page, 'schedule-view-steps', 'max');
      expect(Number(await plot.getAttribute('data-finite'))).toBe(1001);
    },
  },
  {
    name: 'optimisation: the epoch/batch/iteration calculator follows its controls',
    slug: 'calculator',
    path: '/demos/optimisation.html',
    async run(page) {
      await mounted(page, 'epoch-calculator');
      // N = 1000, B = 32, 3 epochs: ceil(1000/32) = 32 batches, the last has 8 samples, T = 96
      expect(await num(page, 'plan-batches')).toBe(32);
      expect(await num(page, 'plan-last')).toBe(8);
      expect(await num(page, 'plan-iterations')).toBe(96);
      await page.locator(tid('calc-dropLast')).check();
      expect(await num(page, 'plan-batches')).toBe(31);
      expect(await num(page, 'plan-last')).toBe(32);
      expect(await num(page, 'plan-iterations')).toBe(93);
      await page.locator(tid('calc-given')).selectOption('iterations');
      expect(await page.locator(tid('calc-epochs')).count()).toBe(0);
      expect(await page.locator(tid('calc-iterations')).count()).toBe(1);
      expect(await num(page, 'plan-iterations')).toBe(100);
      expect(await num(page, 'plan-epochs')).toBeCloseTo(100 / 31, 4);
      expect(await num(page, 'plan-whole')).toBe(3);
      // batch gradient descent: B = N gives one batch per epoch
      await slide(page, 'calc-batchSize', 'max');
      await slide(page, 'calc-nSamples', 'min');
      expect(await text(page, 'plan-error')).toMatch(/batchSize/);
      await page.locator(tid('calc-dropLast')).uncheck();
      expect(await num(page, 'plan-batches')).toBe(1);
      expect(await num(page, 'plan-last')).toBe(1);
    },
  },
  {
    name: 'models and risk: the λ slider changes the fit; the degree moves from under- to over-fit; the loss controls change the loss curves',
    slug: 'models-and-risk',
    path: '/demos/models-and-risk.html',
    async run(page) {
      await mounted(page, 'models-risk');
      const train0 = await num(page, 'train-mse');
      const test0 = await num(page, 'test-mse');
      const fit0 = await pixels(page, 'fit-chart');
      // a large λ flattens the fit: the chart changes and the training error goes up
      await slide(page, 'risk-model-lambda', 'max');
      expect(await text(page, 'risk-model-lambda-value')).toBe('10');
      expect(await pixels(page, 'fit-chart')).not.toBe(fit0);
      expect(await num(page, 'train-mse')).toBeGreaterThan(train0 * 2);
      // no penalty and degree 9 through 10 points: the training error vanishes, the test error grows (over-fit)
      await slide(page, 'risk-model-lambda', 'min');
      await page.locator(tid('risk-model-penalty')).selectOption('none');
      await slide(page, 'risk-model-degree', 9);
      expect(await text(page, 'risk-model-degree-value')).toBe('9');
      expect(await num(page, 'train-mse')).toBeLessThan(1e-6);
      expect(await num(page, 'test-mse')).toBeGreaterThan(test0 * 2);
      // degree 0: a constant under-fits, both errors are large
      await slide(page, 'risk-model-degree', 0);
      expect(await num(page, 'train-mse')).toBeGreaterThan(0.3);
      expect(await num(page, 'test-mse')).toBeGreaterThan(0.3);
      // L1: the lasso fit reacts to λ too
      await slide(page, 'risk-model-degree', 9);
      await page.locator(tid('risk-model-penalty')).selectOption('l1');
      await slide(page, 'risk-model-lambda', 300);
      const l1a = await pixels(page, 'fit-chart');
      const r1 = await num(page, 'penalty');
      await slide(page, 'risk-model-lambda', 'max');
      expect(await pixels(page, 'fit-chart')).not.toBe(l1a);
      expect(await num(page, 'penalty')).toBeLessThan(r1);
      // losses against the margin: the hinge margin and Huber's δ (from the specs) change the curves
      expect(await params(page, 'loss-hinge-controls')).toEqual(['margin']);
      expect(await params(page, 'loss-huber-controls')).toEqual(['delta']);
      const curves = page.locator(tid('loss-curves'));
      const c0 = await curves.getAttribute('data-checksum');
      await slide(page, 'loss-hinge-margin', 'max');
      const c1 = await curves.getAttribute('data-checksum');
      expect(c1).not.toBe(c0);
      await slide(page, 'loss-huber-delta', 'min');
      expect(await curves.getAttribute('data-checksum')).not.toBe(c1);
    },
  },
  {
    name: 'bias and variance: λ and the degree trade bias² against variance; the curve and the dart board follow',
    slug: 'bias-variance',
    path: '/demos/bias-variance.html',
    async run(page) {
      await mounted(page, 'bias-variance');
      const b0 = await num(page, 'bias2');
      const v0 = await num(page, 'variance');
      const fits0 = await pixels(page, 'bv-fits');
      const board0 = await page.locator(tid('board-model')).getAttribute('data-bias');
      expect(await num(page, 'total')).toBeCloseTo(b0 + v0 + 0.09, 3);
      // more regularisation: more bias, less variance
      await slide(page, 'bv-lambda', 'max');
      const b1 = await num(page, 'bias2');
      const v1 = await num(page, 'variance');
      expect(b1).toBeGreaterThan(b0);
      expect(v1).toBeLessThan(v0);
      expect(await pixels(page, 'bv-fits')).not.toBe(fits0);
      expect(await page.locator(tid('board-model')).getAttribute('data-bias')).not.toBe(board0);
      // a flexible model with almost no penalty: low bias, more variance than the stiff one
      await slide(page, 'bv-lambda', 'min');
      await slide(page, 'bv-degree', 'max');
      expect(await num(page, 'variance')).toBeGreaterThan(v1);
      expect(await num(page, 'bias2')).toBeLessThan(b1);
      // the complexity axis switches between λ and the degree
      const curve = await pixels(page, 'bv-curve');
      await page.locator(tid('bv-against')).selectOption('degree');
      expect(await pixels(page, 'bv-curve')).not.toBe(curve);
      for (const b of ['board-ll', 'board-lh', 'board-hl', 'board-hh', 'board-model']) expect(await page.locator(`${tid(b)} circle.dart`).count()).toBe(24);
    },
  },
  {
    name: 'training on digits: every batch size trains (the loss goes down), iterations follow N/B, small batches get further per epoch; the controls re-run it',
    slug: 'training',
    path: '/demos/training.html',
    async run(page) {
      await mounted(page, 'training');
      let rows = await trainingRows(page);
      expect(rows.map((r) => r.batch)).toEqual([1797, 128, 16, 1]);
      for (const r of rows) {
        expect(r.error, `B = ${r.batch}`).toBe('');
        expect(r.iterations, `B = ${r.batch}: 5 epochs of ceil(1797 / B) batches`).toBe(5 * Math.ceil(1797 / r.batch));
        expect(r.first).toBeCloseTo(Math.log(10), 0);
        expect(r.last, `B = ${r.batch}: the training loss must go down`).toBeLessThan(r.first);
      }
      const first = rows;
      const by = (b: number) => first.find((r) => r.batch === b)!;
      expect(by(16).afterOne).toBeLessThan(by(128).afterOne);
      expect(by(128).afterOne).toBeLessThan(by(1797).afterOne);
      const epochChart = await pixels(page, 'loss-by-epoch');
      // a smaller learning rate (sgd's own lr control): less progress for full-batch descent
      let run = Number(await page.locator(tid('training')).getAttribute('data-run'));
      await slide(page, 'train-sgd-lr', 'min');
      rows = await trainingRows(page, run);
      expect(rows.find((r) => r.batch === 1797)!.last).toBeGreaterThan(by(1797).last);
      expect(await pixels(page, 'loss-by-epoch')).not.toBe(epochChart);
      // other batch sizes, from the numbers control
      run = Number(await page.locator(tid('training')).getAttribute('data-run'));
      const field = page.locator(tid('train-run-batchSizes'));
      await field.fill('1797, 64');
      await field.dispatchEvent('change');
      rows = await trainingRows(page, run);
      expect(rows.map((r) => [r.batch, r.iterations])).toEqual([[1797, 5], [64, 5 * 29]]);
    },
  },
];
