/**
 * Serving the built site and driving Debian's chromium for the browser tests.
 *
 * The site is served from docs/.vitepress/dist with vite's `preview()` on 127.0.0.1, on a random
 * free port (`vitepress preview` cannot bind to one interface). Every request the pages make that
 * is not to that server is recorded and aborted: the demos must work offline (no CDN).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(appDir, 'docs', '.vitepress', 'dist');
export const artifactsDir = join(appDir, 'test-artifacts');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export const siteBuilt = (): boolean => existsSync(join(distDir, 'index.html'));
export const NOT_BUILT = `The docs site is not built: ${join(distDir, 'index.html')} is missing. Run pnpm build first (or \`pnpm --filter @lab/docs build\`).`;

/** Every HTML page of the built site as a URL path ('/', '/guide/plugins.html', ...), 404 excluded. */
export function discoverPages(): string[] {
  if (!siteBuilt()) return [];
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        if (name !== 'assets') walk(file);
      } else if (name.endsWith('.html') && name !== '404.html') {
        const rel = relative(distDir, file).split(sep).join('/');
        pages.push(rel === 'index.html' ? '/' : `/${rel.replace(/(^|\/)index\.html$/, '$1')}`);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

export interface Site {
  readonly origin: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  if (!siteBuilt()) throw new Error(NOT_BUILT);
  if (!existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const server: PreviewServer = await preview({
    root: distDir,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(artifactsDir, { recursive: true });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** What went wrong on a page: console errors, uncaught exceptions, failed or off-site requests. */
export interface PageProblems {
  readonly errors: string[];
}

export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openPage(site: Site, path: string, viewport: { width: number; height: number } = PHONE): Promise<OpenedPage> {
  const context = await site.browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site.origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request to the network (must work offline): ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(site.origin)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? ''})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(site.origin + path, { waitUntil: 'load' });
  // hydrated: VitePress mounts the app into #app and the client router marks the page as ready
  await page.waitForFunction(() => Boolean((document.querySelector('#app') as (Element & { __vue_app__?: unknown }) | null)?.__vue_app__), undefined, { timeout: 15_000 });
  return { page, context, problems, close: () => context.close() };
}

/** How far the page is wider than its viewport (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

/** The elements wider than the viewport that are not inside a scrollable box (for the failure message). */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0) {
        let p = el.parentElement;
        let clipped = false;
        while (p) {
          const s = getComputedStyle(p);
          if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') clipped = true;
          p = p.parentElement;
        }
        if (!clipped) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).split(' ').join('.')} right=${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 10);
  });
}

export function screenshotName(path: string, suffix = ''): string {
  const base = path === '/' ? 'index' : path.replace(/^\//, '').replace(/\.html$/, '').replace(/\/$/, '/index').replace(/\//g, '__');
  return join(artifactsDir, `${base}${suffix}.png`);
}
