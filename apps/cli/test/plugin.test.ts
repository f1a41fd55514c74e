/**
 * A third-party optimizer plugin (lab-plugin-lion), installed from its packed tarball into a user's
 * project, loaded explicitly with --plugin or a config file: it appears in list, help and train.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { installTarballs, pack } from '../../../tools/package-checks/src/pack';
import { expectUsageError, lab } from './helpers';

let project: string;

beforeAll(() => {
  project = installTarballs(['@lab/core', '@lab/optimizers', 'lab-plugin-lion'].map((n) => pack(n)));
});

describe('--plugin', () => {
  test('is never loaded unless named: lion is unknown by default', async () => {
    expect(expectUsageError(await lab(['train', '--optimizer', 'lion'], { cwd: project }))).toMatch(/unknown optimizer "lion"/);
  });

  test('a plugin package adds its optimizer to list, help and train', async () => {
    const list = JSON.parse((await lab(['--plugin', 'lab-plugin-lion', 'list', 'optimizer', '--json'], { cwd: project })).stdout);
    const lion = list.find((e: { name: string }) => e.name === 'lion');
    expect(lion).toMatchObject({ plugin: 'lab-plugin-lion' });
    const help = await lab(['--plugin', 'lab-plugin-lion', 'train', '--optimizer', 'lion', '--help'], { cwd: project });
    expect(help.stdout).toMatch(/--b2 <value>/);
    const r = await lab(['--plugin', 'lab-plugin-lion', 'train', '--optimizer', 'lion', '--lr', '0.001', '--data', 'iris', '--model', 'softmax', '--epochs', '20', '--json', '--no-progress'], { cwd: project });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.optimizer).toMatchObject({ type: 'lion', lr: 0.001 });
    expect(out.history.loss.at(-1)).toBeLessThan(out.history.loss[0]);
  });

  test('a plugin optimizer in cv and tune: serial and on worker threads (which import the plugin again), same scores', async () => {
    const args = ['--plugin', 'lab-plugin-lion', 'cv', '--optimizer', 'lion', '--lr', '0.001', '--data', 'iris', '--model', 'softmax', '--epochs', '5', '--split-n-splits', '3', '--json', '--no-progress'];
    const serial = await lab(args, { cwd: project });
    expect(serial.code, serial.stderr).toBe(0);
    const parallel = await lab([...args, '--parallel', '2'], { cwd: project });
    expect(parallel.code, parallel.stderr).toBe(0);
    const scores = (out: string) => (JSON.parse(out) as { folds: { test: Record<string, number> }[] }).folds.map((f) => f.test);
    expect(scores(parallel.stdout)).toEqual(scores(serial.stdout));
    const tune = await lab(['--plugin', 'lab-plugin-lion', 'tune', '--optimizer', 'lion', '--data', 'iris', '--model', 'softmax', '--epochs', '3', '--param', 'fit.lr=0.001,0.003', '--parallel', '2', '--json', '--no-progress'], { cwd: project });
    expect(tune.code, tune.stderr).toBe(0);
    expect(JSON.parse(tune.stdout).results).toHaveLength(2);
  });

  test('a config file names plugins and default options', async () => {
    const config = join(project, 'lab.config.json');
    writeFileSync(config, JSON.stringify({ plugins: ['lab-plugin-lion'], train: { optimizer: 'lion', lr: 0.0005, data: 'iris', model: 'softmax', epochs: 3 } }));
    const r = await lab(['--config', config, 'train', '--json', '--no-progress'], { cwd: project });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).optimizer).toMatchObject({ type: 'lion', lr: 0.0005 });
  });

  test('a missing plugin or a module without a plugin fails clearly', async () => {
    expect(expectUsageError(await lab(['--plugin', 'lab-plugin-nope', 'list'], { cwd: project }))).toMatch(/cannot find the package/);
    const notPlugin = join(project, 'not-a-plugin.mjs');
    writeFileSync(notPlugin, 'export const x = 1;\n');
    expect(expectUsageError(await lab(['--plugin', './not-a-plugin.mjs', 'list'], { cwd: project }))).toMatch(/exports no plugin object/);
    expect(expectUsageError(await lab(['--config', join(project, 'missing.json'), 'list'], { cwd: project }))).toMatch(/cannot read/);
  });
});
