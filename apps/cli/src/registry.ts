/**
 * The CLI's registry: the built-in plugins, plus third-party plugins named explicitly with
 * `--plugin <path or package>` or in a `--config` file. Nothing is loaded from the current folder
 * unless asked for.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRegistry, type Plugin, type Registry } from '@lab/core';
import { groupSplitPlugin } from '@lab/data-split/groups-plugin';
import { dataSplitPlugin } from '@lab/data-split/plugin';
import { lossesPlugin } from '@lab/losses';
import { metricsPlugin } from '@lab/metrics/plugin';
import { optimizersPlugin } from '@lab/optimizers';
import { schedulesPlugin } from '@lab/schedules/plugin';
import { pluginOf } from '@lab/train';
import { UsageError } from './errors';

export const builtinPlugins: readonly Plugin[] = [optimizersPlugin, schedulesPlugin, lossesPlugin, metricsPlugin, dataSplitPlugin, groupSplitPlugin];

export function builtinRegistry(): Registry {
  return builtinPlugins.reduce((r, p) => r.use(p), createRegistry());
}

/** Load a plugin module by path or package name, resolved from `cwd`: the plugin and the module's file URL. */
export async function loadPlugin(spec: string, cwd = process.cwd()): Promise<{ plugin: Plugin; url: string }> {
  const isPath = spec.startsWith('.') || isAbsolute(spec) || /\.(c|m)?js$/.test(spec);
  let file: string;
  try {
    file = isPath ? resolve(cwd, spec) : createRequire(join(cwd, 'noop.js')).resolve(spec);
  } catch {
    throw new UsageError(`--plugin ${spec}: cannot find the package from ${cwd} (is it installed?)`);
  }
  const url = pathToFileURL(file).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`--plugin ${spec}: cannot load ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const plugin = pluginOf(mod);
  if (!plugin) throw new UsageError(`--plugin ${spec}: the module exports no plugin object { meta: { name, version }, optimizers?, ... }`);
  return { plugin, url };
}

/**
 * The registry with the built-ins and the given plugins, in order (a duplicate name is an error),
 * and the plugin modules' file URLs (worker threads import them again).
 */
export async function registryWith(pluginSpecs: readonly string[], cwd = process.cwd()): Promise<{ registry: Registry; urls: string[] }> {
  let registry = builtinRegistry();
  const urls: string[] = [];
  for (const spec of pluginSpecs) {
    const { plugin, url } = await loadPlugin(spec, cwd);
    registry = registry.use(plugin);
    urls.push(url);
  }
  return { registry, urls };
}
