/**
 * Public types of @lab/datasets. Every data set is plain data: typed arrays in row-major order plus
 * names and provenance, so it can be sent to a worker, saved, or sliced by index arrays.
 */

/**
 * A labelled classification data set.
 *
 * `x` holds `nSamples` rows of `nFeatures` values, row-major (`x[i * nFeatures + j]` is feature `j`
 * of sample `i`); `y[i]` is the class of sample `i`, an integer in `[0, nClasses)` whose name is
 * `classNames[y[i]]`.
 */
export interface Dataset {
  /** Short identifier, e.g. `'digits'`, `'iris'`, `'moons'`. */
  readonly name: string;
  /** Features, `nSamples × nFeatures`, row-major. */
  readonly x: Float32Array;
  /** Class labels in `[0, nClasses)`, one per sample. */
  readonly y: Int32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly nClasses: number;
  /** One name per feature (column of `x`). */
  readonly featureNames: readonly string[];
  /** `classNames[k]` is the name of class `k`. */
  readonly classNames: readonly string[];
  /** Where the data comes from (a sentence), or how it was generated. */
  readonly source: string;
  /** Home page of the original data, or `null` for generated data. */
  readonly url: string | null;
  /** How to cite the data, or `null` for generated data. */
  readonly citation: string | null;
  /** Licence of the data (`'CC BY 4.0'` for the bundled UCI sets), or `null` when none applies (generated data). */
  readonly licence: string | null;
}

/**
 * A 1-D regression sample `y = f(x) + ε`, `ε ~ N(0, noiseStd²)`, from a known target function, so
 * bias–variance estimates can use the noise-free target and the noise level.
 */
export interface RegressionData {
  readonly name: string;
  /** Inputs, `nSamples × 1`. */
  readonly x: Float32Array;
  /** Noisy targets `f(x) + ε`. */
  readonly y: Float32Array;
  /** Noise-free targets `f(x)` at the same inputs. */
  readonly yTrue: Float32Array;
  readonly nSamples: number;
  /** Always 1. */
  readonly nFeatures: 1;
  /** The true function (deterministic, the same bits on every engine). */
  readonly f: (x: number) => number;
  /** Standard deviation σ of the Gaussian noise; the irreducible squared error is `σ²`. */
  readonly noiseStd: number;
}

/** What {@link takeRows} can slice: row-major features plus one label (or target) per row. */
export interface RowData {
  readonly x: Float32Array;
  readonly y: Int32Array | Float32Array | Float64Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Carried along (gathered like `y`) when present, as in {@link RegressionData}. */
  readonly yTrue?: Float32Array;
}
