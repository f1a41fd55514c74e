import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isLabError } from '@lab/core';
import { short } from './compare';
import type { CaseResult, FixtureCase, FixtureFile, Handlers } from './types';

/** Load every `*.json` fixture file of a folder, keyed by family (the file name). */
export function loadFixtures(dir: string, families?: readonly string[]): Map<string, FixtureFile> {
  const out = new Map<string, FixtureFile>();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) {
    const family = basename(f, '.json');
    if (families && families.length && !families.includes(family)) continue;
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as FixtureFile;
    if (!Array.isArray(data.cases)) throw new Error(`${f}: no "cases" array`);
    out.set(family, data);
  }
  for (const fam of families ?? []) if (!out.has(fam)) throw new Error(`no fixture file ${fam}.json in ${dir}`);
  return out;
}

export function callName(c: FixtureCase): string {
  return c.call?.torch ?? c.call?.sklearn ?? '(no call)';
}

/**
 * Run one case. A case whose call has no handler fails ("not implemented"), never skips.
 * An error case (`expected.error`) passes only when the implementation throws a lab error.
 */
export function runCase(family: string, c: FixtureCase, handlers: Handlers): CaseResult {
  const name = callName(c);
  const handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
  if (!handler) return { id: c.id, family, pass: false, detail: `expected: ${name} implemented, got: not implemented` };
  const wantsError = c.expected && typeof c.expected === 'object' && 'error' in c.expected;
  try {
    const mismatches = handler(c);
    if (wantsError) return { id: c.id, family, pass: false, detail: `expected: error (${String(c.expected.error)}), got: no error` };
    if (mismatches.length === 0) return { id: c.id, family, pass: true };
    const m = mismatches[0];
    const more = mismatches.length > 1 ? ` (+${mismatches.length - 1} more)` : '';
    return { id: c.id, family, pass: false, detail: `${m.field}: expected ${short(m.expected)}, got ${short(m.got)}${more}` };
  } catch (e) {
    if (wantsError && isLabError(e)) return { id: c.id, family, pass: true };
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      id: c.id,
      family,
      pass: false,
      detail: wantsError ? `expected: a lab error (${String(c.expected.error)}), got: ${msg}` : `expected: a result, got: ${msg}`,
    };
  }
}

export function runFixtures(fixtures: Map<string, FixtureFile>, handlersByFamily: Record<string, Handlers>): CaseResult[] {
  const results: CaseResult[] = [];
  for (const [family, file] of fixtures) {
    const handlers = handlersByFamily[family] ?? {};
    for (const c of file.cases) results.push(runCase(family, c, handlers));
  }
  return results;
}

/** The report the CLI prints: one line per failing case, then `N passed, N failed`. */
export function formatReport(results: readonly CaseResult[]): string {
  const lines = results.filter((r) => !r.pass).map((r) => `FAIL ${r.id}: ${r.detail}`);
  const passed = results.filter((r) => r.pass).length;
  lines.push(`${passed} passed, ${results.length - passed} failed`);
  return lines.join('\n');
}
