/**
 * Conformance checks for plugin authors: run them in your plugin's own tests.
 *
 * @example
 * import { checkPlugin } from '@lab/core/testing';
 * test('plugin conforms', () => checkPlugin(myPlugin));
 */
import { InvalidArgumentError } from './errors';
import { checkParam } from './params';
import { toJsonSchema } from './schema';
import { createRegistry } from './registry';
import type { AnyDefinition, Plugin } from './types';

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Problems with a definition, as messages (empty when it conforms). */
export function definitionProblems(def: AnyDefinition): string[] {
  const problems: string[] = [];
  const where = `${def?.kind} "${def?.name}"`;
  if (typeof def?.name !== 'string' || !NAME.test(def.name)) problems.push(`${where}: name must match ${NAME}`);
  if (!def?.meta || typeof def.meta.description !== 'string' || !def.meta.description) problems.push(`${where}: meta.description is required`);
  if (typeof def?.create !== 'function') problems.push(`${where}: create must be a function`);
  for (const [key, p] of Object.entries(def?.params ?? {})) {
    if (!NAME.test(key)) problems.push(`${where}: param name "${key}" must match ${NAME}`);
    if (!p.description) problems.push(`${where}: param "${key}" needs a description`);
    if (p.kind === 'enum' && p.values.length === 0) problems.push(`${where}: enum param "${key}" has no values`);
    if (p.default !== undefined) {
      try {
        checkParam(key, p, p.default);
      } catch (e) {
        problems.push(`${where}: default of "${key}" does not satisfy its own spec: ${(e as Error).message}`);
      }
    }
  }
  try {
    JSON.stringify(toJsonSchema(def.params));
  } catch (e) {
    problems.push(`${where}: JSON Schema export failed: ${(e as Error).message}`);
  }
  return problems;
}

/** Throws one error listing every problem with the plugin and its definitions. */
export function checkPlugin(plugin: Plugin): void {
  const problems: string[] = [];
  if (!plugin?.meta?.name) problems.push('plugin.meta.name is required');
  if (!/^\d+\.\d+\.\d+/.test(plugin?.meta?.version ?? '')) problems.push('plugin.meta.version must be a semver version');
  const defs: AnyDefinition[] = [
    ...(plugin.optimizers ?? []),
    ...(plugin.schedules ?? []),
    ...(plugin.losses ?? []),
    ...(plugin.metrics ?? []),
    ...(plugin.splitters ?? []),
  ];
  for (const def of defs) problems.push(...definitionProblems(def));
  try {
    createRegistry().use(plugin);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (problems.length) throw new InvalidArgumentError('plugin', plugin?.meta?.name, 'a conforming plugin', `plugin ${plugin?.meta?.name} does not conform:\n  ${problems.join('\n  ')}`);
}
