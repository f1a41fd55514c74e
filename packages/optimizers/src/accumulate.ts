import { checkParam } from '@lab/core';
import type { FloatArray, GradientTransformation } from './types';
import { fits, like } from './util';

export interface AccumulateState<S> {
  readonly inner: S;
  /** Sum of the gradients of the current cycle. */
  readonly acc: FloatArray[];
  /** Gradients accumulated in the current cycle (0 ≤ miniStep < every). */
  readonly miniStep: number;
}

/**
 * Gradient accumulation: collect `every` gradients, then give their mean (or sum with
 * `average: false`) to the inner transformation once. In between, the updates are zero and the
 * inner state does not move — `every` micro-batches act as one big batch.
 *
 * @example
 * const opt = accumulate(adam({ lr: 1e-3 }), { every: 4 });
 */
export function accumulate<S>(inner: GradientTransformation<S>, { every, average = true }: { every: number; average?: boolean }): GradientTransformation<AccumulateState<S>> {
  checkParam('accumulate.every', { kind: 'integer', min: 1, description: '' }, every);
  return {
    init: (params, names) => ({ inner: inner.init(params, names), acc: params.map((p) => like(p)), miniStep: 0 }),
    update(updates, state, params) {
      fits(updates, state.acc, 'acc');
      const acc = updates.map((u, i) => {
        const a = like(u);
        for (let j = 0; j < u.length; j++) a[j] = state.acc[i][j] + u[j];
        return a;
      });
      if (state.miniStep + 1 < every) return { updates: updates.map((u) => like(u)), state: { inner: state.inner, acc, miniStep: state.miniStep + 1 } };
      const r = inner.update(average ? acc.map((a) => a.map((x) => x / every) as FloatArray) : acc, state.inner, params);
      return { updates: r.updates, state: { inner: r.state, acc: acc.map((a) => like(a)), miniStep: 0 } };
    },
  };
}
