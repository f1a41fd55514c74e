import { InvalidArgumentError, toRng, type Rng } from '@lab/core';
import { Tensor } from '../tensor';
import { Module } from './module';

/**
 * Inverted dropout: in training mode each element is zeroed with probability `p` and the rest are
 * scaled by `1 / (1 - p)`, so the expected value is unchanged; in evaluation mode (`eval()`) the
 * input passes through. The mask comes from a seeded `Rng`, so runs repeat exactly.
 * Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from Overfitting", JMLR 2014.
 *
 * @example
 * const drop = new Dropout(0.5, { rng: 7 });
 * drop.forward(x);        // training: about half zeroed, the rest doubled
 * drop.eval().forward(x); // x
 */
export class Dropout extends Module {
  readonly #rng: Rng;

  constructor(
    /** Probability of zeroing an element, in [0, 1]. Default 0.5. */
    readonly p = 0.5,
    options: { readonly rng?: number | Rng } = {},
  ) {
    super();
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', p, 'a probability in [0, 1]');
    this.#rng = toRng(options.rng ?? 0);
  }

  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    const keep = 1 - this.p;
    const mask = new Float64Array(x.size);
    if (keep > 0) for (let i = 0; i < mask.length; i++) mask[i] = this.#rng.next() < keep ? 1 / keep : 0;
    return x.mul(new Tensor(x.backend.fromArray(mask, x.dtype), x.shape, x.dtype, x.backend));
  }
}
