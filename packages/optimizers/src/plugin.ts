import { definePlugin } from '@lab/core';
import { adadeltaDefinition } from './adadelta';
import { adagradDefinition } from './adagrad';
import { adamDefinition, adamwDefinition, amsgradDefinition } from './adam';
import { adamaxDefinition } from './adamax';
import { nadamDefinition } from './nadam';
import { radamDefinition } from './radam';
import { rmspropDefinition } from './rmsprop';
import { sgdDefinition } from './sgd';

/**
 * Every built-in optimizer, as a plugin for a registry.
 *
 * @example
 * const registry = createRegistry().use(optimizersPlugin);
 * const opt = registry.build('optimizer', { type: 'adam', lr: 0.01 });
 */
export const optimizersPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: '@lab/optimizers', version: '0.1.0' },
  optimizers: [
    sgdDefinition,
    adagradDefinition,
    rmspropDefinition,
    adadeltaDefinition,
    adamDefinition,
    adamwDefinition,
    amsgradDefinition,
    adamaxDefinition,
    nadamDefinition,
    radamDefinition,
  ],
});
