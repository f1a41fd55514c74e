/** Internal: shared sampling for the 1-D regression generators. */
import type { Rng } from '@lab/core';
import { InvalidArgumentError } from '@lab/core';
import type { RegressionData } from './types';

/** How the regression generators place their inputs: drawn uniformly at random, or on an even grid (ends included). */
export type RegressionSampling = 'uniform' | 'grid';

export function sampleRegression(
  name: string,
  f: (x: number) => number,
  nSamples: number,
  xRange: readonly [number, number],
  sampling: RegressionSampling,
  noiseStd: number,
  rng: Rng,
): RegressionData {
  if (sampling !== 'uniform' && sampling !== 'grid') throw new InvalidArgumentError('sampling', sampling, "'uniform' or 'grid'");
  const [low, high] = xRange;
  const xs = new Float64Array(nSamples);
  for (let i = 0; i < nSamples; i++)
    xs[i] = sampling === 'grid' ? (nSamples === 1 ? low : low + ((high - low) * i) / (nSamples - 1)) : rng.uniform(low, high);
  const x = new Float32Array(nSamples);
  const y = new Float32Array(nSamples);
  const yTrue = new Float32Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    // The target is evaluated at the float32 input the model will see, so yTrue = f(x) holds exactly as stored.
    const xi = Math.fround(xs[i]);
    const fx = f(xi);
    x[i] = xi;
    yTrue[i] = fx;
    y[i] = noiseStd === 0 ? fx : fx + rng.normal(0, noiseStd);
  }
  return { name, x, y, yTrue, nSamples, nFeatures: 1, f, noiseStd };
}
