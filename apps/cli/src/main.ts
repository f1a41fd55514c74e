/**
 * The `lab` program. `main(argv, io)` returns the exit code: 0 success, 2 bad input (one line on
 * stderr, never a stack trace), 1 an unexpected failure, 130 interrupted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isLabError } from '@lab/core';
import { registerExperimentCommands } from './commands/experiments';
import { registerList } from './commands/list';
import { registerMetrics } from './commands/metrics';
import { registerPlan } from './commands/plan';
import { registerSchedule } from './commands/schedule';
import { registerSurface } from './commands/surface';
import { registerTrainCommands } from './commands/train';
import type { Context, Io } from './context';
import { checkWritable } from '@lab/train/node';
import { asFlagError, EXIT, UsageError } from './errors';
import { kebab, peekAll, peekFlag } from './spec-options';
import { registryWith } from './registry';

export const VERSION = '0.1.0';

const COMMANDS = ['train', 'compare', 'cv', 'tune', 'bias-variance', 'lr-find', 'schedule', 'plan', 'metrics', 'surface', 'list'];

interface ConfigFile {
  plugins?: string[];
  [command: string]: unknown;
}

/** Read `--config file.json`: `{ "plugins": [...], "<command>": { "<option>": value } }`. */
function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--config ${path}: cannot read the file`);
  }
  try {
    const c = JSON.parse(text) as ConfigFile;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new Error('not an object');
    return c;
  } catch (e) {
    throw new UsageError(`--config ${path}: not a JSON object (${(e as Error).message})`);
  }
}

/** Config options of a command become flags placed before the user's own (which win). */
function configFlags(config: ConfigFile, command: string | undefined): string[] {
  const section = command ? config[command] : undefined;
  if (!section || typeof section !== 'object') return [];
  return Object.entries(section as Record<string, unknown>).flatMap(([k, v]) =>
    v === true ? [`--${kebab(k)}`] : v === false ? [`--${kebab(k)}`, 'false'] : [`--${kebab(k)}`, typeof v === 'object' ? JSON.stringify(v) : String(v)],
  );
}

export async function main(argv: readonly string[], io: Io, signal: AbortSignal = new AbortController().signal): Promise<number> {
  try {
    let args = [...argv];
    const configPath = peekFlag(args, '--config');
    const config = configPath ? readConfig(resolve(configPath)) : {};
    const command = args.find((a) => COMMANDS.includes(a));
    if (command) {
      const at = args.indexOf(command);
      args = [...args.slice(0, at + 1), ...configFlags(config, command), ...args.slice(at + 1)];
    }
    const configDir = configPath ? resolve(configPath, '..') : process.cwd();
    const pluginSpecs = [...(config.plugins ?? []).map((p) => (p.startsWith('.') ? resolve(configDir, p) : p)), ...peekAll(args, '--plugin')];
    const { registry, urls } = await registryWith(pluginSpecs);
    const ctx: Context = { registry, io, pluginUrls: urls, signal };

    const program = new Command('lab')
      .description("lab: the deep-learning optimisation lecture, runnable — train, compare, tune and evaluate with PyTorch's and scikit-learn's semantics")
      .version(VERSION)
      .option('--json', 'print the machine-readable result as JSON on stdout')
      .option('--report <file.html>', 'also write the charts and tables as one self-contained HTML page')
      .option('--plugin <path-or-package>', 'load a third-party plugin (repeatable); never loaded from the current folder unless named', (v: string, all: string[]) => [...all, v], [] as string[])
      .option('--config <file.json>', 'read plugins and options from a JSON file: { "plugins": [...], "train": { ... } }')
      .showHelpAfterError(false)
      .hook('preAction', () => {
        // a --report path that cannot be written fails now, not after the run
        const report = program.opts<{ report?: string }>().report;
        try {
          if (report) checkWritable(report);
        } catch (e) {
          throw asFlagError('--report', e);
        }
      })
      .exitOverride()
      .configureOutput({
        writeOut: (s) => io.stdout(s.replace(/\n$/, '')),
        writeErr: (s) => io.stderr(s.replace(/\n$/, '')),
        // one line, with commander's "(Did you mean ...?)" suggestion joined on
        outputError: (s, write) => write(`lab: ${s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
      });
    registerList(program, ctx);
    registerSchedule(program, ctx, args);
    registerPlan(program, ctx);
    registerSurface(program, ctx);
    registerMetrics(program, ctx);
    registerTrainCommands(program, ctx, args);
    registerExperimentCommands(program, ctx, args);
    for (const c of program.commands) c.exitOverride().configureOutput(program.configureOutput());
    if (args.length === 0) {
      io.stdout(program.helpInformation().replace(/\n$/, ''));
      return EXIT.ok;
    }
    await program.parseAsync(args, { from: 'user' });
    return signal.aborted ? EXIT.interrupted : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage; // commander already printed one line through outputError
    }
    if (isLabError(e)) {
      io.stderr(`lab: ${(e as Error).message.split('\n')[0]}`);
      return EXIT.usage;
    }
    io.stderr(`lab: unexpected error: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it)`);
    if (process.env.LAB_DEBUG) io.stderr(String((e as Error)?.stack));
    return EXIT.bug;
  }
}
