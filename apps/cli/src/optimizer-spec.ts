import type { BuildConfig, Registry } from '@lab/core';
import { UsageError } from './errors';
import { parseParamValue } from './spec-options';

/**
 * `name` or `name:key=value,key=value` (e.g. `sgd:lr=0.01,momentum=0.9`), values parsed by the
 * definition's params spec. Used by `surface` and `compare`, which take several optimizers at once.
 */
export function parseDefinitionSpec(registry: Registry, kind: 'optimizer' | 'schedule', text: string): BuildConfig {
  const [name, rest] = text.split(/:(.*)/s, 2);
  if (!registry.has(kind, name)) registry.get(kind, name); // throws UnknownNameError listing the known names
  const def = registry.get(kind, name);
  const config: Record<string, unknown> = { type: name };
  for (const pair of rest ? rest.split(',') : []) {
    const [key, value] = pair.split('=', 2);
    const p = def.params[key];
    if (!p) throw new UsageError(`${text}: ${name} has no option ${JSON.stringify(key)}; known: ${Object.keys(def.params).join(', ')}`);
    if (value === undefined) throw new UsageError(`${text}: expected ${key}=VALUE`);
    config[key] = parseParamValue(`${name}:${key}`, p, value);
  }
  registry.resolve(kind, config as BuildConfig); // validate now, with the library's messages
  return config as BuildConfig;
}
