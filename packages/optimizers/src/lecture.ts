/**
 * The lecture's forms of the optimizers, as option presets: spread one into a named optimizer's
 * options to get the formula as the slides write it instead of PyTorch's.
 *
 * @example
 * const opt = adam({ ...LECTURE.adam, lr: 1e-3 }); // β2 = 0.99, ε inside the square root
 */
export const LECTURE = {
  /** `v ← μ·v + α·g, θ ← θ − v` (α inside the momentum buffer). */
  sgd: { lrInsideMomentum: true },
  /** `θ ← θ − α·g/√(G + ε)`. */
  adagrad: { epsInsideSqrt: true },
  /** `θ ← θ − α·g/√(E[g²] + ε)`. */
  rmsprop: { epsInsideSqrt: true },
  /** `θ ← θ − α·m̂/√(v̂ + ε)` with β2 = 0.99. */
  adam: { b2: 0.99, epsInsideSqrt: true },
} as const;
