/**
 * Pack workspace packages the way they are published (`pnpm pack` rewrites `workspace:` ranges)
 * and install the tarballs into a fresh, plain npm project in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface WorkspacePackage {
  name: string;
  dir: string;
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The publishable (non-private) packages under packages/, apps/ and examples/. */
export function publishablePackages(): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const group of ['packages', 'apps', 'examples']) {
    const base = join(repoRoot, group);
    if (!existsSync(base)) continue;
    for (const d of readdirSync(base).sort()) {
      const file = join(base, d, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (!json.private) out.push({ name: json.name, dir: join(base, d), json });
    }
  }
  return out;
}

/** The package and every workspace package it depends on (dependencies and peerDependencies), transitively. */
export function workspaceClosure(name: string, all = publishablePackages()): string[] {
  const byName = new Map(all.map((p) => [p.name, p]));
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    const p = byName.get(n);
    if (!p) return;
    seen.add(n);
    for (const dep of Object.keys({ ...p.json.dependencies, ...p.json.peerDependencies })) visit(dep);
  };
  visit(name);
  return [...seen];
}

const packed = new Map<string, string>();
let packDir: string | undefined;

/** Pack a workspace package once per process; returns the tarball path. */
export function pack(name: string, all = publishablePackages()): string {
  const hit = packed.get(name);
  if (hit) return hit;
  const p = all.find((q) => q.name === name);
  if (!p) throw new Error(`no publishable workspace package ${name}`);
  if (!existsSync(join(p.dir, 'dist'))) throw new Error(`${name} has no dist/: run \`pnpm build\` first`);
  packDir ??= mkdtempSync(join(tmpdir(), 'lab-pack-'));
  const before = new Set(readdirSync(packDir));
  execFileSync('pnpm', ['pack', '--pack-destination', packDir], { cwd: p.dir, stdio: 'pipe' });
  const file = readdirSync(packDir).find((f) => !before.has(f) && f.endsWith('.tgz'));
  if (!file) throw new Error(`pnpm pack produced no tarball for ${name}`);
  const path = join(packDir, file);
  packed.set(name, path);
  return path;
}

/** A fresh npm project in a temp folder with the given tarballs installed. Returns its folder. */
export function installTarballs(tarballs: readonly string[], extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lab-install-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'lab-install-check', version: '1.0.0', private: true, ...extra }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: dir, stdio: 'pipe' });
  return dir;
}

/** Run a command, returning stdout; on failure the error message carries stdout and stderr. */
export function run(cmd: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  }
}

export const tscBin = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
