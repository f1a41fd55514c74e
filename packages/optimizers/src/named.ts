/** Internal: how the named optimizers assemble their chains. */
import type { GradientTransformation, Scalar } from './types';
import { chain } from './chain';
import { requireFinite } from './guards';
import { scale } from './scale';
import { addDecayedWeights } from './weight-decay';

/** PyTorch's first operations on the gradient: negate when maximising, then add L2 weight decay. */
export const head = ({ maximize = false, weightDecay }: { maximize?: boolean; weightDecay: Scalar }): GradientTransformation[] => [
  ...(maximize ? [scale(-1)] : []),
  ...(weightDecay === 0 ? [] : [addDecayedWeights(weightDecay)]),
];

/** A named optimizer: a chain behind the non-finite-gradient guard. */
export const named = (...parts: GradientTransformation[]): GradientTransformation<unknown[]> => requireFinite(chain(...parts));

/** `{ eps, epsRoot }` for the PyTorch form (ε after the root) or the lecture's (ε inside it). */
export const epsForm = (eps: Scalar, inside: boolean) => (inside ? { eps: 0, epsRoot: eps } : { eps, epsRoot: 0 });
