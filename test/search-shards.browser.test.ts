import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchSortValue } from '../src/integrations/pagefind.ts';
import { buildSearchIndex, indexablePages } from '../src/search/build/index-site.ts';
import { planShards } from '../src/search/build/plan-shards.ts';
import { launchChromium } from '../scripts/support/browser.ts';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';
import {
  chooseFilter,
  filterOptions,
  openPage,
  POLL,
  resultTitles,
  search,
  summary,
  LIGHTHOUSE_NEWEST_FIRST,
} from './helpers/search-dialog.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';

/**
 * Search on a site indexed in shards. test/fixtures/search-site is built with
 * `DOSSIER_SEARCH_SHARD_PAGES=2`, the environment variable that caps the
 * pages of a shard (src/integrations/pagefind.ts): its ten indexed pages are
 * indexed by nine Pagefind runs (every page starts a shard at so small a
 * budget, and the languages' last ones share), whose indexes the build merges. Readers must
 * not tell: the same site indexed whole (a copy of its output, indexed again
 * in one run) must answer every query the same, result for result.
 */

const BASE = '/docs/';
const SHARD_PAGES = 2;

let site: BuiltSite;
let whole: string;
let sharded: StaticServer;
let unsharded: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([
    buildSite(join(import.meta.dirname, 'fixtures/search-site'), 'search-site-sharded', {
      basePath: BASE,
      env: { DOSSIER_SEARCH_SHARD_PAGES: String(SHARD_PAGES) },
    }),
    launchChromium(),
  ]);
  whole = join(site.out, 'whole');
  await cp(site.dist, whole, { recursive: true });
  await buildSearchIndex({ site: whole, budget: { maxPages: 1e9, maxBytes: 1e12 }, concurrency: 1, sortValue: searchSortValue });
  [sharded, unsharded] = await Promise.all([serveStatic(site.dist, BASE), serveStatic(whole, BASE)]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([sharded?.close(), unsharded?.close()]);
  if (site) await rm(site.out, { recursive: true, force: true });
});

/** Shard of each result URL (`/docs/articles/x/`), as the build planned them. */
async function shardsOf(): Promise<Map<string, number>> {
  const { pages } = await indexablePages(site.dist);
  const plan = planShards(pages, { maxPages: SHARD_PAGES, maxBytes: Number.POSITIVE_INFINITY });
  return new Map(plan.flatMap((shard, index) => shard.pages.map((path) => [`${BASE}${path.replace(/index\.html$/, '')}`, index])));
}

/** What a reader sees for a query: the count, every result in order, the first result's excerpt and headings. */
async function answer(page: Page, query: string): Promise<{ summary: string | null; titles: string[]; urls: string[]; first: string }> {
  await search(page, query, new RegExp(`^(\\d+ results?|No results) for ${query}$`));
  const titles = await resultTitles(page);
  const urls = (await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))).map(
    (href) => decodeURI(href.split('?')[0]!),
  );
  const first = titles.length > 0 ? await page.locator('.search-result').first().innerHTML() : '';
  return { summary: await summary(page).textContent(), titles, urls, first };
}

const QUERIES = [
  'lighthouse',
  'lumen',
  'keeper',
  'lig',
  'quadcopter',
  'onerror',
  '협동조합',
  '등대',
  '集装箱码头',
  '灯塔',
  'the',
  'nothingmatches',
];

describe(`search on a site indexed in shards of ${SHARD_PAGES} pages`, () => {
  test('the build indexed it in shards, and wrote one bundle: one index per language, as a single run does', async () => {
    expect(site.build.stdout).toMatch(/Indexed 10 pages for search in [\d.]+ s \(9 shards\)\./);
    const files = await readdir(join(site.dist, 'pagefind'));
    expect(files.filter((file) => file.endsWith('.pf_meta')).map((file) => file.split('_')[0])).toEqual([
      'pagefind.en',
      'pagefind.ko',
      'pagefind.zh',
    ]);
    expect((await readdir(site.dist)).filter((file) => file.startsWith('.'))).toEqual([]);
  });

  test('every query answers as on the site indexed whole, and the results come from every shard', async () => {
    const shards = await shardsOf();
    expect(new Set(shards.values()).size).toBe(9);
    const [onShards, onWhole] = await Promise.all([openPage(browser, sharded), openPage(browser, unsharded)]);
    const seen = new Set<number>();
    for (const query of QUERIES) {
      const [actual, expected] = await Promise.all([answer(onShards.page, query), answer(onWhole.page, query)]);
      expect(actual, query).toEqual(expected);
      for (const url of actual.urls) if (shards.has(url)) seen.add(shards.get(url)!);
      if (query === 'lighthouse') {
        // One query, five documents, five shards.
        expect(actual.summary).toBe('5 results for lighthouse');
        expect(new Set(actual.urls.map((url) => shards.get(url))).size).toBe(5);
      }
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // A word no shard but one has: no shard answers with a word that merely begins it.
    expect((await answer(onShards.page, 'onerror')).summary).toBe('1 result for onerror');
    expect([...onShards.problems, ...onWhole.problems]).toEqual([]);
    await Promise.all([onShards.page.close(), onWhole.page.close()]);
  });

  test('the section and year filters list and count the values of every shard, and filter across them', async () => {
    const [onShards, onWhole] = await Promise.all([openPage(browser, sharded), openPage(browser, unsharded)]);
    for (const opened of [onShards, onWhole]) await search(opened.page, 'lighthouse', '5 results for lighthouse');
    for (const filter of ['section', 'year'])
      expect(await filterOptions(onShards.page, filter)).toEqual(await filterOptions(onWhole.page, filter));
    const { page } = onShards;
    await chooseFilter(page, 'section', /^News \/ Technology/);
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('1 result for lighthouse');
    expect(await resultTitles(page)).toEqual(['Drones inspect the old lighthouse at Cape Lumen']);
    await chooseFilter(page, 'section', /^News \/ Technology/);
    await chooseFilter(page, 'year', /^1923/);
    await expect.poll(() => summary(page).textContent(), { timeout: POLL }).toBe('1 result for lighthouse');
    expect(await resultTitles(page)).toEqual(['The last lighthouse keepers of the northern coast']);
    expect([...onShards.problems, ...onWhole.problems]).toEqual([]);
    await Promise.all([onShards.page.close(), onWhole.page.close()]);
  });

  test('newest first spans the shards and the languages', async () => {
    const shards = await shardsOf();
    const { page, problems } = await openPage(browser, sharded);
    await search(page, 'lighthouse', '5 results for lighthouse');
    await page.locator('select[data-sort]').selectOption('date');
    await expect.poll(() => resultTitles(page), { timeout: POLL }).toEqual(LIGHTHOUSE_NEWEST_FIRST);
    const urls = await page
      .locator('.search-result-link')
      .evaluateAll((links) => links.map((link) => decodeURI(link.getAttribute('href')!.split('?')[0]!)));
    expect(new Set(urls.map((url) => shards.get(url))).size).toBe(5);
    await search(page, 'lumen', '2 results for lumen');
    await expect
      .poll(() => resultTitles(page), { timeout: POLL })
      .toEqual(['루멘 곶의 등대, 드론으로 점검', 'Drones inspect the old lighthouse at Cape Lumen']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
