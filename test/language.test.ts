import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../scripts/support/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';
import { readEntriesBySource } from './helpers/entries.ts';
import { readPage } from './helpers/html.ts';

// The fixture site (test/fixtures/site) built with `SITE_LANGUAGE=ko`: a Korean archive's interface.
const SCREENSHOTS = join(import.meta.dirname, '../test-results/screenshots');
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let seed: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  [site, browser] = await Promise.all([
    buildSite(join(import.meta.dirname, 'fixtures/site'), 'korean-site', { env: { SITE_LANGUAGE: 'ko' } }),
    launchChromium(),
  ]);
  server = await serveStatic(site.dist);
  seed = (await readEntriesBySource(site.entries)).get('news/seed-economy.txt')!.slug;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site.out, { recursive: true, force: true });
});

const text = (page: Root, selector: string) =>
  toString(select(selector, page) ?? { type: 'root', children: [] })
    .replace(/\s+/g, ' ')
    .trim();

describe('a site in Korean', () => {
  test('pages that show no document say lang="ko", and their words are Korean, counted without English plurals', async () => {
    const home = await readPage(site.dist, '');
    expect(select('html', home)?.properties.lang).toBe('ko');
    expect(selectAll('.sidebar-browse a', home).map((link) => toString(link).trim())).toEqual(['최신 문서', '날짜별', '인용된 사람']);
    expect(text(home, '.lede')).toMatch(/분류 \d+개에 문서 \d+개, 인용된 사람 \d+명\.$/);
    expect(text(home, '.skip-link')).toBe('본문으로 건너뛰기');
  });

  test('an article keeps its own language on its text, and shows Korean dates and labels around it', async () => {
    const page = await readPage(site.dist, `articles/${seed}/`);
    expect(select('html', page)?.properties.lang).toBe('en');
    expect(select('.dateline', page)?.properties.lang).toBe('ko');
    expect(text(page, '.dateline time')).toBe('2026년 1월 8일 오후 8:28');
    expect(text(page, '.reading-time')).toMatch(/^\d+분 분량$/);
    expect(text(page, '.quoted h2')).toBe('이 문서에 인용된 사람');
    const notes = (await readEntriesBySource(site.entries)).get('archive (old) & more/notes.md')!.slug;
    const headings = await readPage(site.dist, `articles/${notes}/`);
    expect(text(headings, '.heading-link .visually-hidden')).toMatch(/^이 부분으로 가는 링크: /);
  });

  test('the search dialog speaks Korean, and the feed says so', async () => {
    const page = await readPage(site.dist, '');
    expect(text(page, '.search-button-label')).toBe('검색');
    // The dialog's parts are templates, stamped when it opens: read the built HTML.
    expect(await readFile(join(site.dist, 'index.html'), 'utf8')).toContain('<pagefind-filter-dropdown filter="section" label="분류"');
    expect(await readFile(join(site.dist, 'rss.xml'), 'utf8')).toContain('<language>ko</language>');
  });

  test('screenshots of an article in the Korean interface, and the search dialog open', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(new URL(`articles/${seed}/`, server.url).href);
    await page.screenshot({ path: join(SCREENSHOTS, 'korean-interface-article.png'), fullPage: true });
    await page.keyboard.press('/');
    await page.locator('pagefind-input input').fill('cooperation');
    await expect.poll(() => page.locator('pagefind-summary').textContent(), { timeout: 10_000 }).toMatch(/\d/);
    expect(await page.locator('pagefind-input input').getAttribute('placeholder')).toBe('문서 검색');
    await page.screenshot({ path: join(SCREENSHOTS, 'korean-interface-search.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
