import { describe, expect, it } from 'vitest';
import { isLabError } from '@lab/core';
import { makeBlobs } from '@lab/datasets';
import { createModel } from './models';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { digitsSplit } from './test-utils';
import type { FitEvent } from './types';

const { train, test } = digitsSplit();

describe('fit on digits', () => {
  it('softmax regression with Adam reaches >= 95 % test accuracy', async () => {
    const model = createModel({ type: 'softmax' }, { nFeatures: 64, nOutputs: 10, seed: 0 });
    const r = await fit({ model, train, optimizer: { type: 'adam', lr: 1e-2 }, batchSize: 32, epochs: 5, seed: 0 });
    expect(r.stopReason).toBe('completed');
    expect(evaluate(model, test).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('an MLP with Adam and warm-up + cosine reaches >= 95 % test accuracy', async () => {
    const model = createModel({ type: 'mlp', hidden: [64], activation: 'relu' }, { nFeatures: 64, nOutputs: 10, seed: 0 });
    const events: FitEvent[] = [];
    const r = await fit({
      model,
      train,
      validation: test,
      optimizer: 'adam',
      schedule: { type: 'warmupCosine', peakValue: 1e-2, warmupSteps: 20 },
      batchSize: 32,
      epochs: 5,
      onEvent: (e) => events.push(e),
    });
    const ev = evaluate(model, test);
    expect(ev.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.history.epochs).toHaveLength(5);
    expect(r.history.epochs[4].val!.accuracy).toBe(ev.accuracy);
    expect(r.history.loss).toHaveLength(r.totalSteps);
    // the schedule: 0 at step 0, the peak after warm-up, decayed towards 0 at the end
    expect(r.history.lr[0]).toBe(0);
    expect(r.history.lr[20]).toBeCloseTo(1e-2, 12);
    expect(r.history.lr[r.totalSteps - 1]).toBeLessThan(1e-4);
    expect(events.filter((e) => e.type === 'step')).toHaveLength(r.totalSteps);
    expect(events.filter((e) => e.type === 'epoch').map((e) => e.type === 'epoch' && e.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect(events.at(-1)).toEqual({ type: 'stop', step: r.totalSteps, reason: 'completed' });
    expect(ev.confusionMatrix!.flat().reduce((a, b) => a + b, 0)).toBe(test.nSamples);
    expect(ev.perClass).toHaveLength(10);
    expect(ev.macro!.f1).toBeGreaterThan(0.9);
  });
});

describe('fit', () => {
  const blobs = makeBlobs({ nSamples: 120, centers: 3, seed: 1 });

  it('is deterministic for a seed', async () => {
    const run = async () => {
      const model = createModel({ type: 'mlp', hidden: [8], dropout: 0.2 }, { nFeatures: 2, nOutputs: 3, seed: 3 });
      return (await fit({ model, train: blobs, epochs: 2, batchSize: 16, seed: 5 })).params;
    };
    expect(await run()).toEqual(await run());
  });

  it('stops early on a monitored metric and restores the best parameters', async () => {
    const model = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    const r = await fit({ model, train: blobs, validation: blobs, optimizer: { type: 'sgd', lr: 0.1 }, epochs: 50, earlyStopping: { monitor: 'val.accuracy', patience: 2 } });
    expect(r.stopReason).toBe('earlyStopping');
    expect(r.best!.monitor).toBe('val.accuracy');
    expect(r.history.epochs.length).toBe(r.best!.epoch + 4);
    expect(evaluate(model, blobs).accuracy).toBe(r.best!.value);
  });

  it('stops cleanly after the current step when aborted', async () => {
    const controller = new AbortController();
    const model = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    const r = await fit({ model, train: blobs, epochs: 10, batchSize: 10, signal: controller.signal, onEvent: (e) => e.type === 'step' && e.step === 7 && controller.abort() });
    expect(r.stopReason).toBe('aborted');
    expect(r.steps).toBe(7);
  });

  it('applies clipping and regularisation', async () => {
    const base = { train: blobs, epochs: 1, optimizer: { type: 'sgd', lr: 0.1 } } as const;
    const m1 = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    const m2 = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    const m3 = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    const a = await fit({ ...base, model: m1 });
    const b = await fit({ ...base, model: m2, clipping: { norm: 0.01 } });
    const c = await fit({ ...base, model: m3, regularization: { l2: 1 } });
    const norm = (p: Record<string, Float32Array | Float64Array>) => Math.hypot(...p['layers.0.weight']);
    const init = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 }).stateDict();
    const moved = (p: Record<string, Float32Array | Float64Array>) => Math.hypot(...Object.keys(p).flatMap((k) => Array.from(p[k], (v, i) => v - init[k][i])));
    // each clipped step moves the parameters by at most lr * maxNorm
    expect(moved(b.params)).toBeLessThanOrEqual(b.steps * 0.1 * 0.01 * (1 + 1e-5));
    expect(moved(a.params)).toBeGreaterThan(b.steps * 0.1 * 0.01);
    expect(norm(c.params)).toBeLessThan(norm(a.params));
    expect(c.params['layers.0.bias']).not.toEqual(a.params['layers.0.bias']);
  });

  it('fails loudly on bad options', async () => {
    const model = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    for (const bad of [{ batchSize: 0 }, { epochs: 1, iterations: 3 }, { optimizer: 'nope' }, { earlyStopping: { monitor: 'val.loss' } }, { regularization: { l2: -1 } }]) {
      const e = await fit({ model, train: blobs, ...bad } as never).catch((x) => x);
      expect(isLabError(e), JSON.stringify(bad)).toBe(true);
    }
    const e = await fit({ model: createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 4 }), train: blobs }).catch((x) => x);
    expect(e.message).toMatch(/model outputs/);
  });
});
