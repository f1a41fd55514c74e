/**
 * The CLI's registry: the built-in plugins, plus third-party plugins named explicitly with
 * `--plugin <path or package>` or in a `--config` file. Nothing is loaded from the current folder
 * unless asked for.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRegistry, type Plugin, type Registry } from '@lab/core';
import { dataSplitPlugin } from '@lab/data-split/plugin';
import { lossesPlugin } from '@lab/losses';
import { metricsPlugin } from '@lab/metrics/plugin';
import { optimizersPlugin } from '@lab/optimizers';
import { schedulesPlugin } from '@lab/schedules/plugin';
import { UsageError } from './errors';

export const builtinPlugins: readonly Plugin[] = [optimizersPlugin, schedulesPlugin, lossesPlugin, metricsPlugin, dataSplitPlugin];

export function builtinRegistry(): Registry {
  return builtinPlugins.reduce((r, p) => r.use(p), createRegistry());
}

function isPlugin(x: unknown): x is Plugin {
  const p = x as Plugin;
  return !!p && typeof p === 'object' && typeof p.meta?.name === 'string' && ['optimizers', 'schedules', 'losses', 'metrics', 'splitters'].some((k) => Array.isArray((p as unknown as Record<string, unknown>)[k]));
}

/** Load a plugin module by path or package name, resolved from `cwd`. */
export async function loadPlugin(spec: string, cwd = process.cwd()): Promise<Plugin> {
  const isPath = spec.startsWith('.') || isAbsolute(spec) || /\.(c|m)?js$/.test(spec);
  let file: string;
  try {
    file = isPath ? resolve(cwd, spec) : createRequire(join(cwd, 'noop.js')).resolve(spec);
  } catch {
    throw new UsageError(`--plugin ${spec}: cannot find the package from ${cwd} (is it installed?)`);
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`--plugin ${spec}: cannot load ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const candidates = [mod.default, mod.plugin, (mod.default as Record<string, unknown> | undefined)?.plugin, ...Object.values(mod)];
  const plugin = candidates.find(isPlugin);
  if (!plugin) throw new UsageError(`--plugin ${spec}: the module exports no plugin object { meta: { name, version }, optimizers?, ... }`);
  return plugin;
}

/** The registry with the built-ins and the given plugins, in order (a duplicate name is an error). */
export async function registryWith(pluginSpecs: readonly string[], cwd = process.cwd()): Promise<Registry> {
  let r = builtinRegistry();
  for (const spec of pluginSpecs) r = r.use(await loadPlugin(spec, cwd));
  return r;
}
