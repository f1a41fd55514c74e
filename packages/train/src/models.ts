import { InvalidArgumentError, Rng, UnknownNameError, type RngState } from '@lab/core';
import { Dropout, Identity, LeakyReLU, Linear, PolynomialFeatures, ReLU, Sequential, Sigmoid, Softplus, Tanh, type Module } from '@lab/tensor';
import type { Activation, ModelShape, ModelSpec } from './types';

const ACTIVATIONS: Record<Activation, () => Module> = {
  relu: () => new ReLU(),
  tanh: () => new Tanh(),
  sigmoid: () => new Sigmoid(),
  leakyRelu: () => new LeakyReLU(),
  softplus: () => new Softplus(),
  identity: () => new Identity(),
};

const positive = (arg: string, v: unknown): number => {
  if (!Number.isInteger(v) || (v as number) < 1) throw new InvalidArgumentError(arg, v, 'an integer >= 1');
  return v as number;
};

/**
 * A model built by {@link createModel}: a `Sequential` of @lab/tensor layers that remembers its spec
 * and owns the random generator of its dropout masks, whose state `fit` saves in checkpoints.
 * Parameters are named `layers.<i>.weight` / `layers.<i>.bias`.
 *
 * @example
 * const model = createModel({ type: 'mlp', hidden: [32] }, { nFeatures: 4, nOutputs: 3, seed: 1 });
 * model.forward(tensor(x, { shape: [n, 4] })); // logits [n, 3]
 */
export class Model extends Sequential {
  readonly #rng: Rng;
  constructor(
    readonly spec: ModelSpec,
    /** Number of outputs (logits or regression targets). */
    readonly nOutputs: number,
    rng: Rng,
    layers: Module[],
  ) {
    super(...layers);
    this.#rng = rng;
  }
  /** State of the dropout generator. */
  rngState(): RngState {
    return this.#rng.getState();
  }
  /** Restore the dropout generator. */
  setRngState(state: RngState): void {
    this.#rng.setState(state);
  }
}

/**
 * Build a model from a serialisable spec, with seeded PyTorch-style initialisation:
 *
 * - `{ type: 'linear' }`: linear regression, `Linear(nFeatures, nOutputs)`.
 * - `{ type: 'polynomial', degree }`: `PolynomialFeatures(degree, no constant column) → Linear`.
 * - `{ type: 'logistic' }`: `Linear(nFeatures, 1)`, a logit (BCE-with-logits; label = logit > 0).
 * - `{ type: 'softmax' }`: `Linear(nFeatures, nOutputs)` logits (cross-entropy).
 * - `{ type: 'mlp', hidden = [64], activation = 'relu', dropout = 0 }`:
 *   `Linear → activation (→ Dropout)` per hidden size, then `Linear(…, nOutputs)`.
 *
 * `bias` (default true) applies to linear / polynomial / logistic / softmax. The same spec, sizes and
 * seed give bit-identical weights. Errors name the bad field.
 *
 * @example
 * const model = createModel({ type: 'mlp', hidden: [64], activation: 'relu' }, { nFeatures: 64, nOutputs: 10, seed: 0 });
 * const linear = createModel({ type: 'polynomial', degree: 3 }, { nFeatures: 1 });
 */
export function createModel(spec: ModelSpec, shape: ModelShape): Model {
  if (typeof spec !== 'object' || spec === null) throw new InvalidArgumentError('spec', spec, "a model spec { type: 'linear' | 'polynomial' | 'logistic' | 'softmax' | 'mlp', ... }");
  const nFeatures = positive('nFeatures', shape?.nFeatures);
  const nOutputs = spec.type === 'logistic' ? 1 : positive('nOutputs', shape.nOutputs ?? 1);
  const seed = shape.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('seed', seed, 'a safe integer');
  const rng = new Rng(seed);
  // The dropout masks use their own stream (a child of the seed), so adding dropout leaves the weights unchanged.
  const base = new Rng(seed);
  const dropRng = new Rng({ s: [base.nextUint32(), base.nextUint32(), base.nextUint32(), (base.nextUint32() | 1) >>> 0] });
  const bias = 'bias' in spec ? spec.bias !== false : true;
  let layers: Module[];
  switch (spec.type) {
    case 'linear':
    case 'logistic':
    case 'softmax':
      layers = [new Linear(nFeatures, nOutputs, { rng, bias })];
      break;
    case 'polynomial': {
      const degree = positive('spec.degree', spec.degree);
      const poly = new PolynomialFeatures(degree, { includeBias: false });
      layers = [poly, new Linear(poly.outFeatures(nFeatures), nOutputs, { rng, bias })];
      break;
    }
    case 'mlp': {
      const hidden = spec.hidden ?? [64];
      if (!Array.isArray(hidden)) throw new InvalidArgumentError('spec.hidden', hidden, 'a list of layer sizes');
      const act = spec.activation ?? 'relu';
      if (!(act in ACTIVATIONS)) throw new UnknownNameError('spec.activation', act, Object.keys(ACTIVATIONS));
      const p = spec.dropout ?? 0;
      if (typeof p !== 'number' || !(p >= 0 && p < 1)) throw new InvalidArgumentError('spec.dropout', p, 'a probability in [0, 1)');
      layers = [];
      let width = nFeatures;
      hidden.forEach((h, i) => {
        layers.push(new Linear(width, positive(`spec.hidden[${i}]`, h), { rng }), ACTIVATIONS[act]());
        if (p > 0) layers.push(new Dropout(p, { rng: dropRng }));
        width = h;
      });
      layers.push(new Linear(width, nOutputs, { rng }));
      break;
    }
    default:
      throw new UnknownNameError('model type', (spec as { type: unknown }).type, ['linear', 'polynomial', 'logistic', 'softmax', 'mlp']);
  }
  return new Model(spec, nOutputs, dropRng, layers);
}
