import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../scripts/support/browser.ts';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';
import { readEntriesBySource } from './helpers/entries.ts';
import {
  chooseFilter,
  isFocused,
  openPage as openSearchPage,
  POLL,
  resultTitles,
  search,
  searchInput,
  summary,
  LIGHTHOUSE_NEWEST_FIRST,
} from './helpers/search-dialog.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';

/**
 * Search in Chromium, on two builds: the shared fixture site at the root of
 * its host, and test/fixtures/search-site (sections, years, English, Korean
 * and Chinese documents, headings) under the base path `/docs/`.
 */

const fixtureSite = inject('fixtureSite');
const SCREENSHOTS = join(import.meta.dirname, '../test-results/screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BASE = '/docs/';

let searchSite: BuiltSite;
let root: StaticServer;
let based: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  [searchSite, browser] = await Promise.all([
    buildSite(join(import.meta.dirname, 'fixtures/search-site'), 'search-site', { basePath: BASE }),
    launchChromium(),
  ]);
  [root, based] = await Promise.all([serveStatic(fixtureSite.dist), serveStatic(searchSite.dist, BASE)]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.close(), based?.close()]);
  if (searchSite) await rm(searchSite.out, { recursive: true, force: true });
});

const openPage = (server: StaticServer, path = '', options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) =>
  openSearchPage(browser, server, path, options);

describe('search at the root of the host', () => {
  test('the header button opens it, and a result opens the document', async () => {
    const { page, problems } = await openPage(root);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => isFocused(page, 'pagefind-input input'), { timeout: POLL }).toBe(true);
    await searchInput(page).fill('Kunshan');
    const first = page.locator('.search-result-link').first();
    await expect
      .poll(() => first.textContent(), { timeout: POLL })
      .toBe('S. Korean companies express hope to explore new business opportunities through in-depth cooperation with China');
    expect(await first.getAttribute('href')).toMatch(/^\/articles\/s-korean-companies-[^?]*\/\?highlight=kunshan$/);
    await first.click();
    await page.waitForURL(/\/articles\/s-korean-companies/);
    expect(await page.locator('h1').textContent()).toContain('S. Korean companies express hope');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a hostile document runs no script of its own', async () => {
    const entries = await readEntriesBySource(fixtureSite.entries);
    for (const source of ['news/hostile.txt', 'archive (old) & more/notes.md']) {
      const { page, problems } = await openPage(root, `articles/${entries.get(source)!.slug}/`);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
      expect(await page.locator('.prose script, .prose img, .prose a[href^="javascript"]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `hostile-${source.replace(/\W+/g, '-')}.png`), fullPage: true });
      await page.close();
    }
  });
});

describe(`search under the base path ${BASE}`, () => {
  test('before search is used, a page loads only the small search element: no Pagefind file at all', async () => {
    const { page, requests } = await openPage(based);
    await page.waitForLoadState('load');
    const scripts = requests.filter((url) => url.endsWith('.js'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\/docs\/_astro\/Search\.[^/]+\.js$/);
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    const file = scripts[0]!.slice(based.url.length);
    const bytes = (await readFile(join(searchSite.dist, file))).length;
    // The element (open, close, shortcuts) and Vite's loader for the rest: under 5 KB before compression.
    expect(bytes).toBeLessThan(5 * 1024);

    await page.keyboard.press('/');
    await expect.poll(() => requests.some((url) => url.endsWith('/docs/pagefind/pagefind-component-ui.js')), { timeout: POLL }).toBe(true);
    await page.close();
  });

  test('opens with the button, `/`, Ctrl-K and ⌘-K; Escape closes it and focus returns where it was', async () => {
    const { page, problems } = await openPage(based);
    const dialog = page.locator('dialog.search-dialog');
    const isOpen = () => dialog.evaluate((element: HTMLDialogElement) => element.open);
    const ways: [string, () => Promise<void>][] = [
      ['button', () => page.getByRole('button', { name: 'Search' }).press('Enter')],
      ['/', () => page.keyboard.press('/')],
      ['Ctrl-K', () => page.keyboard.press('Control+K')],
      ['⌘-K', () => page.keyboard.press('Meta+K')],
    ];
    for (const [way, open] of ways) {
      const from = way === 'button' ? '.search-button' : '.site-title';
      await page.locator(from).focus();
      await open();
      await expect.poll(isOpen, { message: way }).toBe(true);
      await expect.poll(() => isFocused(page, 'pagefind-input input, .search-early-input'), { message: way }).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(isOpen, { message: way }).toBe(false);
      expect(await isFocused(page, from), way).toBe(true);
    }
    // Escape keeps the query: opening again shows the same search.
    await search(page, 'lighthouse', '5 results for lighthouse');
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    expect(await searchInput(page).inputValue()).toBe('lighthouse');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a query shows its best result first, with section, date and the excerpt marked', async () => {
    const { page, problems } = await openPage(based);
    await search(page, 'quadcopter', '1 result for quadcopter');
    const result = page.locator('.search-result').first();
    await expect
      .poll(() => result.locator('.search-result-link').textContent(), { timeout: POLL })
      .toBe('Drones inspect the old lighthouse at Cape Lumen');
    expect(await result.locator('.search-result-link').getAttribute('href')).toBe(
      '/docs/articles/drones-inspect-the-old-lighthouse-at-cape-lumen/?highlight=quadcopter',
    );
    expect(await result.locator('.search-result-meta').innerText()).toMatch(/^News \/ Technology\s+Mar 3, 2026, 9:00 AM$/);
    expect(await result.locator('.search-result-excerpt').innerHTML()).toContain(
      'A <mark>quadcopter</mark> circled the lighthouse at Cape Lumen',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  test('filters by section and by year shrink the list', async () => {
    const { page, problems } = await openPage(based);
    await search(page, 'lighthouse', '5 results for lighthouse');
    await chooseFilter(page, 'section', /^News \/ Technology/);
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('1 result for lighthouse');
    expect(await resultTitles(page)).toEqual(['Drones inspect the old lighthouse at Cape Lumen']);
    await chooseFilter(page, 'section', /^News \/ Technology/);
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('5 results for lighthouse');
    await chooseFilter(page, 'year', /^1923/);
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('1 result for lighthouse');
    expect(await resultTitles(page)).toEqual(['The last lighthouse keepers of the northern coast']);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('sorts by date, newest first, across language indexes, undated last', async () => {
    const { page, problems } = await openPage(based);
    await search(page, 'lighthouse', '5 results for lighthouse');
    await page.locator('select[data-sort]').selectOption('date');
    await expect.poll(() => resultTitles(page), { timeout: POLL }).toEqual(LIGHTHOUSE_NEWEST_FIRST);
    // The Korean document (April 2026) is newer than the English one (March 2026), though each is
    // first in its own index: Pagefind's merge alone would tie them.
    await search(page, 'lumen', '2 results for lumen');
    await expect
      .poll(() => resultTitles(page), { timeout: POLL })
      .toEqual(['루멘 곶의 등대, 드론으로 점검', 'Drones inspect the old lighthouse at Cape Lumen']);
    await page.locator('select[data-sort]').selectOption('');
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('2 results for lumen');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('following a result highlights the matched words on its page', async () => {
    const { page, problems } = await openPage(based);
    await search(page, 'quadcopter', '1 result for quadcopter');
    await page.locator('.search-result-link').first().click();
    await page.waitForURL(/\/docs\/articles\/drones-inspect-the-old-lighthouse-at-cape-lumen\/\?highlight=quadcopter$/);
    const marks = page.locator('mark.pagefind-highlight');
    await expect.poll(() => marks.allTextContents(), { timeout: POLL }).toEqual(['quadcopter']);
    expect(await marks.first().evaluate((mark) => mark.closest('[data-pagefind-body]') !== null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a Korean word finds the Korean document, and its heading links to the matching part', async () => {
    const { page, problems } = await openPage(based);
    await search(page, '협동조합', '1 result for 협동조합');
    const result = page.locator('.search-result').first();
    await expect.poll(() => result.locator('.search-result-link').textContent(), { timeout: POLL }).toBe('천도교 청년회 강연 기록');
    expect(await result.locator('.search-result-link').getAttribute('lang')).toBe('ko');
    const heading = result.locator('.search-result-heading-link');
    expect(await heading.allTextContents()).toEqual(['둘째 강연: 농촌의 개벽']);
    expect(decodeURIComponent((await heading.getAttribute('href'))!)).toMatch(
      /^\/docs\/articles\/[^?]+\/\?highlight=협동조합#둘째-강연-농촌의-개벽$/,
    );
    await heading.click();
    await page.waitForURL(/#/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#둘째-강연-농촌의-개벽');
    await expect.poll(() => page.locator('mark.pagefind-highlight').allTextContents(), { timeout: POLL }).toEqual(['협동조합', '협동조합']);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a Chinese phrase finds the Chinese document, on a page in another language', async () => {
    const { page, problems } = await openPage(based);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await search(page, '集装箱码头', '1 result for 集装箱码头');
    const result = page.locator('.search-result').first();
    await expect.poll(() => result.locator('.search-result-link').textContent(), { timeout: POLL }).toBe('上海港的清晨');
    expect(await result.locator('.search-result-heading-link').allTextContents()).toContain('集装箱码头');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('on a Korean page, the dialog speaks English and finds English and Chinese documents', async () => {
    const entries = await readEntriesBySource(searchSite.entries);
    const { page, problems } = await openPage(based, `articles/${entries.get('기록/천도교 강연 기록.md')!.slug}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await search(page, 'quadcopter', '1 result for quadcopter');
    await expect
      .poll(() => page.locator('.search-result-link').first().textContent(), { timeout: POLL })
      .toBe('Drones inspect the old lighthouse at Cape Lumen');
    await search(page, '灯塔', '1 result for 灯塔');
    await expect.poll(() => page.locator('.search-result-link').first().getAttribute('lang'), { timeout: POLL }).toBe('zh');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('keyboard only: open, search, filter, then follow a result', async () => {
    const { page, problems } = await openPage(based);
    await page.keyboard.press('/');
    await page.keyboard.type('lighthouse');
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('5 results for lighthouse');
    // Arrow keys move between the input and the results.
    await page.locator('.search-result-link').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(page, '.search-result-link >> nth=0')).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await isFocused(page, 'pagefind-input input')).toBe(true);
    // Tab to the section filter, open it, pick the first section, close it.
    const trigger = 'pagefind-filter-dropdown[filter="section"] .pf-dropdown-trigger';
    for (let presses = 0; presses < 8 && !(await isFocused(page, trigger)); presses++) await page.keyboard.press('Tab');
    expect(await isFocused(page, trigger)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator(trigger).getAttribute('aria-activedescendant'), { timeout: POLL }).toBeTruthy();
    const picked = await page.locator(`#${await page.locator(trigger).getAttribute('aria-activedescendant')}`).getAttribute('data-value');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog').evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(true);
    expect(picked).toBe('Archive / History');
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('1 result for lighthouse');
    // On to the result, and into it.
    for (let presses = 0; presses < 8 && !(await isFocused(page, '.search-result-link')); presses++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('The last lighthouse keepers of the northern coast');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/docs\/articles\/the-last-lighthouse-keepers-of-the-northern-coast\/\?highlight=lighthouse$/);
    await expect.poll(() => page.locator('mark.pagefind-highlight').count(), { timeout: POLL }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('only the body and title are indexed: not the header, sidebar, footer, section or date', async () => {
    const { page, problems } = await openPage(based);
    // A title word is in the sidebar of many pages, but only one page is about it.
    await search(page, 'Drones', '1 result for Drones');
    for (const word of ['Culture', 'Unsorted', 'Sections', '2024']) await search(page, word, `No results for ${word}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('markup quoted in a document stays text in its result', async () => {
    const { page, problems } = await openPage(based);
    await search(page, 'onerror', '1 result for onerror');
    const result = page.locator('.search-result').first();
    await expect
      .poll(() => result.locator('.search-result-link').textContent(), { timeout: POLL })
      .toBe('Markup in a <b>title</b> stays text');
    expect(await result.locator('.search-result-excerpt').textContent()).toContain('<img src=x onerror="window.__pwned = true">');
    expect(await page.locator('.search-dialog img, .search-dialog script, .search-dialog b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });

  test.each([
    { colorScheme: 'light', width: 1280 },
    { colorScheme: 'dark', width: 1280 },
    { colorScheme: 'light', width: 375 },
    { colorScheme: 'dark', width: 375 },
  ] as const)('axe finds no violation with the dialog open and results shown ($colorScheme, $width px)', async ({ colorScheme, width }) => {
    const { page, problems } = await openPage(based, '', { colorScheme, width });
    await search(page, 'lighthouse', '5 results for lighthouse');
    await resultTitles(page);
    await page.locator('.search-results-scroll').evaluate((element) => element.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `search-${colorScheme}-${width}.png`) });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      };
      const { violations } = await axe.run({ include: [['dialog.search-dialog']] });
      return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
