/** Internal: how the named optimizers assemble their chains. */
import type { GradientTransformation, Scalar } from './types';
import { chain } from './chain';
import { requireFinite } from './guards';
import { scale, scaleByLearningRate } from './scale';
import { addDecayedWeights } from './weight-decay';

type Head = { readonly maximize?: boolean; readonly weightDecay: Scalar };

/** PyTorch's first operations on the gradient: negate when maximising, then add L2 weight decay. */
export const head = ({ maximize = false, weightDecay }: Head): GradientTransformation[] => [
  ...(maximize ? [scale(-1)] : []),
  ...(weightDecay === 0 ? [] : [addDecayedWeights(weightDecay)]),
];

/** A chain behind the non-finite-gradient guard. */
export const guarded = (...parts: GradientTransformation[]): GradientTransformation<unknown[]> => requireFinite(chain(...parts));

/** A named optimizer in PyTorch's order: `head(o)`, then `parts`, then `scaleByLearningRate(o.lr)`, guarded. */
export const named = (o: Head & { readonly lr: Scalar }, ...parts: GradientTransformation[]) => guarded(...head(o), ...parts, scaleByLearningRate(o.lr));

/** `{ eps, epsRoot }` for the PyTorch form (ε after the root) or the lecture's (ε inside it). */
export const epsForm = <E extends Scalar>(eps: E, inside: boolean) => (inside ? { eps: 0, epsRoot: eps } : { eps, epsRoot: 0 });
