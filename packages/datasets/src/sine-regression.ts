import { checkInteger, checkNumber, checkOptions, checkRange, checkRng } from './check';
import { sampleRegression, type RegressionSampling } from './regression';
import { portableSin } from './trig';
import type { Rng } from '@lab/core';
import type { RegressionData } from './types';

/** Options of {@link makeSineRegression}. */
export interface SineRegressionOptions {
  /** Number of points. Default `10` (Bishop's Figure 1.2). */
  readonly nSamples?: number;
  /** Standard deviation σ of the Gaussian noise added to the targets. Default `0.3`. */
  readonly noise?: number;
  /** Interval the inputs are drawn from. Default `[0, 1]`. */
  readonly xRange?: readonly [number, number];
  /** Cycles per unit of x: `f(x) = amplitude · sin(2π · frequency · x)`. Default `1`. */
  readonly frequency?: number;
  /** Default `1`. */
  readonly amplitude?: number;
  /** `'uniform'`: inputs drawn uniformly from `xRange`; `'grid'`: evenly spaced, both ends included. Default `'uniform'`. */
  readonly sampling?: RegressionSampling;
  /** Seed or generator. Default `0`. */
  readonly seed?: number | Rng;
}

/**
 * Noisy sine regression, the lecture's curve-fitting example (Bishop, PRML §1.1):
 *
 *     f(x) = amplitude · sin(2π · frequency · x),   y = f(x) + ε,   ε ~ N(0, noise²)
 *
 * Draw order: all inputs (when `sampling: 'uniform'`), then the noise of each point in turn. The
 * sine is computed portably, so a seed gives the same bits on every engine.
 *
 * @example
 * const { x, y, yTrue, f, noiseStd } = makeSineRegression({ nSamples: 10, noise: 0.3, seed: 1 });
 * f(0.25); // 1
 *
 * @see C. M. Bishop, Pattern Recognition and Machine Learning (2006), Figures 1.2–1.6.
 */
export function makeSineRegression(options: SineRegressionOptions = {}): RegressionData {
  checkOptions('makeSineRegression', options, ['nSamples', 'noise', 'xRange', 'frequency', 'amplitude', 'sampling', 'seed']);
  const nSamples = checkInteger('nSamples', options.nSamples ?? 10, 1);
  const noise = checkNumber('noise', options.noise ?? 0.3, 0);
  const xRange = checkRange('xRange', options.xRange ?? [0, 1]);
  const frequency = checkNumber('frequency', options.frequency ?? 1);
  const amplitude = checkNumber('amplitude', options.amplitude ?? 1);
  const rng = checkRng(options.seed ?? 0);
  const w = 2 * Math.PI * frequency;
  const f = (x: number): number => amplitude * portableSin(w * x);
  return sampleRegression('sine', f, nSamples, xRange, options.sampling ?? 'uniform', noise, rng);
}
