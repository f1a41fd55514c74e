import { InvalidArgumentError, LengthMismatchError, NonFiniteError } from '@lab/core';
import { checkNumber, checkOptions } from './check';
import { defaultClassNames, defaultFeatureNames } from './dataset';
import type { IdxArray } from './idx';
import type { Dataset } from './types';

/** Options of {@link idxToDataset}. */
export interface IdxDatasetOptions {
  /** Factor applied to every feature value, e.g. `1 / 255` for MNIST pixels. Default `1`. */
  readonly scale?: number;
  /** Number of classes. Default `max(label) + 1` (or `classNames.length`). */
  readonly nClasses?: number;
  /** Names of the classes. Default `['0', '1', ...]`. */
  readonly classNames?: readonly string[];
  /** Default `'idx'`. */
  readonly name?: string;
  /** Default `'IDX files'`. */
  readonly source?: string;
}

/**
 * Pairs an IDX array of samples (first dimension = samples; the others are flattened row-major
 * into features, so `[n, 28, 28]` gives 784 features) with an IDX vector of integer labels, as in
 * MNIST's `*-images-idx3-ubyte` / `*-labels-idx1-ubyte` files.
 *
 * @example
 * const train = idxToDataset(parseIdx(imageBytes), parseIdx(labelBytes), { scale: 1 / 255, name: 'mnist' });
 */
export function idxToDataset(images: IdxArray, labels: IdxArray, options: IdxDatasetOptions = {}): Dataset {
  checkOptions('idxToDataset', options, ['scale', 'nClasses', 'classNames', 'name', 'source']);
  const scale = checkNumber('scale', options.scale ?? 1);
  if (!images || !Array.isArray(images.shape) || images.shape.length < 1) throw new InvalidArgumentError('images', images, 'an IdxArray with at least one dimension');
  if (!labels || !Array.isArray(labels.shape) || labels.shape.length !== 1) throw new InvalidArgumentError('labels.shape', labels?.shape, 'one dimension (a label vector)');
  if (labels.dtype === 'float32' || labels.dtype === 'float64') throw new InvalidArgumentError('labels.dtype', labels.dtype, 'an integer type');
  const nSamples = images.shape[0];
  if (labels.shape[0] !== nSamples) throw new LengthMismatchError('labels', labels.shape[0], 'images', nSamples);
  const nFeatures = images.shape.slice(1).reduce((a, b) => a * b, 1);
  const x = new Float32Array(images.data.length);
  for (let i = 0; i < x.length; i++) {
    const v = images.data[i] * scale;
    if (!Number.isFinite(v)) throw new NonFiniteError('images', images.data[i], i);
    x[i] = v;
  }
  const y = Int32Array.from(labels.data);
  let maxLabel = -1;
  y.forEach((v, i) => {
    if (v < 0) throw new InvalidArgumentError(`labels[${i}]`, v, 'a class label >= 0');
    if (v > maxLabel) maxLabel = v;
  });
  const nClasses = options.nClasses ?? options.classNames?.length ?? maxLabel + 1;
  if (!Number.isInteger(nClasses) || nClasses <= maxLabel) throw new InvalidArgumentError('nClasses', nClasses, `an integer > the largest label ${maxLabel}`);
  const classNames = options.classNames ? [...options.classNames] : defaultClassNames(nClasses);
  if (classNames.length !== nClasses) throw new LengthMismatchError('classNames', classNames.length, 'nClasses', nClasses);
  return {
    name: options.name ?? 'idx',
    x,
    y,
    nSamples,
    nFeatures,
    nClasses,
    featureNames: defaultFeatureNames(nFeatures),
    classNames,
    source: options.source ?? 'IDX files',
    url: null,
    citation: null,
    licence: null,
  };
}
