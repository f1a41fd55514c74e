/**
 * Command-line flags from params specs: every optimizer, schedule, loss, metric and splitter gets its
 * flags and help from its definition, never from a hand-written flag per hyper-parameter.
 *
 *   number / integer     --lr 0.01
 *   boolean              --nesterov  (or --nesterov false)
 *   enum                 --mode max       (choices listed in help)
 *   numbers              --milestones 30,60,90
 *   number-or-schedule   --lr 0.01  or  --lr '{"type":"cosineDecay","initValue":0.1,"decaySteps":100}'
 *
 * The values are only parsed here; validation (ranges, required options) is @lab/core's
 * `resolveOptions`, so the CLI and the library give the same messages.
 */
import { Option, type Command } from 'commander';
import { describeParam, type ParamSpec, type ParamsSpec } from '@lab/core';
import { UsageError } from './errors';

export const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function flagName(key: string, prefix = ''): string {
  return `--${prefix}${kebab(key)}`;
}

function parseNumber(flag: string, v: string): number {
  const x = v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(x)) throw new UsageError(`${flag} must be a number, got ${JSON.stringify(v)}`);
  return x;
}

export function parseParamValue(flag: string, p: ParamSpec, v: string): unknown {
  switch (p.kind) {
    case 'number':
    case 'integer':
      return parseNumber(flag, v);
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(v)) return true;
      if (/^(false|0|no|off)$/i.test(v)) return false;
      throw new UsageError(`${flag} must be true or false, got ${JSON.stringify(v)}`);
    case 'enum':
      return v;
    case 'numbers':
      return v.split(',').map((s) => parseNumber(flag, s));
    case 'number-or-schedule':
      if (v.trim().startsWith('{')) {
        try {
          return JSON.parse(v) as unknown;
        } catch {
          throw new UsageError(`${flag} must be a number or a JSON schedule config like {"type":"cosineDecay",...}, got ${JSON.stringify(v)}`);
        }
      }
      return parseNumber(flag, v);
  }
}

function helpFor(p: ParamSpec): string {
  const def = p.default === undefined ? (p.optional ? '' : ' (required)') : ` (default: ${Array.isArray(p.default) ? p.default.join(',') : String(p.default)})`;
  return `${p.description}: ${describeParam(p)}${def}`;
}

/** Add one flag per param of a spec to a command. `prefix` keeps apart params of different definitions. */
export function addSpecOptions(cmd: Command, spec: ParamsSpec, prefix = ''): void {
  for (const [key, p] of Object.entries(spec)) {
    const flag = flagName(key, prefix);
    if (cmd.options.some((o) => o.long === flag)) continue;
    const opt =
      p.kind === 'boolean'
        ? new Option(`${flag} [bool]`, helpFor(p)).preset('true')
        : new Option(`${flag} <${p.kind === 'numbers' ? 'list' : p.kind === 'enum' ? 'choice' : 'value'}>`, helpFor(p));
    if (p.kind === 'enum') opt.choices(p.values as string[]);
    cmd.addOption(opt);
  }
}

/** The options of a spec that the user gave, parsed, keyed by param name. */
export function readSpecOptions(opts: Record<string, unknown>, spec: ParamsSpec, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(spec)) {
    const raw = opts[camel(`${prefix}${kebab(key)}`)];
    if (raw === undefined) continue;
    out[key] = parseParamValue(flagName(key, prefix), p, String(raw));
  }
  return out;
}

/** The value following `flag` in raw argv (`--flag v` or `--flag=v`), before commander parses it. */
export function peekFlag(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/** Every value of a repeatable flag in raw argv. */
export function peekAll(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && argv[i + 1] !== undefined) out.push(argv[++i]);
    else if (argv[i].startsWith(`${flag}=`)) out.push(argv[i].slice(flag.length + 1));
  }
  return out;
}

/** A numeric flag: a finite number (an integer with `int`) >= `min` (> with `exclusive`); undefined stays undefined. */
export const num = (flag: string, v: string | undefined, { min = -Infinity, int = false, exclusive = false } = {}): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || (int && !Number.isInteger(x)) || (exclusive ? x <= min : x < min))
    throw new UsageError(`${flag} must be ${int ? 'an integer' : 'a number'} ${exclusive ? '>' : '>='} ${min}, got ${JSON.stringify(v)}`);
  return x;
};

/** A required integer flag >= `min` (default 1). */
export const intFlag = (flag: string, v: string, min = 1): number => num(flag, v, { min, int: true }) as number;
