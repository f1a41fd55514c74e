import { InvalidArgumentError, UndefinedResultError } from '@lab/core';
import { Linear, noGrad, PolynomialFeatures } from '@lab/tensor';
import { checkData, inputs } from './data';
import type { Model } from './models';
import type { TrainData } from './types';

/** Options of {@link fitLeastSquares}. */
export interface LeastSquaresOptions {
  /** λ of the ridge penalty `λ‖w‖₂²` (bias not penalised), on the same scale as `fit`'s `regularization.l2` with MSE. Default 0. */
  readonly l2?: number;
}

/**
 * Solve a linear or polynomial regression model exactly: the parameters minimising
 * `mean((ŷ − y)²) + l2·‖w‖₂²` (the objective `fit` descends with MSE loss and `regularization.l2`),
 * i.e. ridge regression on the centred features with an unpenalised bias
 * (`w = (Φcᵀ Φc + n·λ·I)⁻¹ Φcᵀ yc`, `b = ȳ − Φ̄ᵀ w`), solved by Householder QR in float64 on the
 * stacked system `[Φc; √(nλ)·I] w ≈ [yc; 0]` for accuracy at high degree. Writes the model's
 * parameters in place and returns it. The lecture's polynomial-fitting figures and the
 * bias–variance sweeps use it. Errors: another model type; a rank-deficient design without ridge
 * (UndefinedResultError: give `l2 > 0` or more distinct samples).
 *
 * @example
 * const model = createModel({ type: 'polynomial', degree: 3 }, { nFeatures: 1 });
 * fitLeastSquares(model, makePolynomialRegression({ nSamples: 30, seed: 1 }));
 */
export function fitLeastSquares(model: Model, data: TrainData, options: LeastSquaresOptions = {}): Model {
  const type = model?.spec?.type;
  if (type !== 'linear' && type !== 'polynomial') throw new InvalidArgumentError('model', type, "a model from createModel with type 'linear' or 'polynomial'");
  checkData('data', data);
  if (data.nClasses !== undefined) throw new InvalidArgumentError('data.nClasses', data.nClasses, 'absent (least squares is for regression)');
  const l2 = options.l2 ?? 0;
  if (typeof l2 !== 'number' || !(l2 >= 0) || l2 === Infinity) throw new InvalidArgumentError('l2', l2, 'a finite number >= 0');
  const lin = model.layers[model.layers.length - 1] as Linear;
  const poly = model.layers[0] instanceof PolynomialFeatures ? model.layers[0] : null;
  const n = data.nSamples;
  const features = noGrad(() => (poly ? poly.forward(inputs(data)) : inputs(data))).data();
  const p = lin.inFeatures;
  const w = lin.outFeatures;
  if (data.y.length !== n * w) throw new InvalidArgumentError('data.y', data.y.length, `${n} × ${w} targets`);
  const hasBias = lin.bias !== null;
  // Centre (when there is a bias), stack the ridge rows.
  const mean = new Float64Array(p);
  const ymean = new Float64Array(w);
  if (hasBias) {
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += features[i * p + j] / n;
    for (let i = 0; i < n; i++) for (let k = 0; k < w; k++) ymean[k] += data.y[i * w + k] / n;
  }
  const m = n + (l2 > 0 ? p : 0);
  const a = new Float64Array(m * p);
  const b = new Float64Array(m * w);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) a[i * p + j] = features[i * p + j] - mean[j];
    for (let k = 0; k < w; k++) b[i * w + k] = data.y[i * w + k] - ymean[k];
  }
  if (l2 > 0) for (let j = 0; j < p; j++) a[(n + j) * p + j] = Math.sqrt(n * l2);
  if (m < p) throw new UndefinedResultError(`least squares: ${n} samples for ${p} features; give l2 > 0 or more samples`);
  // Householder QR: A = QR, apply Qᵀ to b.
  const rdiag = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += a[i * p + j] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) {
      rdiag[j] = 0;
      continue;
    }
    const alpha = a[j * p + j] > 0 ? -norm : norm;
    a[j * p + j] -= alpha;
    let vv = 0;
    for (let i = j; i < m; i++) vv += a[i * p + j] ** 2;
    for (let c = j + 1; c < p; c++) {
      let s = 0;
      for (let i = j; i < m; i++) s += a[i * p + j] * a[i * p + c];
      s = (2 * s) / vv;
      for (let i = j; i < m; i++) a[i * p + c] -= s * a[i * p + j];
    }
    for (let k = 0; k < w; k++) {
      let s = 0;
      for (let i = j; i < m; i++) s += a[i * p + j] * b[i * w + k];
      s = (2 * s) / vv;
      for (let i = j; i < m; i++) b[i * w + k] -= s * a[i * p + j];
    }
    rdiag[j] = alpha;
  }
  const scale = Math.max(...rdiag.map(Math.abs));
  if (rdiag.some((r) => !(Math.abs(r) > 1e-12 * scale)))
    throw new UndefinedResultError('least squares: the design matrix is rank deficient (repeated or too few distinct samples); give l2 > 0');
  // Back substitution R x = (Qᵀ b)[0:p].
  const coef = new Float64Array(p * w);
  for (let k = 0; k < w; k++)
    for (let j = p - 1; j >= 0; j--) {
      let s = b[j * w + k];
      for (let c = j + 1; c < p; c++) s -= a[j * p + c] * coef[c * w + k];
      coef[j * w + k] = s / rdiag[j];
    }
  const state = model.stateDict();
  const names = model.namedParameters().map((q) => q.name);
  const weightName = names.find((q) => q.endsWith('weight'))!;
  const weight = new Float32Array(w * p);
  for (let k = 0; k < w; k++) for (let j = 0; j < p; j++) weight[k * p + j] = coef[j * w + k];
  state[weightName] = weight;
  if (hasBias) {
    const bias = new Float32Array(w);
    for (let k = 0; k < w; k++) {
      let s = ymean[k];
      for (let j = 0; j < p; j++) s -= mean[j] * coef[j * w + k];
      bias[k] = s;
    }
    state[names.find((q) => q.endsWith('bias'))!] = bias;
  }
  model.loadStateDict(state);
  return model;
}
