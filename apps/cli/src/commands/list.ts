import type { Command } from 'commander';
import { describeParam, type DefinitionKind } from '@lab/core';
import { UsageError } from '../errors';
import { emit, type Context, type GlobalOptions } from '../context';
import { flagName } from '../spec-options';

const KINDS: DefinitionKind[] = ['optimizer', 'schedule', 'loss', 'metric', 'splitter'];

export function registerList(program: Command, ctx: Context): void {
  program
    .command('list')
    .argument('[kind]', `one of ${KINDS.join(', ')} (plural accepted); all when left out`)
    .description('list every optimizer, schedule, loss, metric and splitter with its hyper-parameters and defaults')
    .action(async (kindArg: string | undefined, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const k = (kindArg === 'losses' ? 'loss' : kindArg?.replace(/s$/, '')) as DefinitionKind | undefined;
      if (k && !KINDS.includes(k)) throw new UsageError(`list: unknown kind ${JSON.stringify(kindArg)}; expected one of ${KINDS.join(', ')}`);
      const entries = ctx.registry.list(k);
      await emit(ctx, opts, {
        title: `lab list ${k ?? ''}`.trim(),
        json: entries.map((e) => ({ ...e, params: Object.fromEntries(Object.entries(e.params).map(([n, p]) => [n, { ...p, flag: flagName(n), accepts: describeParam(p) }])) })),
        tables: [
          {
            columns: ['kind', 'name', 'plugin', 'description', 'hyper-parameters (default)'],
            rows: entries.map((e) => [
              e.kind,
              e.name,
              e.plugin,
              e.meta.description,
              Object.entries(e.params)
                .map(([n, p]) => `${n}=${p.default === undefined ? (p.optional ? '-' : '(required)') : Array.isArray(p.default) ? p.default.join(',') : String(p.default)}`)
                .join(' '),
            ]),
          },
        ],
      });
    });
}
