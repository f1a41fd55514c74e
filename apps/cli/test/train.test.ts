/**
 * End-to-end: `lab train` and `lab compare` as a user runs them, checkpoints, Ctrl-C, bad input.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectUsageError, lab } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'lab-train-'));

describe('lab train', () => {
  test('with no arguments: an MLP on digits with Adam + warm-up/cosine reaches >= 95 % test accuracy', async () => {
    const r = await lab(['train', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.data).toBe('digits');
    expect(out.model).toMatchObject({ type: 'mlp' });
    expect(out.optimizer).toMatchObject({ type: 'adam' });
    expect(out.schedule).toMatchObject({ type: 'warmupCosine' });
    expect(out.test.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(out.test.confusionMatrix).toHaveLength(10);
    expect(out.test.perClass).toHaveLength(10);
    expect(out.test.macro.f1).toBeGreaterThan(0.9);
    expect(out.history.loss.length).toBe(out.steps);
    expect(out.history.lr.length).toBe(out.steps);
  });

  test('human output: progress per epoch, test metrics, curves', async () => {
    const r = await lab(['train', '--data', 'iris', '--epochs', '5', '--batch-size', '16', '--model', 'softmax']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/epoch 5\/5/);
    expect(r.stdout).toMatch(/test accuracy/);
    expect(r.stdout).toMatch(/confusion matrix/);
    expect(r.stdout).toMatch(/macro avg/);
    expect(r.stdout).toMatch(/micro avg/);
    expect(r.stdout).toMatch(/learning rate per step/);
  });

  test('same seed, same result; another optimizer, schedule and regularisation through flags', async () => {
    const args = ['train', '--data', 'wine', '--epochs', '3', '--optimizer', 'sgd', '--lr', '0.05', '--momentum', '0.9', '--nesterov', '--schedule', 'cosineDecay', '--l2', '0.001', '--clip-norm', '5', '--json', '--seed', '3'];
    const a = JSON.parse((await lab(args)).stdout);
    const b = JSON.parse((await lab(args)).stdout);
    expect(a.history.loss).toEqual(b.history.loss);
    expect(a.optimizer).toMatchObject({ type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true });
    expect(a.schedule).toMatchObject({ type: 'cosineDecay', initValue: 0.05 });
  });

  test.each([
    [['train', '--optimizer', 'adamm'], /unknown optimizer "adamm"/],
    [['train', '--lr', '-1'], /adam.lr must be a finite number >= 0/],
    [['train', '--lr', 'fast'], /--lr must be a number, got "fast"/],
    [['train', '--data', 'nope.csv'], /no such bundled data set .* or file/],
    [['train', '--batch-size', '0'], /--batch-size must be an integer >= 1/],
    [['train', '--epochs', '2', '--iterations', '5'], /--epochs or --iterations, not both/],
    [['train', '--test-split', '1.5'], /--test-split must be a fraction/],
    [['train', '--schedule', 'nope'], /unknown schedule "nope"/],
    [['train', '--model', 'forest'], /argument 'forest' is invalid/],
  ])('bad input %j: one line, exit 2', async (args, msg) => {
    expect(expectUsageError(await lab(args))).toMatch(msg);
  });

  test('user CSV files: label column by name; out of range or malformed fails clearly', async () => {
    const csv = join(tmp, 'data.csv');
    const rows = ['a,b,label'];
    for (let i = 0; i < 60; i++) rows.push(`${(i % 3) + Math.sin(i)},${(i % 3) * 2 + Math.cos(i)},${i % 3}`);
    writeFileSync(csv, rows.join('\n') + '\n');
    const ok = await lab(['train', '--data', csv, '--label-column', 'label', '--model', 'softmax', '--epochs', '20', '--json', '--lr', '0.05']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).test.accuracy).toBeGreaterThan(0.5);
    expect(expectUsageError(await lab(['train', '--data', csv, '--label-column', '7']))).toMatch(/label|column/i);
    const broken = join(tmp, 'broken.csv');
    writeFileSync(broken, 'a,b,label\n1,2,0\n3,x,1\n');
    expect(expectUsageError(await lab(['train', '--data', broken]))).toMatch(/line 3/);
  });

  test('a checkpoint is written and a resumed run ends where an uninterrupted one does', async () => {
    const ckpt = join(tmp, 'run.ckpt');
    const base = ['train', '--data', 'iris', '--model', 'softmax', '--batch-size', '8', '--json', '--seed', '1'];
    const full = JSON.parse((await lab([...base, '--epochs', '6'])).stdout);
    const first = await lab([...base, '--epochs', '6', '--checkpoint', ckpt]);
    expect(first.code).toBe(0);
    expect(existsSync(ckpt)).toBe(true);
    expect(JSON.parse(first.stdout).history.loss).toEqual(full.history.loss);
    // A resumed run from the finished checkpoint has nothing left to do and reports the same result.
    const resumed = JSON.parse((await lab([...base, '--epochs', '6', '--checkpoint', ckpt, '--resume'])).stdout);
    expect(resumed.test.loss).toBe(full.test.loss);
  });

  test('Ctrl-C stops cleanly: exit 130, a valid checkpoint, and resuming ends bit-identical to an uninterrupted run', async () => {
    const ckpt = join(tmp, 'interrupted.ckpt');
    const args = ['train', '--data', 'digits', '--epochs', '6', '--batch-size', '8', '--seed', '2', '--json'];
    const uninterrupted = JSON.parse((await lab(args)).stdout);
    let sent = false;
    const r = await lab([...args, '--checkpoint', ckpt], {
      onStderr: (err, kill) => {
        if (!sent && /epoch 2\//.test(err)) {
          sent = true;
          kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted/);
    expect(JSON.parse(r.stdout).stopReason).toBe('aborted');
    expect(existsSync(ckpt)).toBe(true);
    expect(readFileSync(ckpt).length).toBeGreaterThan(1000);
    const resumed = await lab([...args, '--checkpoint', ckpt, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const out = JSON.parse(resumed.stdout);
    expect(out.history.loss).toEqual(uninterrupted.history.loss);
    expect(out.test.loss).toBe(uninterrupted.test.loss);
  });

  test('a checkpoint or report path that cannot be used is one clear line and exit 2, before any training', async () => {
    const quick = ['train', '--data', 'iris', '--model', 'softmax', '--epochs', '1', '--no-progress'];
    const missing = join(tmp, 'no-such-folder', 'run.ckpt');
    const noFolder = await lab([...quick, '--checkpoint', missing]);
    expect(expectUsageError(noFolder)).toBe(`lab: --checkpoint ${missing}: must be a file in an existing, writable folder`);
    expect(noFolder.stdout).toBe(''); // nothing trained
    expect(expectUsageError(await lab([...quick, '--checkpoint', tmp]))).toMatch(/--checkpoint .*: must be a file in an existing, writable folder/);
    expect(expectUsageError(await lab([...quick, '--checkpoint', join(tmp, 'never-written.ckpt'), '--resume']))).toMatch(/--checkpoint .*never-written\.ckpt: must be a readable checkpoint file \(ENOENT\)/);
    const report = await lab(['--report', join(tmp, 'no-such-folder', 'r.html'), ...quick]);
    expect(expectUsageError(report)).toMatch(/--report .*r\.html: must be a file in an existing, writable folder/);
    expect(report.stdout).toBe('');
  });

  test('resuming with a different plan is refused clearly', async () => {
    const ckpt = join(tmp, 'plan.ckpt');
    const base = ['train', '--data', 'iris', '--model', 'softmax', '--epochs', '2', '--no-progress', '--checkpoint', ckpt];
    expect((await lab([...base, '--batch-size', '8'])).code).toBe(0);
    expect(expectUsageError(await lab([...base, '--batch-size', '16', '--resume']))).toMatch(/batch|plan|checkpoint/i);
  });
});

describe('lab compare', () => {
  test('batch sizes side by side: the lecture’s loss against iterations and epochs', async () => {
    const r = await lab(['compare', '--data', 'iris', '--model', 'softmax', '--batch-sizes', '1,16,108', '--epochs', '3', '--json', '--no-progress']);
    expect(r.code, r.stderr).toBe(0);
    const runs = JSON.parse(r.stdout) as { label: string; steps: number; history: { loss: number[] } }[];
    expect(runs.map((x) => x.label)).toEqual(['batch 1', 'batch 16', 'batch 108']);
    expect(runs.map((x) => x.steps)).toEqual([3 * 108, 3 * 7, 3]);
  });
  test('optimizers side by side, same data and seed', async () => {
    const r = await lab(['compare', '--data', 'iris', '--model', 'softmax', '--optimizers', 'sgd:lr=0.1', 'adam:lr=0.01', '--epochs', '2', '--no-progress']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sgd:lr=0.1/);
    expect(r.stdout).toMatch(/training loss against epochs/);
  });
  test('needs exactly one kind of variation', async () => {
    expect(expectUsageError(await lab(['compare']))).toMatch(/exactly one of/);
  });
});
