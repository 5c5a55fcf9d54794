import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../scripts/support/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';
import { chooseFilter, filterOptions, openPage, POLL, resultTitles, search, summary } from './helpers/search-dialog.ts';

// Search on the folders site (test/fixtures/folders): the sections its
// folders make and the tags its frontmatter gives are filters in the real
// Pagefind UI.
const site = inject('foldersSite');
const SCREENSHOTS = join(import.meta.dirname, '../test-results/screenshots');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  [server, browser] = await Promise.all([serveStatic(site.dist), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search on a site of real folder conventions', () => {
  test('the Tag filter lists the frontmatter tags and narrows the results', async () => {
    const { page, problems } = await openPage(browser, server, 'tags/');
    await search(page, 'the');
    const total = Number(/^(\d+)/.exec((await summary(page).textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(5);
    const options = await filterOptions(page, 'tag');
    expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/^linux ?\d+$/), expect.stringMatching(/^transport ?\d+$/)]));
    await chooseFilter(page, 'tag', /^linux/);
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('1 result for the');
    expect(await resultTitles(page)).toEqual(['Installing on Linux']);
    await page.screenshot({ path: join(SCREENSHOTS, 'folders-search-tag.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the Section filter names the sections the folders make, at any depth', async () => {
    const { page, problems } = await openPage(browser, server);
    await search(page, 'the');
    const options = await filterOptions(page, 'section');
    expect(options).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Docusaurus docs \/ Tutorial - Basics ?\d+$/),
        expect.stringMatching(/^Hugo tree \/ Getting started ?\d+$/),
      ]),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
