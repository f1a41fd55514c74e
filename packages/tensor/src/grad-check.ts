import { InvalidArgumentError } from '@lab/core';
import { noGrad } from './autograd';
import { Tensor } from './tensor';

/** Options of `gradCheck` (defaults are PyTorch's `gradcheck`). */
export interface GradCheckOptions {
  /** Finite-difference step. Default 1e-6. */
  readonly eps?: number;
  /** Absolute tolerance. Default 1e-5. */
  readonly atol?: number;
  /** Relative tolerance (relative to the numerical derivative). Default 1e-3. */
  readonly rtol?: number;
}

/** One Jacobian entry: d output[output] / d inputs[input][index]. */
export interface GradCheckEntry {
  readonly input: number;
  readonly index: number;
  readonly output: number;
  readonly analytic: number;
  readonly numeric: number;
}

/** What `gradCheck` found. */
export interface GradCheckResult {
  /** True when every Jacobian entry satisfies `|analytic - numeric| ≤ atol + rtol·|numeric|`. */
  readonly ok: boolean;
  /** Number of Jacobian entries compared. */
  readonly checked: number;
  /** Largest `|analytic - numeric|`. */
  readonly maxAbsError: number;
  /** The entry furthest outside the tolerance (or with the largest error when all pass); null if none. */
  readonly worst: GradCheckEntry | null;
  /** One line: "ok" or which entry failed. */
  readonly message: string;
}

/**
 * Compare the gradients from `backward()` with central finite differences, entry by entry of the
 * full Jacobian (like PyTorch's `gradcheck`): for every input with `requiresGrad` and every element k,
 * `(f(x + eps·e_k) - f(x - eps·e_k)) / (2·eps)` against the analytic row from one backward pass per
 * output element. Inputs must be float64 (float32 is too coarse for finite differences).
 * Inputs are restored afterwards, and so are their `.grad`s.
 *
 * @example
 * const x = randn([3, 4], 1, { dtype: 'float64', requiresGrad: true });
 * const result = gradCheck((x) => x.softmax(-1).mul(x).sum(-1), [x]);
 * result.ok; // true
 */
export function gradCheck(fn: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: GradCheckOptions = {}): GradCheckResult {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3 } = options;
  if (typeof fn !== 'function') throw new InvalidArgumentError('fn', fn, 'a function of tensors returning a tensor');
  if (!(eps > 0)) throw new InvalidArgumentError('eps', eps, 'a positive number');
  if (!(atol >= 0)) throw new InvalidArgumentError('atol', atol, 'a number ≥ 0');
  if (!(rtol >= 0)) throw new InvalidArgumentError('rtol', rtol, 'a number ≥ 0');
  if (!Array.isArray(inputs) || !inputs.every((t) => t instanceof Tensor)) throw new InvalidArgumentError('inputs', inputs, 'an array of tensors');
  inputs.forEach((t, i) => {
    if (t.dtype !== 'float64') throw new InvalidArgumentError(`inputs[${i}]`, t.dtype, "dtype 'float64' (finite differences need double precision)");
    if (t.requiresGrad && !t.isLeaf) throw new InvalidArgumentError(`inputs[${i}]`, t.shape, 'a leaf tensor');
  });
  const checkedInputs = inputs.map((t, i) => i).filter((i) => inputs[i].requiresGrad);
  if (checkedInputs.length === 0) throw new InvalidArgumentError('inputs', inputs.length, 'at least one tensor with requiresGrad');
  const savedGrads = inputs.map((t) => t.grad);
  const call = (): Tensor => {
    const out = fn(...inputs);
    if (!(out instanceof Tensor)) throw new InvalidArgumentError('fn', out, 'a function returning a Tensor');
    if (out.dtype !== 'float64') throw new InvalidArgumentError('fn', out.dtype, "a float64 result (keep the computation in float64)");
    return out;
  };
  try {
    // Analytic: one backward per output element through one retained graph.
    const out = call();
    const m = out.size;
    const analytic = checkedInputs.map((i) => new Float64Array(inputs[i].size * m));
    if (out.requiresGrad) {
      for (let j = 0; j < m; j++) {
        for (const i of checkedInputs) inputs[i].grad = null;
        const seed = new Float64Array(m);
        seed[j] = 1;
        out.backward(new Tensor(out.backend.fromArray(seed, 'float64'), out.shape, 'float64', out.backend), { retainGraph: true });
        checkedInputs.forEach((i, c) => {
          const g = inputs[i].grad?.data();
          if (g) for (let k = 0; k < g.length; k++) analytic[c][k * m + j] = g[k];
        });
      }
    }
    // Numeric: central differences, perturbing each input element in place.
    let worst: GradCheckEntry | null = null;
    let worstExcess = -Infinity;
    let maxAbsError = 0;
    let ok = true;
    checkedInputs.forEach((i, c) => {
      const x = inputs[i];
      for (let k = 0; k < x.size; k++) {
        const at = elementIndex(x, k);
        const values = () => x.backend.read(x.storage, x.dtype);
        const orig = values()[at];
        values()[at] = orig + eps;
        const plus = noGrad(call).data();
        values()[at] = orig - eps;
        const minus = noGrad(call).data();
        values()[at] = orig;
        for (let j = 0; j < m; j++) {
          const numeric = (plus[j] - minus[j]) / (2 * eps);
          const a = analytic[c][k * m + j];
          const err = Math.abs(a - numeric);
          const excess = err - (atol + rtol * Math.abs(numeric));
          if (!(excess <= 0)) ok = false;
          maxAbsError = Math.max(maxAbsError, err);
          if (excess > worstExcess || Number.isNaN(excess)) {
            worstExcess = Number.isNaN(excess) ? Infinity : excess;
            worst = { input: i, index: k, output: j, analytic: a, numeric };
          }
        }
      }
    });
    const w = worst as GradCheckEntry | null;
    const message = ok
      ? 'ok'
      : `gradient mismatch: d output[${w?.output}] / d inputs[${w?.input}][${w?.index}] is ${w?.analytic} by backward but ${w?.numeric} by finite differences (atol ${atol}, rtol ${rtol})`;
    return { ok, checked: analytic.reduce((s, a) => s + a.length, 0), maxAbsError, worst, message };
  } finally {
    inputs.forEach((t, i) => (t.grad = savedGrads[i]));
  }
}

/** Storage index of the k-th element (row-major) of a tensor. */
function elementIndex(x: Tensor, k: number): number {
  let at = x.offset;
  for (let d = x.rank - 1; d >= 0; d--) {
    at += (k % x.shape[d]) * x.strides[d];
    k = Math.floor(k / x.shape[d]);
  }
  return at;
}
