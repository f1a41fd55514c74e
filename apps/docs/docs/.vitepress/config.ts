import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';

/**
 * The lab docs site.
 *
 * Workspace packages are resolved to their TypeScript SOURCE (`@lab/x` -> packages/x/src/index.ts,
 * `@lab/x/sub` -> packages/x/src/sub.ts, `lab-plugin-lion` -> examples/optimizer-plugin/src/index.ts),
 * the same way the unit tests resolve them (vitest.shared.ts). So the site always shows the code
 * beside it and `vitepress build` does not depend on the packages' dist/ having been built first.
 * The demos still import the packages by their public names, exactly as a user would.
 */
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const apiDir = fileURLToPath(new URL('../api/', import.meta.url));

const sourceAliases = [
  { find: /^@lab\/([a-z0-9-]+)$/, replacement: `${repo}packages/$1/src/index.ts` },
  { find: /^@lab\/([a-z0-9-]+)\/([a-z0-9-]+)$/, replacement: `${repo}packages/$1/src/$2.ts` },
  { find: /^lab-plugin-lion$/, replacement: `${repo}examples/optimizer-plugin/src/index.ts` },
];

/**
 * The API reference sidebar, from what scripts/api.mjs generated: one folder per package, its
 * index.md for the package's main entry point and one <subpath>.md per further entry point
 * (`@lab/metrics/scores` -> api/metrics/scores.md), listed under the package in the order of the
 * package page's "Entry points" line (the order of its package.json "exports").
 */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const items: DefaultTheme.SidebarItem[] = [{ text: 'Overview', link: '/api/' }];
  if (!existsSync(apiDir)) return items;
  const titleOf = (file: string, fallback: string): string => (/^#\s+(.+)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? fallback).replace(/`/g, '');
  for (const entry of readdirSync(apiDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = `${apiDir}${entry.name}/`;
    const index = `${dir}index.md`;
    if (!existsSync(index)) continue;
    const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'index.md');
    const listed = [...readFileSync(index, 'utf8').matchAll(/\]\(\.\/([a-z0-9-]+)\.md\)/g)].map((m) => `${m[1]}.md`);
    const ordered = [...new Set([...listed.filter((f) => pages.includes(f)), ...pages.sort()])];
    const item: DefaultTheme.SidebarItem = { text: titleOf(index, entry.name), link: `/api/${entry.name}/` };
    if (ordered.length > 0) {
      item.collapsed = false;
      item.items = ordered.map((f) => ({ text: titleOf(`${dir}${f}`, f), link: `/api/${entry.name}/${f.replace(/\.md$/, '')}` }));
    }
    items.push(item);
  }
  return items;
}

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Guide',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Plugins and the registry', link: '/guide/plugins' },
      { text: 'Write your own optimizer', link: '/guide/write-an-optimizer' },
      { text: 'Optimizer maths', link: '/guide/optimizers' },
      { text: 'Learning-rate schedules', link: '/guide/schedules' },
      { text: 'Metric conventions', link: '/guide/metrics' },
      { text: 'Data splits and batches', link: '/guide/data-splits' },
      { text: 'Architecture', link: '/guide/architecture' },
      { text: 'Toolchain', link: '/guide/toolchain' },
      { text: 'Benchmarks', link: '/guide/benchmarks' },
      { text: 'Benchmark results', link: '/benchmarks' },
    ],
  },
];

const demos: DefaultTheme.SidebarItem[] = [
  {
    text: 'Interactive demos',
    items: [
      { text: 'Overview', link: '/demos/' },
      { text: 'Models and risk', link: '/demos/models-and-risk' },
      { text: 'Bias and variance', link: '/demos/bias-variance' },
      { text: 'Evaluation', link: '/demos/evaluation' },
      { text: 'Optimisation', link: '/demos/optimisation' },
      { text: 'Training on digits', link: '/demos/training' },
    ],
  },
];

export default defineConfig({
  title: 'lab',
  description: 'A TypeScript toolkit for the deep-learning optimisation lecture: optimizers, schedules, metrics, splits — with demos that run the real code in your browser.',
  lang: 'en',
  lastUpdated: false,
  cleanUrls: false,
  head: [['meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }]],
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started', activeMatch: '/guide/' },
      { text: 'Demos', link: '/demos/', activeMatch: '/demos/' },
      { text: 'API', link: '/api/', activeMatch: '/api/' },
    ],
    sidebar: {
      '/guide/': guide,
      '/demos/': demos,
      '/api/': [{ text: 'API reference', items: apiSidebar() }],
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
  vite: {
    resolve: { alias: sourceAliases },
    // The demos run only in the browser (<ClientOnly>); nothing needs the network.
    build: { chunkSizeWarningLimit: 2000 },
  },
});
