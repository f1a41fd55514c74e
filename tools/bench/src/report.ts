/**
 * Results, ratios, goals and their formatting. Everything here is pure (tested in report.test.ts).
 *
 * `ratio` is always ours / peer in the workload's unit (as the JSON output promises); `speedup`
 * is how many times better ours is whatever the direction (ours / peer when higher is better,
 * peer / ours when lower is better), which is what the goals are written in.
 */

export type Better = 'higher' | 'lower';

/** One implementation measured in a workload (a lab variant or a peer). */
export interface Impl {
  readonly id: string;
  readonly name: string;
  readonly lab: boolean;
  /** The measured value in the workload's unit, or null when not measured (`reason` says why). */
  readonly value: number | null;
  readonly reason?: string;
}

export type GoalSpec =
  | { readonly kind: 'absolute'; readonly text: string; readonly target: number }
  | { readonly kind: 'vs'; readonly text: string; readonly peers: readonly string[]; readonly factor: number };

/** An agreement check between implementations (same inputs must give the same answer). */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly better: Better;
  readonly impls: readonly Impl[];
  readonly goals: readonly GoalSpec[];
  /** What limits lab here, written from what this run measured. */
  readonly limits: readonly string[];
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
}

/** One line of the JSON output. */
export interface Row {
  readonly workload: string;
  readonly unit: string;
  readonly ours: number | null;
  readonly oursName: string;
  readonly peer: number | null;
  readonly peerName: string;
  readonly ratio: number | null;
  readonly speedup: number | null;
}

export interface GoalResult {
  readonly text: string;
  /** null when it could not be evaluated (a value it needs was not measured). */
  readonly met: boolean | null;
  readonly detail: string;
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** How many times better `ours` is than `peer` (>1 means ours is better). */
export function speedup(ours: number, peer: number, better: Better): number {
  return better === 'higher' ? ours / peer : peer / ours;
}

/** The best of the measured implementations (highest or lowest value), or null. */
export function best(impls: readonly Impl[], better: Better): Impl | null {
  let out: Impl | null = null;
  for (const i of impls) {
    if (!isNum(i.value)) continue;
    if (out === null || (better === 'higher' ? i.value > out.value! : i.value < out.value!)) out = i;
  }
  return out;
}

/** Every lab variant against every peer; a side that was not measured gives null values. */
export function rows(w: WorkloadResult): Row[] {
  const labs = w.impls.filter((i) => i.lab);
  const peers = w.impls.filter((i) => !i.lab);
  const out: Row[] = [];
  for (const o of labs)
    for (const p of peers) {
      const both = isNum(o.value) && isNum(p.value);
      out.push({
        workload: w.id,
        unit: w.unit,
        ours: isNum(o.value) ? o.value : null,
        oursName: o.name,
        peer: isNum(p.value) ? p.value : null,
        peerName: p.name,
        ratio: both ? o.value! / p.value! : null,
        speedup: both ? speedup(o.value!, p.value!, w.better) : null,
      });
    }
  return out;
}

/** Evaluate one goal on the best lab variant. */
export function evaluateGoal(w: WorkloadResult, g: GoalSpec): GoalResult {
  const ours = best(w.impls.filter((i) => i.lab), w.better);
  if (!ours) return { text: g.text, met: null, detail: 'not evaluated: no lab value was measured' };
  const v = ours.value!;
  if (g.kind === 'absolute') {
    const s = speedup(v, g.target, w.better);
    const rel = w.better === 'higher' ? '≥' : '≤';
    if (s >= 1) return { text: g.text, met: true, detail: `met: ${fmt(v)} ${w.unit} ${rel} ${fmt(g.target)} ${w.unit} (${ours.name})` };
    const how = w.better === 'higher' ? `${fmtRatio(1 / s)} short: ${fmtPercent(s)} of the goal` : `${fmtRatio(1 / s)} over the goal`;
    return { text: g.text, met: false, detail: `missed: ${fmt(v)} ${w.unit} vs ${rel} ${fmt(g.target)} ${w.unit}, ${how} (${ours.name})` };
  }
  const candidates = w.impls.filter((i) => !i.lab && g.peers.includes(i.id));
  const peer = best(candidates, w.better);
  if (!peer) {
    const why = candidates.map((c) => c.reason).filter(Boolean).join('; ');
    return { text: g.text, met: null, detail: `not evaluated: ${g.peers.join(' / ')} not measured${why ? ` (${why})` : ''}` };
  }
  const s = speedup(v, peer.value!, w.better);
  if (s >= g.factor) return { text: g.text, met: true, detail: `met: ${fmtRatio(s)} ${peer.name} (goal ≥ ${fmtRatio(g.factor)})` };
  return { text: g.text, met: false, detail: `missed: ${fmtRatio(s)} ${peer.name} vs goal ≥ ${fmtRatio(g.factor)}, ${fmtRatio(g.factor / s)} short (${ours.name})` };
}

/** A number with about three significant digits, thousands separated, never in exponent form. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  const digits = Math.min(10, 2 - Math.floor(Math.log10(a)));
  return x.toFixed(digits);
}

/** A ratio as `12.3×`, `1.24×`, `0.031×`. */
export function fmtRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '–';
  return `${fmt(r)}×`;
}

export function fmtPercent(f: number): string {
  const p = f * 100;
  return `${p >= 10 ? p.toFixed(0) : p.toPrecision(2)} %`;
}

/** Bytes as `12.3 kB` (1 kB = 1000 B). */
export function fmtBytes(b: number): string {
  return b >= 1000 ? `${fmt(b / 1000)} kB` : `${b} B`;
}

/** A plain-text table with aligned columns (first column left-aligned, others right-aligned). */
export function textTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
