import type { FloatArray, GradientTransformation, Scalar } from './types';
import { scalar, valueAt } from './util';

/** State of the scaling transformations: the number of updates so far (for schedules). */
export interface CountState {
  readonly count: number;
}

function scaling(factor: Scalar, name: string, sign: number): GradientTransformation<CountState> {
  return {
    init: () => ({ count: 0 }),
    update(updates, { count }) {
      const s = sign * valueAt(factor, count, name);
      return { updates: updates.map((u) => u.map((x) => s * x) as FloatArray), state: { count: count + 1 } };
    },
  };
}

/**
 * Multiply the updates by `step` (a number or a schedule of the update count).
 *
 * @example
 * chain(scaleByAdam(), scale(-0.01)); // = adam({ lr: 0.01 })
 */
export function scale(step: Scalar): GradientTransformation<CountState> {
  return scaling(scalar('scale.step', step, -Infinity), 'scale.step', 1);
}

/**
 * Multiply the updates by `−α_t` (descent): the last link of most optimizers. `lr` may be a
 * schedule `(count) => α`, evaluated at the 0-based update count.
 *
 * @example
 * chain(trace({ decay: 0.9 }), scaleByLearningRate((t) => 0.1 * 0.95 ** t));
 */
export function scaleByLearningRate(lr: Scalar, { flipSign = true }: { flipSign?: boolean } = {}): GradientTransformation<CountState> {
  return scaling(scalar('lr', lr), 'lr', flipSign ? -1 : 1);
}
