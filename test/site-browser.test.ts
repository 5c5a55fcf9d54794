import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { EntryFrontmatter } from '../src/content/entry-schema.ts';
import { launchChromium } from '../scripts/support/browser.ts';
import { readEntriesBySource } from './helpers/entries.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';

// Every page type of the reader's site in Chromium, sharing one browser:
// screenshots (test-results/screenshots/reader-*.png, for people to look at),
// layout at 1280, 375 and 320 px, axe-core in both themes, the theme toggle,
// keyboard-only use of the sidebar, and the print stylesheet.
const site = inject('readerSite');
const SCREENSHOTS = join(import.meta.dirname, '../test-results/screenshots');
const WIDTHS = [1280, 375] as const;
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

let server: StaticServer;
let browser: Browser;
let entries: Map<string, EntryFrontmatter>;
const article = (source: string) => `articles/${entries.get(source)!.slug}/`;

/** Page type → path; the first four are the ones axe must pass in both themes. */
let pages: Record<string, string>;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  entries = await readEntriesBySource(site.entries);
  pages = {
    home: '',
    article: article('source/economy/harbour-freight-rebound.txt'),
    section: 'sections/source/',
    '404': 'no-such-page/',
    'article-toc': article('notes/reading-guide.md'),
    'article-korean': article('culture/korean-poetry-reading.txt'),
    'section-page-2': 'sections/source/page/2/',
    archive: 'archive/',
    'archive-year': 'archive/2026/',
    'archive-month': 'archive/2026/01/',
    people: 'people/',
    person: 'people/kim-ji-won/',
    about: 'about/',
  };
  [server, browser] = await Promise.all([serveStatic(site.dist, '/', { notFoundPage: '404.html' }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

// axe-core is served as a script (not pasted into each page), so Chromium compiles it once per context.
const AXE_URL = 'http://axe.test/axe.js';

async function open(width: number, theme: Theme): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  await context.route(AXE_URL, (route) =>
    route.fulfill({ body: axe.source, contentType: 'text/javascript', headers: { 'Cache-Control': 'max-age=3600' } }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The 404 page is served with status 404, which Chromium reports as a console error.
    if (message.type() === 'error' && message.location().url !== page.url()) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

async function go(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, server.url).href);
}

const url = (path: string) => new URL(path, server.url).href;

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: AXE_URL });
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

/** How far the page is wider than the window: 0 when nothing overflows sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(20, 23, 28)';

const MAIN = ['home', 'article', 'section', '404'];

// The four run side by side, each in its own context of the one browser.
describe.concurrent.each(WIDTHS.flatMap((width) => THEMES.map((theme) => ({ width, theme }))))(
  'every page type at $width px, $theme theme',
  ({ width, theme }) => {
    test('lays out without sideways scrolling or script errors; screenshots saved; axe finds no violation', async () => {
      const { context, page, problems } = await open(width, theme);
      const violations: Record<string, string[]> = {};
      // The four main page types everywhere; the others at 1280 px as well.
      const checked = width === 1280 ? [...MAIN, 'article-toc', 'archive-month', 'people', 'person'] : MAIN;
      for (const [type, path] of Object.entries(pages)) {
        await go(page, path);
        expect(await background(page), type).toBe(theme === 'light' ? LIGHT_BG : DARK_BG);
        expect(await overflow(page), `${type} overflows sideways`).toBe(0);
        // Every page type in the light theme; the four main ones in the dark theme too.
        if (theme === 'light' || MAIN.includes(type))
          await page.screenshot({ path: join(SCREENSHOTS, `reader-${type}-${width}-${theme}.png`), fullPage: true });
        if (checked.includes(type)) violations[type] = await axeViolations(page);
      }
      expect(violations).toEqual(Object.fromEntries(checked.map((type) => [type, []])));
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);

test('nothing overflows sideways at 320 px, the narrowest supported width', async () => {
  const { context, page } = await open(320, 'light');
  for (const [type, path] of Object.entries(pages)) {
    await go(page, path);
    expect(await overflow(page), type).toBe(0);
  }
  await context.close();
});

describe('the theme toggle', () => {
  test('switches the theme, remembers it on every page, and applies it before the body is drawn (no flash)', async () => {
    const { context, page, problems } = await open(1280, 'light');
    // Records the theme at the moment <body> starts: the stored theme must already be set.
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'system';
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const toggle = page.locator('[data-theme-toggle]');
    const themeAtBody = () => page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody);

    await go(page, '');
    expect(await themeAtBody()).toBe('system');
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => toggle.isVisible()).toBe(true);

    await toggle.click();
    expect(await background(page)).toBe(DARK_BG);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await go(page, pages.article!);
    expect(await themeAtBody()).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await toggle.click();
    await page.reload();
    expect(await themeAtBody()).toBe('light');
    expect(await background(page)).toBe(LIGHT_BG);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('follows the system setting until a choice is made, and a choice wins over it', async () => {
    const { context, page } = await open(375, 'dark');
    const toggle = page.locator('[data-theme-toggle]');
    await go(page, '');
    expect(await background(page)).toBe(DARK_BG);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The icon offers the other theme: a sun while dark.
    expect(await page.locator('.theme-toggle .icon-sun').isVisible()).toBe(true);
    expect(await page.locator('.theme-toggle .icon-moon').isVisible()).toBe(false);
    await toggle.click();
    await go(page, pages.section!);
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.evaluate(() => localStorage.getItem('dossier-theme'))).toBe('light');
    await context.close();
  });
});

describe('keyboard only', () => {
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        text: (element.textContent ?? '').trim().replace(/\s+/g, ' '),
        inSidebar: !!element.closest('#sidebar'),
        current: element.getAttribute('aria-current'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        top: element.getBoundingClientRect().top,
      };
    });

  test('a link follows each heading: reached with Tab, shown when focused, named for its section, followed with Enter', async () => {
    const { context, page } = await open(1280, 'light');
    await go(page, pages['article-toc']!);
    const link = page.locator('.heading-wrapper .heading-link').first();
    expect(await link.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
    // From the skip link's target, Tab walks the article until it reaches the first heading's link.
    await page.locator('#content').focus();
    let reached = false;
    for (let step = 0; step < 30 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('heading-link') ?? false);
    }
    expect(reached).toBe(true);
    expect(await focused(page)).toMatchObject({ text: '#Link to section: Sections', outline: true });
    expect(await link.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#sections');
    await context.close();
  });

  test('at 1280 px: the skip link comes first, then the sidebar can be walked and followed with Tab and Enter', async () => {
    const { context, page } = await open(1280, 'light');
    await go(page, pages.article!);
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip).toMatchObject({ text: 'Skip to content', outline: true });
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');

    await go(page, pages.article!);
    const walked: string[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now.inSidebar) continue;
      expect(now.outline, `focus is visible on ${now.text}`).toBe(true);
      walked.push(now.current ? `[${now.text}]` : now.text);
      if (now.current) break;
    }
    expect(walked).toEqual([
      'Latest',
      'By date',
      'People quoted',
      'Culture 4',
      'Notes 3',
      'Source 21',
      'Economy 8',
      '[Harbour freight rebounds as winter orders arrive early]',
    ]);
    // The next document in the sidebar, followed with Enter.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Small bakeries weigh higher flour prices against loyal customers');
    await page.keyboard.press('Enter');
    await page.waitForURL(url(article('source/economy/bakeries-flour-prices.txt')));
    expect(await page.locator('#sidebar [aria-current="page"]').innerText()).toBe(
      'Small bakeries weigh higher flour prices against loyal customers',
    );
    await context.close();
  });

  test('at 375 px: the Menu button opens the sidebar, Escape closes it and gives focus back, Enter follows a link', async () => {
    const { context, page } = await open(375, 'light');
    await go(page, pages.article!);
    const sidebarOpen = () => page.evaluate(() => document.querySelector('#sidebar')!.matches(':popover-open'));
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Menu');
    await page.keyboard.press('Enter');
    expect(await sidebarOpen()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Close menu', inSidebar: true });
    await page.keyboard.press('Escape');
    expect(await sidebarOpen()).toBe(false);
    expect((await focused(page)).text).toBe('Menu');

    await page.keyboard.press('Enter');
    await page.screenshot({ path: join(SCREENSHOTS, 'reader-menu-open-375-light.png') });
    let found = false;
    for (let step = 0; step < 30 && !found; step++) {
      await page.keyboard.press('Tab');
      found = (await focused(page)).text === 'World 6';
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(url('sections/world/'));
    expect(await page.locator('h1').innerText()).toBe('World');
    await context.close();
  });
});

test('the print stylesheet keeps the document and drops the site around it', async () => {
  const { context, page } = await open(1280, 'dark');
  await go(page, pages.article!);
  await page.emulateMedia({ media: 'print' });
  const shown = (selector: string) => page.locator(selector).first().isVisible();
  expect(await shown('.site-header')).toBe(false);
  expect(await shown('#sidebar')).toBe(false);
  expect(await shown('.site-footer')).toBe(false);
  expect(await shown('.prose')).toBe(true);
  expect(await background(page)).toBe(LIGHT_BG);
  await context.close();
});

test('the 404 page is served for a missing page, and offers search', async () => {
  const { context, page } = await open(1280, 'light');
  const response = await page.goto(url('no-such-page/'));
  expect(response?.status()).toBe(404);
  expect(await page.locator('h1').innerText()).toBe('Page not found');
  expect(await page.getByRole('button', { name: 'Search' }).isVisible()).toBe(true);
  expect(await page.locator('main').innerText()).toContain('Find it with search');
  await context.close();
});
