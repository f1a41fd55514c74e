/**
 * Third-party plugins in cross-validation and search: in this thread through `registry`, on worker
 * threads through the plugin modules `plugins` (the workers import them), with identical results.
 */
import { pathToFileURL } from 'node:url';
import { isLabError } from '@lab/core';
import { loadIris } from '@lab/datasets/iris';
import { describe, expect, it } from 'vitest';
import { crossValidate, gridSearch } from './node';
import { defaultRegistry, pluginOf, registryWithPlugins } from './registry';
import { runJob } from './job';

const twinUrl = pathToFileURL(new URL('../test/fixtures/twin-plugin.mjs', import.meta.url).pathname).href;
const iris = loadIris();
const strip = <T extends { folds: readonly { fitMs: number }[] }>(r: T) => ({ ...r, folds: r.folds.map((f) => ({ ...f, fitMs: 0 })) });

async function twinRegistry() {
  const plugin = pluginOf((await import(/* @vite-ignore */ twinUrl)) as Record<string, unknown>);
  return defaultRegistry().use(plugin!);
}

const base = { model: { type: 'softmax' }, data: iris, standardize: true, fit: { epochs: 3, batchSize: 16, optimizer: { type: 'sgdTwin', lr: 0.1 } } } as const;

describe('plugins in cross-validation and search', () => {
  it('a plugin optimizer works in this thread and on worker threads, with identical results, equal to the built-in it wraps', async () => {
    const registry = await twinRegistry();
    const serial = await crossValidate({ ...base, registry, parallel: false });
    const parallel = await crossValidate({ ...base, registry, plugins: [twinUrl], parallel: 2 });
    expect(strip(parallel)).toEqual(strip(serial));
    const builtin = await crossValidate({ ...base, fit: { ...base.fit, optimizer: { type: 'sgd', lr: 0.1 } } });
    expect(strip(serial)).toEqual(strip(builtin));
    expect(serial.score).toBeGreaterThan(0.6);
  }, 60_000);

  it('grid search over a plugin optimizer on worker threads equals the serial search', async () => {
    const registry = await twinRegistry();
    const options = { ...base, registry, params: { 'fit.lr': [0.05, 0.2] }, splitter: { type: 'kFold', nSplits: 3, shuffle: true, seed: 0 }, refit: false } as const;
    const serial = await gridSearch({ ...options, parallel: false });
    const parallel = await gridSearch({ ...options, plugins: [twinUrl], parallel: 2 });
    expect(parallel.results.map((r) => [r.params, strip(r.cv)])).toEqual(serial.results.map((r) => [r.params, strip(r.cv)]));
  }, 60_000);

  it('worker threads without the plugin modules: a clear error naming them, before any job runs', async () => {
    const registry = await twinRegistry();
    let err: unknown;
    try {
      await crossValidate({ ...base, registry, parallel: 2 });
    } catch (e) {
      err = e;
    }
    expect(isLabError(err)).toBe(true);
    expect(String(err)).toMatch(/plugins.*twin/s);
  });

  it('a lab error inside a worker comes back as a lab error (same name and message)', async () => {
    let err: unknown;
    try {
      await crossValidate({ ...base, fit: { ...base.fit, optimizer: { type: 'nope' } }, parallel: 2 });
    } catch (e) {
      err = e;
    }
    expect(isLabError(err)).toBe(true);
    expect((err as Error).name).toBe('UnknownNameError');
    expect((err as Error).message).toMatch(/nope/);
  }, 60_000);

  it('registryWithPlugins and runJob load the modules; bad specifiers fail loudly', async () => {
    const r = await registryWithPlugins([twinUrl]);
    expect(r.has('optimizer', 'sgdTwin')).toBe(true);
    expect(await registryWithPlugins([twinUrl])).toBe(r); // cached
    const job = { model: { type: 'softmax' }, modelSeed: 0, fit: { epochs: 1, optimizer: { type: 'sgdTwin' } }, data: iris, train: Int32Array.from({ length: 100 }, (_, i) => i), test: Int32Array.from({ length: 50 }, (_, i) => 100 + i), scoring: ['accuracy'], plugins: [twinUrl] } as const;
    expect((await runJob(job)).test.accuracy).toBeGreaterThanOrEqual(0);
    await expect(registryWithPlugins([pathToFileURL(new URL('./registry.ts', import.meta.url).pathname).href])).rejects.toThrow(/plugins\[0\]/);
    await expect(crossValidate({ ...base, plugins: [42 as never] })).rejects.toThrow(/plugins/);
  }, 60_000);
});

describe('defaultRegistry', () => {
  it('has all 14 splitters of @lab/data-split: its main plugin and the group splitters plugin', () => {
    const splitters = defaultRegistry().list('splitter');
    expect(splitters).toHaveLength(14);
    expect(defaultRegistry().plugins.map((p) => p.name)).toEqual(expect.arrayContaining(['@lab/data-split', '@lab/data-split/groups']));
    const cv = defaultRegistry().build('splitter', { type: 'groupKFold', nSplits: 2 });
    // scikit-learn's order: equal-size groups in reverse argsort order, so group 2 tests first
    expect([...cv.split({ nSamples: 4, groups: [1, 1, 2, 2] })].map((f) => Array.from(f.test))).toEqual([
      [2, 3],
      [0, 1],
    ]);
  });
});
