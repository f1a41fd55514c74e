import { InvalidArgumentError, StateMismatchError } from '@lab/core';
import type { FloatArray, GradientTransformation } from './types';

/**
 * Compose transformations left to right: the updates of one are the input of the next. The state
 * is the list of the parts' states, in order. This is the lecture's unified form
 * `Δθ = −α_t / √(G_t + ε) · M_t`: the direction φ and the scaling ψ are links of one chain.
 *
 * @example
 * const myAdam = chain(scaleByAdam({ b1: 0.9, b2: 0.999 }), scaleByLearningRate(1e-3));
 */
export function chain(...parts: GradientTransformation[]): GradientTransformation<unknown[]> {
  parts.forEach((t, i) => {
    if (typeof t?.init !== 'function' || typeof t.update !== 'function') throw new InvalidArgumentError(`chain: argument ${i}`, t, 'a gradient transformation { init, update }');
  });
  return {
    init: (params, names) => parts.map((t) => t.init(params, names)),
    update(updates, state, params) {
      if (!Array.isArray(state) || state.length !== parts.length)
        throw new StateMismatchError('chain state', state, `a list of ${parts.length} states`);
      let u: FloatArray[] = updates as FloatArray[];
      const next = parts.map((t, i) => {
        const r = t.update(u, state[i], params);
        u = r.updates;
        return r.state;
      });
      return { updates: u, state: next };
    },
  };
}
