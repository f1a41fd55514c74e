/**
 * End-to-end: the built `lab` CLI as a subprocess, as a user runs it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectUsageError, lab } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'lab-cli-'));

describe('lab (no command) and help', () => {
  test('prints help listing every command', async () => {
    const r = await lab([]);
    expect(r.code).toBe(0);
    for (const c of ['train', 'compare', 'schedule', 'plan', 'metrics', 'surface', 'list']) expect(r.stdout).toContain(c);
  });

  test('train --help shows the chosen optimizer’s and schedule’s hyper-parameters from their specs', async () => {
    const adam = await lab(['train', '--help']);
    expect(adam.code).toBe(0);
    expect(adam.stdout).toMatch(/--b1 <value>/);
    expect(adam.stdout).toMatch(/--sched-warmup-steps <value>/);
    const sgd = await lab(['train', '--optimizer', 'sgd', '--help']);
    expect(sgd.stdout).toMatch(/--momentum <value>/);
    expect(sgd.stdout).toMatch(/--nesterov \[bool\]/);
    expect(sgd.stdout).not.toMatch(/--b1 /);
  });
});

describe('lab list', () => {
  test('lists every kind with specs; --json is machine-readable', async () => {
    const r = await lab(['list', 'optimizer', '--json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { name: string; params: Record<string, { default?: unknown; flag: string }> }[];
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad', 'adadelta', 'nadam', 'radam', 'adamax']));
    expect(entries.find((e) => e.name === 'adam')?.params.lr).toMatchObject({ default: 0.001, flag: '--lr' });
    const all = await lab(['list']);
    for (const k of ['optimizer', 'schedule', 'loss', 'metric', 'splitter']) expect(all.stdout).toContain(k);
  });
  test('lists all 14 splitters, the group splitters from their own plugin', async () => {
    const r = await lab(['list', 'splitter', '--json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { name: string; plugin: string }[];
    expect(entries).toHaveLength(14);
    expect(entries.filter((e) => e.plugin === '@lab/data-split/groups').map((e) => e.name)).toEqual(['groupKFold', 'stratifiedGroupKFold']);
  });
  test('an unknown kind is one clear line and exit 2', async () => {
    expect(expectUsageError(await lab(['list', 'widgets']))).toMatch(/unknown kind "widgets"/);
  });
});

describe('lab schedule', () => {
  test('samples a schedule with its spec flags', async () => {
    const r = await lab(['schedule', 'cosineDecay', '--init-value', '0.1', '--decay-steps', '10', '--steps', '12', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { values: number[]; steps: number[] };
    expect(out.steps).toHaveLength(13);
    expect(out.values[0]).toBeCloseTo(0.1, 12);
    expect(out.values[5]).toBeCloseTo(0.05, 12);
    expect(out.values[12]).toBe(0);
  });
  test('draws the curve in the terminal', async () => {
    const r = await lab(['schedule', 'warmupCosine', '--peak-value', '1', '--warmup-steps', '5', '--decay-steps', '50', '--steps', '50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/┼|┤/);
  });
  test.each([
    [['schedule', 'nope'], /unknown schedule "nope"/],
    [['schedule', 'cosineDecay', '--init-value', 'abc', '--decay-steps', '3'], /--init-value must be a number, got "abc"/],
    [['schedule', 'cosineDecay', '--init-value', '0.1'], /cosineDecay.decaySteps .*required/],
    [['schedule', 'cosineDecay', '--init-value', '0.1', '--decay-steps', '-5'], /decaySteps/],
  ])('bad input %j fails with one line, exit 2', async (args, msg) => {
    expect(expectUsageError(await lab(args))).toMatch(msg);
  });
});

describe('lab plan', () => {
  test("the lecture's homework: N=100000, B=128, T=30000", async () => {
    const r = await lab(['plan', '--samples', '100000', '--batch-size', '128', '--iterations', '30000', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ batchesPerEpoch: 782, fullBatches: 781, lastBatchSize: 32, iterations: 30000, wholeEpochs: 38 });
    expect(p.epochs).toBeCloseTo(38.36, 2);
    const b100 = JSON.parse((await lab(['plan', '--samples', '100000', '--batch-size', '100', '--iterations', '30000', '--json'])).stdout);
    expect(b100).toMatchObject({ batchesPerEpoch: 1000, epochs: 30 });
  });
  test('needs exactly one of --epochs and --iterations', async () => {
    expect(expectUsageError(await lab(['plan', '--samples', '10', '--batch-size', '2']))).toMatch(/exactly one of --epochs and --iterations/);
    expect(expectUsageError(await lab(['plan', '--samples', 'ten', '--batch-size', '2', '--epochs', '1']))).toMatch(/--samples must be an integer/);
  });
});

describe('lab surface', () => {
  test('momentum beats plain SGD on Rosenbrock; every run reported', async () => {
    const r = await lab(['surface', '--surface', 'rosenbrock', '--steps', '1500', '--optimizer', 'sgd:lr=0.001', 'sgd:lr=0.001,momentum=0.9', 'adam:lr=0.02', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { runs: { optimizer: string; final: { loss: number }; loss: number[] }[] };
    expect(out.runs).toHaveLength(3);
    const [plain, momentum] = out.runs;
    expect(momentum.final.loss).toBeLessThan(plain.final.loss);
    for (const run of out.runs) expect(run.loss.at(-1)!).toBeLessThan(run.loss[0]);
  });
  test.each(['beale', 'himmelblau', 'saddle', 'plateau', 'local-minima'])('%s runs', async (s) => {
    const r = await lab(['surface', '--surface', s, '--steps', '50', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs.length).toBeGreaterThan(3);
  });
  test('bad optimizer specs fail clearly', async () => {
    expect(expectUsageError(await lab(['surface', '--optimizer', 'sgd:lrr=1']))).toMatch(/sgd has no option "lrr"/);
    expect(expectUsageError(await lab(['surface', '--optimizer', 'sgd:lr=-1']))).toMatch(/sgd.lr must be a finite number >= 0/);
    expect(expectUsageError(await lab(['surface', '--optimizer', 'adamm']))).toMatch(/unknown optimizer "adamm"/);
    expect(expectUsageError(await lab(['surface', '--surface', 'moon']))).toMatch(/unknown surface "moon"; known: saddle/);
  });
});

describe('lab metrics', () => {
  const slide = join(tmp, 'slide.csv');
  // The lecture slide's example, with scores.
  writeFileSync(slide, 'y_true,y_pred,score\n0,1,0.6\n1,1,0.9\n1,1,0.8\n1,1,0.7\n0,0,0.2\n1,0,0.4\n0,0,0.1\n1,1,0.95\n1,0,0.3\n0,0,0.35\n');
  test('confusion matrix, P/R/F1 and ranking metrics match scikit-learn', async () => {
    const r = await lab(['metrics', slide, '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.confusionMatrix).toEqual([
      [3, 1],
      [2, 4],
    ]);
    expect(m.accuracy).toBeCloseTo(0.7, 12);
    // sklearn: f1_score(y, p, average='macro') = 0.696969..., roc_auc_score = 0.875, average_precision_score = 0.930555...
    expect(m.macro.f1).toBeCloseTo(0.6969696969696969, 12);
    expect(m.rocAuc).toBeCloseTo(0.875, 12);
    expect(m.averagePrecision).toBeCloseTo(0.9305555555555556, 12);
  });
  test('the slide’s 9 predictions for 10 labels is a clear error', async () => {
    const bad = join(tmp, 'slide9.csv');
    writeFileSync(bad, 'y_true,y_pred\n0,1\n1,1\n1,1\n1,1\n0,0\n1,0\n0,0\n1,1\n1,0\n0,\n');
    expect(expectUsageError(await lab(['metrics', bad]))).toMatch(/./);
  });
  test('missing file, missing column and ragged rows fail clearly', async () => {
    expect(expectUsageError(await lab(['metrics', join(tmp, 'nope.csv')]))).toMatch(/cannot read/);
    expect(expectUsageError(await lab(['metrics', slide, '--true', 'label']))).toMatch(/--true label: no such column/);
    const ragged = join(tmp, 'ragged.csv');
    writeFileSync(ragged, 'y_true,y_pred\n0,1\n1\n');
    expect(expectUsageError(await lab(['metrics', ragged]))).toMatch(/line 3 has 1 cells/);
  });
  test('--report writes a self-contained HTML page with the charts', async () => {
    const out = join(tmp, 'metrics.html');
    const r = await lab(['metrics', slide, '--report', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('uPlot');
    expect(html).toContain('ROC curve');
    expect(html).not.toMatch(/<script src=|<link [^>]*href="http/);
  });
});

describe('unknown commands and options', () => {
  test('one clear line, exit 2', async () => {
    expect(expectUsageError(await lab(['frobnicate']))).toMatch(/unknown command 'frobnicate'/);
    expect(expectUsageError(await lab(['list', '--frob']))).toMatch(/unknown option '--frob'/);
    // commander's suggestion stays on the same line
    expect(expectUsageError(await lab(['train', '--epoch', '2']))).toBe("lab: unknown option '--epoch' (Did you mean --epochs?)");
  });
});
