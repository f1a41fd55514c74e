import { describe, expect, it } from 'vitest';
import { defineOptimizer, definePlugin } from '@lab/core';
import type { GradientTransformation } from '@lab/core';
import { adam, optimizersPlugin, scale, scaleByAdam, scaleByLearningRate, chain, requireFinite } from './index';
import { checkOptimizer, checkOptimizerPlugin, checkTransformation, optimizerProblems, transformationProblems } from './testing';

const good = () => adam({ lr: 0.05 });

describe('@lab/optimizers/testing', () => {
  it('passes a conforming transformation and the built-in plugin', () => {
    expect(transformationProblems(good())).toEqual([]);
    expect(() => checkTransformation(good())).not.toThrow();
    expect(() => checkOptimizerPlugin(optimizersPlugin, { options: { sgd: { lr: 0.05 } } })).not.toThrow();
  });

  it('finds non-determinism', () => {
    const noisy: GradientTransformation = { init: () => null, update: (u) => ({ updates: u.map((x) => x.map((v) => -0.01 * v * (1 + Math.random()))), state: null }) };
    expect(transformationProblems(noisy).join('\n')).toMatch(/determinism/);
  });

  it('finds updates that modify their inputs', () => {
    const mutating: GradientTransformation = {
      init: () => null,
      update: (u) => {
        u.forEach((x) => x.forEach((v, j) => (x[j] = -0.01 * v)));
        return { updates: u as Float64Array[], state: null };
      },
    };
    expect(transformationProblems(mutating).join('\n')).toMatch(/modified its inputs/);
  });

  it('finds NaN on zero gradients and NaN spread from non-finite gradients', () => {
    const zeroNaN = chain(scaleByAdam({ eps: 0 }), scaleByLearningRate(0.01));
    expect(transformationProblems(zeroNaN).join('\n')).toMatch(/zero gradients/);
    const spreads = chain(scaleByAdam(), scaleByLearningRate(0.01));
    expect(transformationProblems(spreads).join('\n')).toMatch(/NaN gradient gave non-finite updates/);
    expect(transformationProblems(requireFinite(spreads))).toEqual([]);
  });

  it('finds state that does not serialise or breaks the per-parameter convention', () => {
    const fnState: GradientTransformation = { init: () => ({ f: () => 1 }), update: (u, s) => ({ updates: u.map((x) => x.map((v) => -0.01 * v)), state: s }) };
    expect(transformationProblems(fnState).join('\n')).toMatch(/state round trip.*plain data/);
    const short: GradientTransformation = { init: (p) => ({ m: [p[0].slice()] }), update: (u, s) => ({ updates: u.map((x) => x.map((v) => -0.01 * v)), state: s }) };
    expect(transformationProblems(short).join('\n')).toMatch(/per-parameter lists need one per parameter/);
  });

  it('finds wrong update types and a transformation that does not minimise', () => {
    const wrongType: GradientTransformation = { init: () => null, update: (u) => ({ updates: u.map((x) => Float64Array.from(x, (v) => -0.01 * v)), state: null }) };
    expect(transformationProblems(wrongType).join('\n')).toMatch(/updates\[1\] must be a Float32Array/);
    expect(transformationProblems(requireFinite(scale(0.01))).join('\n')).toMatch(/quadratic/);
  });

  it('checks definitions with core checkPlugin and lists every problem in one error', () => {
    const bad = defineOptimizer({
      name: 'bad',
      meta: { description: 'ascends' },
      params: { lr: { kind: 'number', default: 0.1, min: 0, description: '' } },
      create: ({ lr }) => requireFinite(scale(lr)),
    });
    const problems = optimizerProblems(bad);
    expect(problems.join('\n')).toMatch(/needs a description/);
    expect(problems.join('\n')).toMatch(/quadratic/);
    expect(() => checkOptimizer(bad)).toThrow(/bad does not conform/);
    expect(() => checkOptimizerPlugin(definePlugin({ meta: { name: 'p', version: 'x' }, optimizers: [bad] }))).toThrow(/semver/);
    const needsLr = optimizersPlugin.optimizers[0];
    expect(optimizerProblems(needsLr).join('\n')).toMatch(/could not be built/);
  });
});
