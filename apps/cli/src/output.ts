import * as asciichart from 'asciichart';

/** A line series for charts (terminal and HTML report). */
export interface Series {
  label: string;
  x: readonly number[];
  y: readonly number[];
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logY?: boolean;
}

export interface Table {
  title?: string;
  columns: string[];
  rows: (string | number)[][];
}

/** Format a number for tables: up to 4 significant decimals, no exponent noise for ordinary values. */
export function fmt(x: number | string): string {
  if (typeof x === 'string') return x;
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(3) : x.toFixed(4);
}

/** A plain-text table with aligned columns. */
export function renderTable(t: Table): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map(fmt))];
  const widths = t.columns.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const out = [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  return (t.title ? `${t.title}\n` : '') + out.join('\n');
}

/**
 * Sample a series on a common x grid: the last point at or before each grid x. The result stops at
 * the series' last x (asciichart draws shorter series as shorter lines; it cannot draw gaps).
 */
function onGrid(x: readonly number[], y: readonly number[], grid: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const g of grid) {
    if (g > x[x.length - 1] + 1e-9) break;
    while (j + 1 < x.length && x[j + 1] <= g) j++;
    if (Number.isFinite(y[j])) out.push(y[j]);
    else break;
  }
  return out;
}

const COLORS = [asciichart.blue, asciichart.green, asciichart.red, asciichart.magenta, asciichart.cyan, asciichart.yellow];

/** A line chart drawn with text characters (asciichart), with a legend. */
export function renderChart(c: Chart, { width = 70, height = 12, color = false } = {}): string {
  const series = c.series.filter((s) => s.y.length > 0);
  if (series.length === 0) return `${c.title}: (no data)`;
  const tf = (v: number) => (c.logY ? Math.log10(Math.max(v, 1e-12)) : v);
  const lo = Math.min(...series.map((s) => s.x[0]));
  const hi = Math.max(...series.map((s) => s.x[s.x.length - 1]));
  const n = Math.max(2, Math.min(width, Math.max(...series.map((s) => s.x.length))));
  const grid = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const ys = series.map((s) => onGrid(s.x, s.y.map(tf), grid));
  if (ys.every((y) => y.length === 0)) return `${c.title}: (no finite values)`;
  const plot = asciichart.plot(ys.filter((y) => y.length > 0), {
    height,
    colors: color ? COLORS.slice(0, ys.length) : undefined,
    format: (v: number) => fmt(c.logY ? 10 ** v : v).padStart(10),
  });
  const legend = series.map((s, i) => `${color ? COLORS[i % COLORS.length] : ''}── ${s.label}${color ? asciichart.reset : ''}`).join('   ');
  return `${c.title}  (${c.yLabel}${c.logY ? ', log scale' : ''} vs ${c.xLabel}: ${fmt(lo)} … ${fmt(hi)})\n${plot}\n${legend}`;
}

/** Machine-readable output: JSON with non-finite numbers as strings and typed arrays as arrays. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v),
    2,
  );
}
