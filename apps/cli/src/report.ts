/**
 * `--report file.html`: one self-contained page with the run's charts (uPlot, inlined — the same
 * charting library the docs site uses) and tables. Written atomically.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Chart, Table } from './output';
import { writeFileAtomic } from '@lab/train/node';

const require = createRequire(import.meta.url);

function asset(path: string): string {
  return readFileSync(require.resolve(`uplot/dist/${path}`), 'utf8');
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function tableHtml(t: Table): string {
  const head = t.columns.map((c) => `<th>${esc(c)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toPrecision(5)) : c)}</td>`).join('')}</tr>`).join('');
  return `${t.title ? `<h3>${esc(t.title)}</h3>` : ''}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Render the report page. */
export function renderReport(title: string, charts: readonly Chart[], tables: readonly Table[] = [], summary: Record<string, unknown> = {}): string {
  const data = JSON.stringify(charts).replace(/</g, '\\u003c');
  const facts = Object.entries(summary)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${asset('uPlot.min.css')}
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:960px}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}th{background:#f4f4f4}.chart{margin:1rem 0 2rem}</style>
</head><body>
<h1>${esc(title)}</h1>
${facts ? `<table class="summary">${facts}</table>` : ''}
<div id="charts"></div>
${tables.map(tableHtml).join('\n')}
<script>${asset('uPlot.iife.min.js')}</script>
<script>
const charts = ${data};
const palette = ['#1f77b4','#ff7f0e','#2ca02c','#d62728','#9467bd','#8c564b','#e377c2','#7f7f7f'];
for (const c of charts) {
  const el = document.createElement('div'); el.className = 'chart'; document.getElementById('charts').appendChild(el);
  const xs = [...new Set(c.series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const cols = c.series.map((s) => { const m = new Map(s.x.map((x, i) => [x, s.y[i]])); return xs.map((x) => m.has(x) ? m.get(x) : null); });
  new uPlot({ title: c.title, width: Math.min(900, window.innerWidth - 40), height: 300,
    scales: { x: { time: false }, y: c.logY ? { distr: 3 } : {} },
    axes: [{ label: c.xLabel }, { label: c.yLabel }],
    series: [{ label: c.xLabel }, ...c.series.map((s, i) => ({ label: s.label, stroke: palette[i % palette.length], spanGaps: true }))] },
    [xs, ...cols], el);
}
</script>
</body></html>
`;
}

export async function writeReport(file: string, title: string, charts: readonly Chart[], tables: readonly Table[] = [], summary: Record<string, unknown> = {}): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(renderReport(title, charts, tables, summary)));
}
