import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { readEntriesBySource } from './helpers/entries.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const site = inject('fixtureSite');
const SCREENSHOTS = join(import.meta.dirname, '../test-results/screenshots');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serveStatic(site.dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on any script error or dialog a document could cause. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(new URL(path, server.url).href);
  return { page, problems };
}

describe('search in Chromium', () => {
  test('typing into the search box finds the seed article, and its result opens it', async () => {
    const { page, problems } = await openPage('');
    await page.getByRole('button', { name: 'Search' }).click();
    const input = page.locator('.pagefind-ui__search-input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.pressSequentially('Kunshan');
    const first = page.locator('.pagefind-ui__result-link').first();
    await expect.poll(() => first.textContent()).toBe(
      'S. Korean companies express hope to explore new business opportunities through in-depth cooperation with China',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'search-results.png') });
    await first.click();
    await page.waitForURL(/\/articles\/s-korean-companies/);
    expect(await page.locator('h1').textContent()).toContain('S. Korean companies express hope');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a hostile document runs no script of its own', async () => {
    const entries = await readEntriesBySource(site.entries);
    for (const source of ['news/hostile.txt', 'archive (old) & more/notes.md']) {
      const { page, problems } = await openPage(`articles/${entries.get(source)!.slug}/`);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
      expect(await page.locator('.prose script, .prose img, .prose a[href^="javascript"]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `hostile-${source.replace(/\W+/g, '-')}.png`), fullPage: true });
      await page.close();
    }
  });
});
