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

/** Resample a series to n points (by position), for terminal charts. */
function resample(y: readonly number[], n: number): number[] {
  if (y.length <= n) return y.slice();
  return Array.from({ length: n }, (_, i) => y[Math.round((i * (y.length - 1)) / (n - 1))]);
}

const COLORS = [asciichart.blue, asciichart.green, asciichart.red, asciichart.magenta, asciichart.cyan, asciichart.yellow];

/** A line chart drawn with text characters (asciichart), with a legend. */
export function renderChart(c: Chart, { width = 70, height = 12, color = false } = {}): string {
  const series = c.series.filter((s) => s.y.length > 0);
  if (series.length === 0) return `${c.title}: (no data)`;
  const tf = (v: number) => (c.logY ? Math.log10(Math.max(v, 1e-12)) : v);
  const ys = series.map((s) => resample(s.y.map(tf), width));
  const plot = asciichart.plot(ys, {
    height,
    colors: color ? COLORS.slice(0, ys.length) : undefined,
    format: (v: number) => (c.logY ? `1e${v.toFixed(1)}` : fmt(v)).padStart(10),
  });
  const xs = series[0].x;
  const legend = series.map((s, i) => `${color ? COLORS[i % COLORS.length] : ''}── ${s.label}${color ? asciichart.reset : ''}`).join('   ');
  return `${c.title}  (${c.yLabel} vs ${c.xLabel}: ${fmt(xs[0])} … ${fmt(xs[xs.length - 1])})\n${plot}\n${legend}`;
}

/** Machine-readable output: JSON with non-finite numbers as strings and typed arrays as arrays. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v),
    2,
  );
}
