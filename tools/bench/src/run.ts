/**
 * `pnpm bench`: run every workload for lab and its peers in one process, print a table per
 * workload, rewrite apps/docs/docs/benchmarks.md, and with `--json FILE` write the ratios.
 *
 * Options: --json FILE; --page FILE (default apps/docs/docs/benchmarks.md); --no-page;
 * --quick (small sizes, few runs: a smoke test; never writes the page unless --page is given);
 * --only id,id (workloads: size, tiny, matmul, adam, mlp, metrics; implies no page unless --page).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Scratch } from './data';
import { labBackends } from './lab-backends';
import { machine } from './machine';
import { consoleWorkload, renderPage, type RunResult } from './page';
import { pythonStatus } from './python';
import { rows, type WorkloadResult } from './report';
import { tfPeers } from './tfjs';
import { adamWorkload } from './workloads/adam';
import type { Workload } from './workloads/context';
import { matmulWorkload } from './workloads/matmul';
import { metricsWorkload } from './workloads/metrics';
import { mlpWorkload } from './workloads/mlp';
import { sizeWorkload } from './workloads/size';
import { tinyWorkload } from './workloads/tiny';

const here = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_PAGE = join(here, '..', '..', '..', 'apps', 'docs', 'docs', 'benchmarks.md');
export const WORKLOADS: readonly Workload[] = [sizeWorkload, tinyWorkload, matmulWorkload, adamWorkload, mlpWorkload, metricsWorkload];

export interface Args {
  json: string | null;
  page: string | null;
  quick: boolean;
  only: string[] | null;
}

export function parseArgs(argv: readonly string[]): Args {
  let json: string | null = null;
  let page: string | null | undefined;
  let quick = false;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') json = value();
    else if (a === '--page') page = value();
    else if (a === '--no-page') page = null;
    else if (a === '--quick') quick = true;
    else if (a === '--only') only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--') continue;
    else throw new Error(`unknown option ${a} (options: --json FILE, --page FILE, --no-page, --quick, --only ids)`);
  }
  const known = WORKLOADS.map((w) => w.id);
  for (const id of only ?? []) if (!known.includes(id)) throw new Error(`unknown workload ${id} (known: ${known.join(', ')})`);
  if (page === undefined) page = quick || only ? null : DEFAULT_PAGE;
  return { json, page, quick, only };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (s: string) => console.log(s);
  const python = await pythonStatus();
  const m = machine(python);
  log(`lab bench — ${m.cpu}, ${m.cores} cores, Node ${m.node}${args.quick ? ' — QUICK smoke run (small sizes)' : ''}`);
  log(python.available ? `Python peers: PyTorch ${python.torch}, scikit-learn ${python.sklearn}` : `Python peers skipped: ${python.reason}`);
  log(`load average (1 min): ${m.loadAtStart.toFixed(2)}`);
  log(`thread/BLAS environment (left as is): ${Object.entries(m.env).map(([k, v]) => `${k}=${v}`).join(' ') || 'none set'}`);
  const labs = await labBackends();
  for (const l of labs) log(`${l.name}: ${l.backend ? `available (${l.backend.name})` : `not available — ${l.reason}`}`);
  const tf = await tfPeers();
  for (const t of tf) log(`${t.name}: ${t.available ? 'available' : `not available — ${t.reason}`}`);
  const scratch = new Scratch();
  const results: WorkloadResult[] = [];
  try {
    for (const w of WORKLOADS) {
      if (args.only && !args.only.includes(w.id)) continue;
      const t0 = performance.now();
      log(`\n▶ ${w.title}`);
      const rs = await w.run({ labs, tf, python, scratch, quick: args.quick, log });
      for (const r of rs) {
        results.push(r);
        log(consoleWorkload(r));
      }
      log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    scratch.dispose();
  }
  const durationS = (performance.now() - started) / 1000;
  const run: RunResult = { date: new Date().toISOString().slice(0, 10), durationS, loadAtEnd: os.loadavg()[0], machine: m, results };
  if (args.json) {
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), args.json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(results.flatMap(rows), null, 2)}\n`);
    log(`\nwrote ${file}`);
  }
  if (args.page) {
    writeFileSync(args.page, renderPage(run));
    log(`wrote ${args.page}`);
  }
  const failed = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.id}: ${c.name}`));
  log(`\ndone in ${durationS.toFixed(0)} s${failed.length ? `; agreement checks FAILED: ${failed.join('; ')}` : '; all agreement checks ok'}`);
  if (failed.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
