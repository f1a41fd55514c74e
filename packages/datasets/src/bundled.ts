/** Internal: turns a generated data module (src/generated/*.ts) into a fresh Dataset. */
import type { Dataset } from './types';

interface Info {
  readonly name: string;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly source: string;
  readonly url: string;
  readonly citation: string;
  readonly licence: string;
}

/**
 * `x` is either number literals (row-major) or one character per value (`charCode - 65`) stored
 * column by column (it compresses better); `y` is one digit per label.
 */
export function bundledDataset(info: Info, x: readonly number[] | string, y: string): Dataset {
  const n = info.nSamples * info.nFeatures;
  const xs = new Float32Array(n);
  const { nSamples, nFeatures } = info;
  if (typeof x === 'string') {
    for (let j = 0; j < nFeatures; j++) for (let i = 0; i < nSamples; i++) xs[i * nFeatures + j] = x.charCodeAt(j * nSamples + i) - 65;
  }
  else xs.set(x);
  const ys = new Int32Array(info.nSamples);
  for (let i = 0; i < ys.length; i++) ys[i] = y.charCodeAt(i) - 48;
  return {
    name: info.name,
    x: xs,
    y: ys,
    nSamples: info.nSamples,
    nFeatures: info.nFeatures,
    nClasses: info.classNames.length,
    featureNames: [...info.featureNames],
    classNames: [...info.classNames],
    source: info.source,
    url: info.url,
    citation: info.citation,
    licence: info.licence,
  };
}
