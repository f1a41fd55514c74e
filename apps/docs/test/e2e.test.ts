/**
 * The browser test of the docs site: the built site (docs/.vitepress/dist), served on 127.0.0.1 and
 * driven in Debian's chromium through playwright-core.
 *
 * - every page (discovered from the built files) loads with no console error, no page error, no
 *   failed request and no request off the machine, and fits a 390-pixel-wide phone screen;
 * - each demo reacts to its controls (see demos.ts);
 * - screenshots of every page go to apps/docs/test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChecks } from './demos';
import { NOT_BUILT, PHONE, discoverPages, horizontalOverflow, openPage, openSite, overflowingElements, screenshotName, siteBuilt, type Site } from './harness';

const pages = discoverPages();
let site: Site | undefined;

beforeAll(async () => {
  if (siteBuilt()) site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

it('the site is built (docs/.vitepress/dist)', () => {
  expect(siteBuilt(), NOT_BUILT).toBe(true);
  expect(pages.length, 'no HTML pages found in the built site').toBeGreaterThan(10);
});

// Pages are independent (one browser context each), so they load a few at a time.
describe.concurrent('every page loads cleanly and fits a phone', () => {
  it.each(pages)('%s', async (path) => {
    const { page, problems, close } = await openPage(site!, path, PHONE);
    try {
      // give client-only demos time to mount and run their first frame
      await page.waitForLoadState('networkidle');
      const title = await page.title();
      expect(title, `${path} has no title`).not.toBe('');
      const overflow = await horizontalOverflow(page);
      expect(overflow, `${path} is ${overflow}px wider than a ${PHONE.width}px phone: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotName(path), fullPage: true });
      expect(problems, `${path}:\n${problems.join('\n')}`).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('each demo reacts to its controls', () => {
  for (const check of demoChecks) {
    it(check.name, async () => {
      expect(pages, `${check.path} is not in the built site`).toContain(check.path);
      const opened = await openPage(site!, check.path, check.viewport ?? PHONE);
      try {
        await check.run(opened.page);
        await opened.page.screenshot({ path: screenshotName(check.path, `--${check.slug}`), fullPage: false });
        expect(opened.problems, `${check.path}:\n${opened.problems.join('\n')}`).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});
