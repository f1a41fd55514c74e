import { DuplicateNameError, InvalidArgumentError, UnknownNameError } from './errors';
import { resolveOptions } from './params';
import type { AnyDefinition, BuildConfig, DefinitionKind, Plugin, PluginMeta, Products, Registry, RegistryEntry } from './types';

const LISTS = { optimizer: 'optimizers', schedule: 'schedules', loss: 'losses', metric: 'metrics', splitter: 'splitters' } as const;
const KINDS = Object.keys(LISTS) as DefinitionKind[];

interface Row {
  def: AnyDefinition;
  plugin: string;
}

function makeRegistry(rows: ReadonlyMap<string, Row>, plugins: readonly PluginMeta[]): Registry {
  const key = (kind: DefinitionKind, name: string) => `${kind}:${name}`;
  const names = (kind: DefinitionKind) => [...rows.values()].filter((r) => r.def.kind === kind).map((r) => r.def.name);
  const get = <K extends DefinitionKind>(kind: K, name: string): AnyDefinition<K> => {
    const row = rows.get(key(kind, name));
    if (!row) throw new UnknownNameError(kind, name, names(kind));
    return row.def as AnyDefinition<K>;
  };
  const resolve = (kind: DefinitionKind, config: BuildConfig): Record<string, unknown> => {
    if (typeof config !== 'object' || config === null || typeof config.type !== 'string')
      throw new InvalidArgumentError(`${kind} config`, config, 'an object with a string "type"');
    const def = get(kind, config.type);
    const input: Record<string, unknown> = { ...config };
    // A schedule-valued hyper-parameter may be given as a schedule config: { type: 'cosineDecay', ... }.
    for (const [k, p] of Object.entries(def.params)) {
      const v = input[k];
      if (p.kind === 'number-or-schedule' && typeof v === 'object' && v !== null && !Array.isArray(v)) input[k] = build('schedule', v as BuildConfig);
    }
    return resolveOptions(def.params, input, config.type);
  };
  const build = <K extends DefinitionKind>(kind: K, config: BuildConfig): Products[K] =>
    get(kind, config?.type).create(resolve(kind, config)) as Products[K];

  return {
    plugins,
    use(plugin: Plugin): Registry {
      if (!plugin || typeof plugin.meta?.name !== 'string') throw new InvalidArgumentError('plugin', plugin, 'an object { meta: { name, version }, ... }');
      const next = new Map(rows);
      for (const kind of KINDS) {
        for (const def of plugin[LISTS[kind]] ?? []) {
          if (def.kind !== kind) throw new InvalidArgumentError(`${plugin.meta.name}.${LISTS[kind]}`, def.name, `a ${kind} definition, got a ${def.kind}`);
          const prev = next.get(key(kind, def.name));
          if (prev) throw new DuplicateNameError(kind, def.name, prev.plugin);
          next.set(key(kind, def.name), { def, plugin: plugin.meta.name });
        }
      }
      return makeRegistry(next, [...plugins, plugin.meta]);
    },
    has: (kind, name) => rows.has(key(kind, name)),
    get,
    list(kind?: DefinitionKind): RegistryEntry[] {
      return [...rows.values()]
        .filter((r) => !kind || r.def.kind === kind)
        .map(({ def, plugin }) => ({ kind: def.kind, name: def.name, plugin, meta: def.meta, params: def.params }));
    },
    resolve,
    build,
  };
}

/**
 * An empty registry. Registries are values: `use` returns a new registry and never changes this one,
 * and nothing is registered on import.
 *
 * @example
 * const registry = createRegistry().use(builtinOptimizers).use(lionPlugin);
 * const adam = registry.build('optimizer', { type: 'adam', lr: 0.01 });
 */
export function createRegistry(): Registry {
  return makeRegistry(new Map(), []);
}
