/**
 * Least-squares polynomial fits with an L2 (ridge) or L1 (lasso) penalty, for the models-and-risk
 * and bias-variance demos. Exact solvers (normal equations, coordinate descent) in float64, so what
 * the demos show is the fit itself and not an optimizer's convergence.
 *
 * The objective is the lecture's structural risk
 *   E(w) = (1/N) Σ (y_i − f(x_i; w))² + λ R(w),   R = ‖w‖₂² (L2) or ‖w‖₁ (L1),
 * with f(x; w) = Σ_k w_k x^k. The bias w_0 is not penalised.
 */
export type Penalty = 'none' | 'l2' | 'l1';

export interface FitOptions {
  penalty?: Penalty;
  lambda?: number;
  /** Coordinate-descent sweeps for L1 (default 3000). */
  sweeps?: number;
}

/** The design matrix row [1, x, x², …, x^degree]. */
export function features(x: number, degree: number): Float64Array {
  const row = new Float64Array(degree + 1);
  let p = 1;
  for (let k = 0; k <= degree; k++, p *= x) row[k] = p;
  return row;
}

export function predict(w: ArrayLike<number>, x: number): number {
  let v = 0;
  for (let k = w.length - 1; k >= 0; k--) v = v * x + w[k];
  return v;
}

/** Solve A w = b (A square, row-major) by Gaussian elimination with partial pivoting. */
export function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const M = A.slice();
  const v = b.slice();
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]) > Math.abs(M[p * n + c])) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [M[c * n + k], M[p * n + k]] = [M[p * n + k], M[c * n + k]];
      [v[c], v[p]] = [v[p], v[c]];
    }
    const d = M[c * n + c] || 1e-300;
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c] / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) M[r * n + k] -= f * M[c * n + k];
      v[r] -= f * v[c];
    }
  }
  const w = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r];
    for (let k = r + 1; k < n; k++) s -= M[r * n + k] * w[k];
    w[r] = s / (M[r * n + r] || 1e-300);
  }
  return w;
}

/** min ‖Aw − b‖ for a tall A (rows ≥ n, row-major) by Householder QR. */
export function leastSquares(A: Float64Array, b: Float64Array, rows: number, n: number): Float64Array {
  const M = A.slice();
  const v = b.slice();
  for (let c = 0; c < n; c++) {
    let norm = 0;
    for (let r = c; r < rows; r++) norm += M[r * n + c] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = M[c * n + c] > 0 ? -norm : norm;
    const u = new Float64Array(rows - c);
    for (let r = c; r < rows; r++) u[r - c] = M[r * n + c];
    u[0] -= alpha;
    const uu = u.reduce((a, x) => a + x * x, 0);
    if (uu === 0) continue;
    for (let k = c; k < n; k++) {
      let d = 0;
      for (let r = c; r < rows; r++) d += u[r - c] * M[r * n + k];
      const f = (2 * d) / uu;
      for (let r = c; r < rows; r++) M[r * n + k] -= f * u[r - c];
    }
    let d = 0;
    for (let r = c; r < rows; r++) d += u[r - c] * v[r];
    const f = (2 * d) / uu;
    for (let r = c; r < rows; r++) v[r] -= f * u[r - c];
  }
  const w = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r];
    for (let k = r + 1; k < n; k++) s -= M[r * n + k] * w[k];
    const d = M[r * n + r];
    w[r] = d === 0 ? 0 : s / d;
  }
  return w;
}

const soft = (z: number, t: number): number => (z > t ? z - t : z < -t ? z + t : 0);

/** Fit the coefficients w_0..w_degree. */
export function fitPolynomial(x: ArrayLike<number>, y: ArrayLike<number>, degree: number, { penalty = 'none', lambda = 0, sweeps = 3000 }: FitOptions = {}): Float64Array {
  const n = degree + 1;
  const N = x.length;
  const Phi = Array.from({ length: N }, (_, i) => features(x[i], degree));
  if (penalty !== 'l1' || lambda === 0) {
    // min ‖y − Φw‖² + Nλ‖Dw‖² as least squares on the stacked system [Φ; √(Nλ)·D] w ≈ [y; 0],
    // solved by Householder QR (better conditioned than the normal equations for x^k features).
    // A tiny ridge keeps λ = 0 solvable when there are fewer points than coefficients.
    const l = penalty === 'l2' ? lambda : 0;
    const ridge = Math.sqrt(N * Math.max(l, N < n ? 1e-10 : 0));
    const rows = ridge > 0 ? N + n - 1 : N;
    const A = new Float64Array(rows * n);
    const rhs = new Float64Array(rows);
    for (let i = 0; i < N; i++) {
      A.set(Phi[i], i * n);
      rhs[i] = y[i];
    }
    if (ridge > 0) for (let k = 1; k < n; k++) A[(N + k - 1) * n + k] = ridge;
    return leastSquares(A, rhs, rows, n);
  }
  // lasso by cyclic coordinate descent on (1/N)‖y − Φw‖² + λ‖w_{1..}‖₁
  const w = new Float64Array(n);
  const r = Float64Array.from(y);
  const z = new Float64Array(n);
  for (let k = 0; k < n; k++) for (let i = 0; i < N; i++) z[k] += (Phi[i][k] * Phi[i][k]) / N;
  for (let s = 0; s < sweeps; s++) {
    let change = 0;
    for (let k = 0; k < n; k++) {
      let rho = 0;
      for (let i = 0; i < N; i++) rho += (Phi[i][k] * (r[i] + Phi[i][k] * w[k])) / N;
      const next = z[k] === 0 ? 0 : k === 0 ? rho / z[k] : soft(rho, lambda / 2) / z[k];
      const d = next - w[k];
      if (d !== 0) {
        for (let i = 0; i < N; i++) r[i] -= Phi[i][k] * d;
        w[k] = next;
        change = Math.max(change, Math.abs(d));
      }
    }
    if (change < 1e-10) break;
  }
  return w;
}

/** Mean squared error of the polynomial on (x, y). */
export function mse(w: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (predict(w, x[i]) - y[i]) ** 2;
  return s / x.length;
}
