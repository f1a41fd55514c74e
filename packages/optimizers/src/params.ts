/**
 * Shared params-spec fragments: the hyper-parameters that recur across optimizers, described once.
 * The `description`s are what `lab list` and the docs' controls show, so they stay short (a few
 * words, ASCII); the full prose (formulas, defaults, the lecture's forms) is in each optimizer's TSDoc.
 */

/** A number-or-schedule hyper-parameter `>= 0` with default `d`, plus `x` (`max`, `log`). */
/* @__NO_SIDE_EFFECTS__ */
export function num<const X extends object = object>(d: number, description: string, x?: X) {
  return { kind: 'number-or-schedule', default: d, min: 0, description, ...x } as {
    readonly kind: 'number-or-schedule';
    readonly default: number;
    readonly min: 0;
    readonly description: string;
  } & X;
}

/** A boolean option, off by default. */
/* @__NO_SIDE_EFFECTS__ */
export function flag(description: string) {
  return { kind: 'boolean', default: false, description } as const;
}

export const LR = 'learning rate';
const LOG = { log: true } as const;
const BELOW_1 = { max: 1 } as const;

/** The learning rate, default `d` (a number or a schedule of the step). */
/* @__NO_SIDE_EFFECTS__ */
export function lr(d: number) {
  return num(d, LR, LOG);
}

/** A decay rate in [0, 1) (the optimizer checks the upper bound). */
/* @__NO_SIDE_EFFECTS__ */
export function beta(d: number, description: string) {
  return num(d, description, BELOW_1);
}

/** ε, added to the denominator for numerical stability. */
/* @__NO_SIDE_EFFECTS__ */
export function eps(d: number) {
  return num(d, 'added to the denominator', LOG);
}

/** L2 weight decay λ (adds λ·θ to the gradient), default 0. */
export const weightDecay = /* @__PURE__ */ num(0, 'L2 weight decay');

/** β1 = 0.9, the decay of Adam's first moment (Adam, AMSGrad, AdamW, Adamax, NAdam, RAdam). */
export const b1 = /* @__PURE__ */ beta(0.9, 'decay of the first moment');

/** β2 = 0.999, the decay of Adam's second moment (Adam, AMSGrad, AdamW, NAdam, RAdam). */
export const b2 = /* @__PURE__ */ beta(0.999, 'decay of the second moment');

/** Negate the gradient: step along +g. */
export const maximize = /* @__PURE__ */ flag('maximise the objective');

/** The lecture's `√(G + ε)` instead of PyTorch's `√G + ε` (the default). */
export const epsInsideSqrt = /* @__PURE__ */ flag("lecture's form: eps inside the sqrt");

/** The paper of Adam and Adamax. */
export const KINGMA_BA = 'Kingma & Ba, ICLR 2015';
