import { InvalidArgumentError, LengthMismatchError, NonFiniteError } from '@lab/core';
import { tensor, type Tensor } from '@lab/tensor';
import type { TargetKind, TrainData } from './types';

/** Check `data` (name it `arg` in errors) and return it. */
export function checkData(arg: string, data: TrainData): TrainData {
  if (typeof data !== 'object' || data === null || !(data.x instanceof Float32Array))
    throw new InvalidArgumentError(arg, data, 'data { x: Float32Array, y, nSamples, nFeatures, nClasses? }');
  const { nSamples: n, nFeatures: d, nClasses: k } = data;
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${arg}.nSamples`, n, 'an integer >= 1');
  if (!Number.isInteger(d) || d < 1) throw new InvalidArgumentError(`${arg}.nFeatures`, d, 'an integer >= 1');
  if (data.x.length !== n * d) throw new LengthMismatchError(`${arg}.x`, data.x.length, `${arg}.nSamples × nFeatures`, n * d);
  if (!data.y || typeof data.y.length !== 'number') throw new InvalidArgumentError(`${arg}.y`, data.y, 'an array of targets');
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 2) throw new InvalidArgumentError(`${arg}.nClasses`, k, 'an integer >= 2');
    if (data.y.length !== n) throw new LengthMismatchError(`${arg}.y`, data.y.length, `${arg}.nSamples`, n);
    for (let i = 0; i < n; i++) {
      const c = data.y[i];
      if (!Number.isInteger(c) || c < 0 || c >= k) throw new InvalidArgumentError(`${arg}.y[${i}]`, c, `a class index in [0, ${k})`);
    }
  } else {
    if (data.y.length % n !== 0 || data.y.length === 0) throw new InvalidArgumentError(`${arg}.y`, data.y.length, `a multiple of nSamples = ${n} entries`);
    for (let i = 0; i < data.y.length; i++) if (!Number.isFinite(data.y[i])) throw new NonFiniteError(`${arg}.y`, data.y[i], i);
  }
  for (let i = 0; i < data.x.length; i++) if (!Number.isFinite(data.x[i])) throw new NonFiniteError(`${arg}.x`, data.x[i], i);
  return data;
}

/** How the targets of `data` are fed to a model with `width` outputs. */
export function targetKind(data: TrainData, width: number): TargetKind {
  if (data.nClasses === undefined) {
    if (data.y.length !== data.nSamples * width)
      throw new InvalidArgumentError('y', data.y.length, `${data.nSamples} × ${width} targets (the model has ${width} outputs)`);
    return 'value';
  }
  if (width === 1) {
    if (data.nClasses !== 2) throw new InvalidArgumentError('nClasses', data.nClasses, '2 for a model with one output (logistic)');
    return 'binary';
  }
  if (width !== data.nClasses) throw new InvalidArgumentError('model outputs', width, `${data.nClasses} (one per class) or 1 (binary)`);
  return 'index';
}

/** Inputs `[b, d]` of the rows `idx` (all rows when absent). */
export function inputs(data: TrainData, idx?: ArrayLike<number>, from = 0, to = idx ? idx.length : data.nSamples): Tensor {
  const d = data.nFeatures;
  const b = to - from;
  if (!idx) return tensor(data.x.subarray(from * d, to * d), { shape: [b, d] });
  const x = new Float32Array(b * d);
  for (let i = 0; i < b; i++) {
    const r = idx[from + i];
    x.set(data.x.subarray(r * d, r * d + d), i * d);
  }
  return tensor(x, { shape: [b, d] });
}

/** Targets of rows `idx` (or `from..to`) shaped for the loss. */
export function targets(data: TrainData, kind: TargetKind, width: number, idx?: ArrayLike<number>, from = 0, to = idx ? idx.length : data.nSamples): Tensor {
  const b = to - from;
  const w = kind === 'value' ? width : 1;
  const y = new Float32Array(b * w);
  for (let i = 0; i < b; i++) {
    const r = idx ? idx[from + i] : from + i;
    for (let j = 0; j < w; j++) y[i * w + j] = data.y[r * w + j];
  }
  return tensor(y, { shape: kind === 'index' ? [b] : [b, w] });
}
