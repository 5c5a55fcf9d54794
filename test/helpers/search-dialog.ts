import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StaticServer } from '../../scripts/support/static-server.ts';

/** Driving the search dialog in Chromium, for the search tests. */

/** How long to wait for search to answer: a second is short on a busy two-core machine. */
export const POLL = 10_000;

/** test/fixtures/search-site's results for `lighthouse`, newest first (undated last), whole or in shards. */
export const LIGHTHOUSE_NEWEST_FIRST = [
  'Drones inspect the old lighthouse at Cape Lumen',
  'Harbour fees rise as the lighthouse trust seeks funds',
  'Lantern festival lights up the lighthouse quay',
  'The last lighthouse keepers of the northern coast',
  "The lighthouse keeper's handbook",
];

export interface Opened {
  page: Page;
  /** Script errors and dialogs: a test expects none. */
  problems: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

export async function openPage(
  browser: Browser,
  server: StaticServer,
  path = '',
  options: { width?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<Opened> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(new URL(path, server.url).href);
  return { page, problems, requests };
}

export const searchInput = (page: Page) => page.locator('pagefind-input input');
export const summary = (page: Page) => page.locator('pagefind-summary');
export const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element === document.activeElement);

/** Opens search with `/` and types the query; resolves when its results are counted. */
export async function search(page: Page, query: string, expectedSummary?: string | RegExp): Promise<void> {
  if (!(await page.locator('dialog.search-dialog').evaluate((dialog: HTMLDialogElement) => dialog.open))) await page.keyboard.press('/');
  // The dialog's modules load on the first `/`: on a machine busy with other tests, that can take over the default second.
  await expect.poll(() => isFocused(page, 'pagefind-input input'), { timeout: POLL }).toBe(true);
  await searchInput(page).fill(query);
  await expect
    .poll(() => summary(page).textContent(), { timeout: POLL })
    .toMatch(expectedSummary ?? new RegExp(`^\\d+ results? for ${query}$`));
}

/** Titles of every result, in order, once each has loaded (results load as they scroll into view). */
export async function resultTitles(page: Page): Promise<string[]> {
  const scroller = page.locator('.search-results-scroll');
  await expect
    .poll(
      async () => {
        await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
        return page.locator('pagefind-results li.pf-result').count();
      },
      { timeout: POLL },
    )
    .toBe(0);
  return page.locator('.search-result-link').allTextContents();
}

export async function chooseFilter(page: Page, filter: string, option: RegExp): Promise<void> {
  await page.locator(`pagefind-filter-dropdown[filter="${filter}"] .pf-dropdown-trigger`).click();
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

/** The options of a filter list, as shown (value and count). */
export async function filterOptions(page: Page, filter: string): Promise<string[]> {
  const trigger = page.locator(`pagefind-filter-dropdown[filter="${filter}"] .pf-dropdown-trigger`);
  await trigger.click();
  const options = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return options.map((option) => option.replace(/\s+/g, ' ').trim());
}
