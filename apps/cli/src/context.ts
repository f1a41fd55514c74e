import type { Registry } from '@lab/core';
import type { Chart, Table } from './output';
import { renderChart, renderTable, toJson } from './output';
import { asFlagError } from './errors';
import { writeReport } from './report';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress bars, colours). */
  isTTY: boolean;
}

export interface Context {
  registry: Registry;
  io: Io;
  /** File URLs of the plugin modules given on the command line / config (worker threads import them again). */
  pluginUrls: readonly string[];
  signal: AbortSignal;
}

export interface GlobalOptions {
  json?: boolean;
  report?: string;
}

/**
 * Print a command's result: the JSON value with --json (nothing else on stdout), otherwise the
 * tables and charts; with --report also write the HTML page.
 */
export async function emit(
  ctx: Context,
  opts: GlobalOptions,
  result: { title: string; json: unknown; tables?: Table[]; charts?: Chart[]; text?: string[]; summary?: Record<string, unknown> },
): Promise<void> {
  if (opts.report) await writeReport(opts.report, result.title, result.charts ?? [], result.tables ?? [], result.summary ?? {}).catch((e) => Promise.reject(asFlagError('--report', e)));
  if (opts.json) {
    ctx.io.stdout(toJson(result.json));
    return;
  }
  const parts: string[] = [];
  for (const t of result.text ?? []) parts.push(t);
  for (const t of result.tables ?? []) parts.push(renderTable(t));
  for (const c of result.charts ?? []) parts.push(renderChart(c, { color: ctx.io.isTTY }));
  if (opts.report) parts.push(`report written to ${opts.report}`);
  ctx.io.stdout(parts.join('\n\n'));
}
