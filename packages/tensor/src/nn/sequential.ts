import { InvalidArgumentError } from '@lab/core';
import type { Tensor } from '../tensor';
import { Module } from './module';

/**
 * Modules applied in order. Parameters are named `layers.<i>.<name>`.
 *
 * @example
 * const mlp = new Sequential(new Linear(2, 8, { rng }), new Tanh(), new Linear(8, 1, { rng }));
 * mlp.namedParameters()[0].name; // 'layers.0.weight'
 */
export class Sequential extends Module {
  readonly layers: Module[];

  constructor(...layers: Module[]) {
    super();
    layers.forEach((m, i) => {
      if (!(m instanceof Module)) throw new InvalidArgumentError(`layers[${i}]`, m, 'a Module');
    });
    this.layers = layers;
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.layers) y = layer.forward(y);
    return y;
  }
}
