/** Shared params-spec fragments: the hyper-parameters that recur across optimizers, described once. */

export const LR_DESCRIPTION = 'learning rate α (a number or a schedule of the step)';

export const lr = (d: number) => ({ kind: 'number-or-schedule', default: d, min: 0, log: true, description: LR_DESCRIPTION }) as const;

export const beta = (d: number, what: string) => ({ kind: 'number-or-schedule', default: d, min: 0, max: 1, description: `decay rate of ${what} (< 1)` }) as const;

export const eps = (d: number) => ({ kind: 'number-or-schedule', default: d, min: 0, log: true, description: 'ε added to the denominator for numerical stability' }) as const;

export const weightDecay = (d = 0) =>
  ({ kind: 'number-or-schedule', default: d, min: 0, description: 'L2 penalty λ: adds λ·θ to the gradient' }) as const;

export const maximize = { kind: 'boolean', default: false, description: 'maximise the objective (step along +g)' } as const;

export const epsInsideSqrt = {
  kind: 'boolean',
  default: false,
  description: "the lecture's form √(G + ε); PyTorch's (default) is √G + ε",
} as const;
