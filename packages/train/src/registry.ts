import { createRegistry, InvalidArgumentError, type Plugin, type Registry } from '@lab/core';
import { groupSplitPlugin } from '@lab/data-split/groups-plugin';
import { dataSplitPlugin } from '@lab/data-split/plugin';
import { lossesPlugin } from '@lab/losses';
import { metricsPlugin } from '@lab/metrics/plugin';
import { optimizersPlugin } from '@lab/optimizers';
import { schedulesPlugin } from '@lab/schedules/plugin';

let cached: Registry | undefined;

/**
 * A registry with every built-in loss, optimizer, schedule, metric and splitter of lab
 * (`createRegistry().use(lossesPlugin).use(optimizersPlugin).use(schedulesPlugin).use(metricsPlugin).use(dataSplitPlugin).use(groupSplitPlugin)`),
 * built on first call. Add your own plugins with `.use(plugin)` and pass the result as `registry`.
 *
 * @example
 * const registry = defaultRegistry().use(lionPlugin);
 * await fit({ model, train, optimizer: { type: 'lion', lr: 1e-4 }, registry });
 */
export function defaultRegistry(): Registry {
  cached ??= createRegistry().use(lossesPlugin).use(optimizersPlugin).use(schedulesPlugin).use(metricsPlugin).use(dataSplitPlugin).use(groupSplitPlugin);
  return cached;
}

const PLUGIN_KINDS = ['optimizers', 'schedules', 'losses', 'metrics', 'splitters'] as const;

/** Whether `x` is shaped like a plugin: `{ meta: { name }, optimizers?: [...], ... }`. */
export function isPlugin(x: unknown): x is Plugin {
  const p = x as Record<string, unknown> & { meta?: { name?: unknown } };
  return !!p && typeof p === 'object' && typeof p.meta?.name === 'string' && PLUGIN_KINDS.some((k) => Array.isArray(p[k]));
}

/**
 * The plugin a loaded module exports: its default export, a `plugin` export, `default.plugin`, or
 * else the first export shaped like a plugin; undefined when there is none.
 */
export function pluginOf(mod: Record<string, unknown>): Plugin | undefined {
  const d = mod.default as Record<string, unknown> | undefined;
  return [d, mod.plugin, d?.plugin, ...Object.values(mod)].find(isPlugin);
}

const loaded = new Map<string, Promise<Registry>>();

/**
 * `defaultRegistry()` plus the plugins exported by the modules `specifiers` (file URLs or package
 * names, imported in order; cached per list). Worker threads rebuild a job's registry this way.
 */
export function registryWithPlugins(specifiers: readonly string[]): Promise<Registry> {
  const key = JSON.stringify(specifiers);
  let r = loaded.get(key);
  if (!r) {
    r = (async () => {
      let reg = defaultRegistry();
      for (const [i, spec] of specifiers.entries()) {
        const plugin = pluginOf((await import(/* @vite-ignore */ spec)) as Record<string, unknown>);
        if (!plugin) throw new InvalidArgumentError(`plugins[${i}]`, spec, 'a module that exports a plugin object { meta: { name, version }, optimizers?, ... }');
        reg = reg.use(plugin);
      }
      return reg;
    })();
    loaded.set(key, r);
    r.catch(() => loaded.delete(key));
  }
  return r;
}

/**
 * The worker-thread check: a `registry` with plugins beyond the built-ins must come with the module
 * `plugins` that provide them, or jobs on worker threads could not rebuild it.
 */
export function checkPlugins(registry: Registry | undefined, plugins: readonly string[] | undefined, executor: unknown): void {
  if (plugins !== undefined && (!Array.isArray(plugins) || plugins.some((p) => typeof p !== 'string')))
    throw new InvalidArgumentError('plugins', plugins, 'module specifiers (file URLs or package names) of plugins');
  if (executor === undefined || plugins?.length || !registry) return;
  const builtin = new Set(defaultRegistry().plugins.map((m) => m.name));
  const extra = registry.plugins.filter((m) => !builtin.has(m.name)).map((m) => m.name);
  if (extra.length)
    throw new InvalidArgumentError('plugins', plugins, `the module specifiers of the registry's plugins (${extra.join(', ')}), so worker threads can load them`);
}
