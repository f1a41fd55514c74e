/** Shared params-spec fragments: the hyper-parameters that recur across optimizers, described once. */

export const LR_DESCRIPTION = 'learning rate (a number or a schedule of the step)';

/* @__NO_SIDE_EFFECTS__ */
export function lr(d: number) {
  return { kind: 'number-or-schedule', default: d, min: 0, log: true, description: LR_DESCRIPTION } as const;
}

/* @__NO_SIDE_EFFECTS__ */
export function beta(d: number, what: string) {
  return { kind: 'number-or-schedule', default: d, min: 0, max: 1, description: `decay rate of ${what} (< 1)` } as const;
}

/* @__NO_SIDE_EFFECTS__ */
export function eps(d: number) {
  return { kind: 'number-or-schedule', default: d, min: 0, log: true, description: 'epsilon added to the denominator for numerical stability' } as const;
}

/* @__NO_SIDE_EFFECTS__ */
export function weightDecay(d = 0) {
  return { kind: 'number-or-schedule', default: d, min: 0, description: 'L2 penalty: adds weightDecay * theta to the gradient' } as const;
}

export const maximize = { kind: 'boolean', default: false, description: 'maximise the objective (step along +g)' } as const;

export const epsInsideSqrt = {
  kind: 'boolean',
  default: false,
  description: "the lecture's form sqrt(G + eps); PyTorch's (default) is sqrt(G) + eps",
} as const;
