/**
 * End-to-end: cv, tune, bias-variance and lr-find as a user runs them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupKFold } from '@lab/data-split/groups';
import { describe, expect, test } from 'vitest';
import { expectUsageError, lab } from './helpers';

/** A CSV of 12 patients (3 to 7 rows each), 3 features and a class label per patient. */
function patientsCsv(): { file: string; groups: string[] } {
  const groups: string[] = [];
  const rows = ['patient,f1,f2,f3,label'];
  for (let p = 0; p < 12; p++)
    for (let r = 0; r < 3 + ((p * 5) % 5); r++) {
      groups.push(`p${p}`);
      rows.push(`p${p},${(p % 3) + r / 10},${(p % 3) - r / 7},${r / 3},${p % 3}`);
    }
  const file = join(mkdtempSync(join(tmpdir(), 'lab-groups-')), 'patients.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return { file, groups };
}

describe('lab cv', () => {
  test('K-fold scores with mean and std; parallel workers give the serial result', async () => {
    const args = ['cv', '--data', 'iris', '--model', 'softmax', '--epochs', '20', '--lr', '0.05', '--split-n-splits', '4', '--json', '--no-progress'];
    const serial = await lab(args);
    expect(serial.code, serial.stderr).toBe(0);
    const r = JSON.parse(serial.stdout);
    expect(r.folds).toHaveLength(4);
    expect(r.metric).toBe('accuracy');
    expect(r.score).toBeGreaterThan(0.8);
    const parallel = JSON.parse((await lab([...args, '--parallel', '2'])).stdout);
    expect(parallel.folds.map((f: { test: unknown }) => f.test)).toEqual(r.folds.map((f: { test: unknown }) => f.test));
  });
  test('group K-fold with --group-column: the folds of the group splitter, serial = parallel', async () => {
    const { file, groups } = patientsCsv();
    const args = ['cv', '--data', file, '--group-column', 'patient', '--splitter', 'groupKFold', '--split-n-splits', '3', '--model', 'softmax', '--epochs', '3', '--json', '--no-progress'];
    const serial = await lab(args);
    expect(serial.code, serial.stderr).toBe(0);
    const r = JSON.parse(serial.stdout);
    const folds = [...groupKFold({ nSplits: 3 }).split({ nSamples: groups.length, groups })];
    expect(r.folds.map((f: { nTest: number }) => f.nTest)).toEqual(folds.map((f) => f.test.length));
    const parallel = JSON.parse((await lab([...args, '--parallel', '2'])).stdout);
    expect(parallel.folds.map((f: { test: unknown }) => f.test)).toEqual(r.folds.map((f: { test: unknown }) => f.test));
  });
  test('a group splitter without group ids, or group ids without a CSV, fails clearly', async () => {
    expect(expectUsageError(await lab(['cv', '--data', 'iris', '--splitter', 'groupKFold']))).toBe('lab: --splitter groupKFold needs group ids: give --group-column <column> of a CSV --data');
    expect(expectUsageError(await lab(['cv', '--data', 'iris', '--group-column', '0']))).toMatch(/--group-column needs a CSV file as --data/);
    const { file } = patientsCsv();
    expect(expectUsageError(await lab(['cv', '--data', file, '--group-column', 'nope']))).toMatch(/groupColumn must be a column name, one of/);
  });
  test('an unknown splitter or a bad splitter option fails clearly', async () => {
    expect(expectUsageError(await lab(['cv', '--splitter', 'nope']))).toMatch(/unknown splitter "nope"/);
    expect(expectUsageError(await lab(['cv', '--data', 'iris', '--split-n-splits', '1']))).toMatch(/nSplits/);
  });
});

describe('lab tune', () => {
  test('with --group-column each candidate is scored as lab cv scores it on shuffled stratified group folds', async () => {
    const { file } = patientsCsv();
    const common = ['--data', file, '--group-column', 'patient', '--model', 'softmax', '--epochs', '3', '--json', '--no-progress'];
    const r = await lab(['tune', ...common, '--param', 'fit.lr=0.01,0.1']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { params: Record<string, number>; score: number; scoreStd: number }[] };
    expect(out.results).toHaveLength(2);
    const best = out.results[0];
    const lr = Object.values(best.params)[0];
    const cv = JSON.parse((await lab(['cv', ...common, '--splitter', 'stratifiedGroupKFold', '--split-n-splits', '3', '--split-shuffle', '--split-seed', '0', '--lr', String(lr)])).stdout);
    expect([best.score, best.scoreStd]).toEqual([cv.score, cv.scoreStd]);
  });
  test('grid search ranks candidates by cross-validated score', async () => {
    const r = await lab(['tune', '--data', 'iris', '--model', 'softmax', '--epochs', '20', '--param', 'fit.lr=0.001,0.1', '--json', '--no-progress']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(2);
    expect(out.results[0].score).toBeGreaterThanOrEqual(out.results[1].score);
    expect(out.best.params).toEqual({ 'fit.schedule.peakValue': 0.1 });
  });
  test('random search draws the asked number of candidates', async () => {
    const r = await lab(['tune', '--data', 'iris', '--model', 'softmax', '--epochs', '5', '--random', '--n-iter', '3', '--param', 'fit.lr=0.0001..0.1', '--json', '--no-progress']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).results).toHaveLength(3);
  });
  test('bad --param fails clearly', async () => {
    expect(expectUsageError(await lab(['tune']))).toMatch(/at least one --param/);
    expect(expectUsageError(await lab(['tune', '--param', 'lr=0.1']))).toMatch(/must start with fit\. or model\./);
  });
});

describe('lab bias-variance', () => {
  test("the lecture's curve: bias² falls and variance rises with degree; the identity holds", async () => {
    const r = await lab(['bias-variance', '--degrees', '1,3,9', '--rounds', '30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.bias[0]).toBeGreaterThan(c.bias[1]);
    expect(c.variance[2]).toBeGreaterThan(c.variance[0]);
    for (let i = 0; i < 3; i++) expect(c.total[i]).toBeCloseTo(c.bias[i] + c.variance[i] + c.noise, 10);
  });
  test('over L2 λ: variance shrinks as λ grows', async () => {
    const c = JSON.parse((await lab(['bias-variance', '--sweep', 'lambda', '--lambdas', '0.000001,1', '--rounds', '20', '--json'])).stdout);
    expect(c.variance[1]).toBeLessThan(c.variance[0]);
    expect(c.bias[1]).toBeGreaterThan(c.bias[0]);
  });
  test('bad options fail clearly', async () => {
    expect(expectUsageError(await lab(['bias-variance', '--sweep', 'width']))).toMatch(/--sweep must be degree or lambda/);
    expect(expectUsageError(await lab(['bias-variance', '--degrees', '0,2']))).toMatch(/--degrees/);
  });
});

describe('lab lr-find', () => {
  test('sweeps the rate, suggests one inside the range, and scales it by the linear rule', async () => {
    const r = await lab(['lr-find', '--data', 'digits', '--steps', '60', '--target-batch', '128', '--json', '--no-progress']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.suggestedLr).toBeGreaterThan(1e-7);
    expect(out.suggestedLr).toBeLessThan(10);
    expect(out.scaledLr).toBeCloseTo(out.suggestedLr * 4, 12);
    expect(out.lrs[0]).toBeCloseTo(1e-7, 12);
  });
});
