import { definePlugin } from '@lab/core';
import { lionDefinition } from './lion';

/**
 * The plugin: add it to a registry next to the built-in optimizers.
 *
 * @example
 * const registry = createRegistry().use(optimizersPlugin).use(lionPlugin);
 */
export const lionPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: 'lab-plugin-lion', version: '0.1.0' },
  optimizers: [lionDefinition],
});
