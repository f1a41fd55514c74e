import { createRegistry, type Registry } from '@lab/core';
import { dataSplitPlugin } from '@lab/data-split/plugin';
import { lossesPlugin } from '@lab/losses';
import { metricsPlugin } from '@lab/metrics/plugin';
import { optimizersPlugin } from '@lab/optimizers';
import { schedulesPlugin } from '@lab/schedules/plugin';

let cached: Registry | undefined;

/**
 * A registry with every built-in loss, optimizer, schedule, metric and splitter of lab
 * (`createRegistry().use(lossesPlugin).use(optimizersPlugin).use(schedulesPlugin).use(metricsPlugin).use(dataSplitPlugin)`),
 * built on first call. Add your own plugins with `.use(plugin)` and pass the result as `registry`.
 *
 * @example
 * const registry = defaultRegistry().use(lionPlugin);
 * await fit({ model, train, optimizer: { type: 'lion', lr: 1e-4 }, registry });
 */
export function defaultRegistry(): Registry {
  cached ??= createRegistry().use(lossesPlugin).use(optimizersPlugin).use(schedulesPlugin).use(metricsPlugin).use(dataSplitPlugin);
  return cached;
}
