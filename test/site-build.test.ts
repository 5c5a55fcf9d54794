import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { EntryFrontmatter } from '../src/content/entry-schema.ts';
import { LIMITS } from '../src/config.ts';
import type { BuiltSite } from './helpers/build-site.ts';
import { readEntriesBySource } from './helpers/entries.ts';
import { readPage } from './helpers/html.ts';
import { checkLinks } from './helpers/link-check.ts';
import { listFiles, pagePathOf } from './helpers/site-files.ts';
import { validateSite } from './helpers/validate-html.ts';

// The reader's site: test/fixtures/reader-site (34 documents in 4 sections),
// built at the root and under a base path, plus the shipped documents.
const reader = inject('readerSite');
const readerBase = inject('readerSiteBase');
const shipped = inject('shippedSite');
const fixture = inject('fixtureSite');
const folders = inject('foldersSite');
const SITE_URL = 'https://example.org';

let entries: Map<string, EntryFrontmatter>;
beforeAll(async () => {
  entries = await readEntriesBySource(reader.entries);
});

function slugOf(source: string): string {
  const entry = entries.get(source);
  if (!entry) throw new Error(`No entry for ${source}`);
  return entry.slug;
}

const text = (node: Root | Element | undefined): string => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');

function jsonLd(page: Root): { '@context': string; '@graph': ({ '@type': string } & Record<string, unknown>)[] } {
  const scripts = selectAll('script[type="application/ld+json"]', page);
  expect(scripts).toHaveLength(1);
  return JSON.parse(toString(scripts[0]!));
}

function meta(page: Root, key: string): string | undefined {
  const element = select(`meta[property="${key}"], meta[name="${key}"]`, page);
  return element ? String(element.properties.content) : undefined;
}

/** Well-formed XML with its `<?xml …?>` declaration; throws the validator's message (with line and column) when not. */
const wellFormed = (text: string) => SyntaxValidator.validate(text, { xmlDeclaraion: { optional: false } });

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item', 'category'].includes(name) });

describe('the article page', () => {
  test('shows breadcrumb, title, dateline, caption with credit, quotations, reading time and the section neighbours', async () => {
    const page = await readPage(reader.dist, `articles/${slugOf('source/economy/harbour-freight-rebound.txt')}/`);
    const article = select('article', page)!;
    expect(selectAll('.breadcrumb a', article).map(text)).toEqual(['Home', 'Source', 'Economy']);
    expect(text(select('h1', article))).toBe('Harbour freight rebounds as winter orders arrive early');
    expect(select('.dateline time', article)?.properties.dateTime).toBe('2026-03-02T09:15:00');
    expect(text(select('.dateline time', article))).toBe('Mar 2, 2026, 9:15 AM');
    expect(text(select('.dateline .reading-time', article))).toBe('1 min read');
    expect(text(select('figure.caption figcaption', article))).toBe(
      'Cranes unload containers at the east terminal on February 27, 2026. Photo: Port Authority Media Office',
    );
    expect(text(select('figcaption .credit', article))).toBe('Photo: Port Authority Media Office');
    // Quotations reach the page as <q> elements (from the renderer), with their speaker.
    const quotes = selectAll('.prose q', article);
    expect(quotes.length).toBeGreaterThanOrEqual(1);
    expect(quotes[0]!.properties.dataSpeaker).toBe('Kim Ji-won');
    // The people it quotes, each linking to everything they said.
    expect(selectAll('.quoted a', article).map((a) => a.properties.href)).toEqual(['/people/kim-ji-won/']);
    // Newest in its section: only an older neighbour, in the same section.
    const pager = select('nav.pager', page)!;
    expect(select('a[rel="prev"]', pager)).toBeUndefined();
    expect(select('a[rel="next"]', pager)?.properties.href).toBe(`/articles/${slugOf('source/economy/bakeries-flour-prices.txt')}/`);
    // No headings, no table of contents.
    expect(select('.toc', page)).toBeUndefined();
  });

  test('a document with headings gets an "On this page" list that links to each heading', async () => {
    const page = await readPage(reader.dist, `articles/${slugOf('notes/reading-guide.md')}/`);
    const toc = select('nav.toc', page)!;
    expect(text(select('h2', toc))).toBe('On this page');
    const links = selectAll('a', toc);
    expect(links.map(text)).toEqual(['Sections', 'Finding a section', 'Dates', 'People', 'Search']);
    for (const link of links) expect(select(`.prose [id="${String(link.properties.href).slice(1)}"]`, page)).toBeDefined();
  });

  test('the sidebar lists the sections and only the neighbours of the current document', async () => {
    const page = await readPage(reader.dist, `articles/${slugOf('source/economy/rail-fares-commuters.txt')}/`);
    const sidebar = select('#sidebar', page)!;
    const documents = selectAll('.sidebar-documents li:not(.sidebar-more) a', sidebar);
    expect(documents.length).toBe(LIMITS.sidebarNeighbours);
    expect(documents.filter((a) => a.properties.ariaCurrent === 'page').map(text)).toEqual([
      'Commuters brace for rail fare changes in the new timetable',
    ]);
    expect(text(select('.sidebar-more a', sidebar))).toBe('All 8 in Economy');
    // Top-level sections, and the subsections of the open one only.
    expect(selectAll('.sidebar-section', sidebar).map((a) => text(a).replace(/ \d+$/, ''))).toEqual([
      'Culture',
      // notes/ has no section line: its folder is its section.
      'Notes',
      'Source',
      'Economy',
      'Science',
      'Technology',
      'World',
    ]);
  });

  test('declares NewsArticle with a date, Article without, and its breadcrumb, in JSON-LD', async () => {
    const dated = jsonLd(await readPage(reader.dist, `articles/${slugOf('source/economy/bakeries-flour-prices.txt')}/`));
    expect(dated['@context']).toBe('https://schema.org');
    expect(dated['@graph'].map((node) => node['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    const [news, breadcrumb] = dated['@graph'];
    expect(news).toMatchObject({
      headline: 'Small bakeries weigh higher flour prices against loyal customers',
      datePublished: '2026-02-18T07:40:00',
      inLanguage: 'en',
      author: { '@type': 'Person', name: 'Hana Okafor' },
      url: `${SITE_URL}/articles/${slugOf('source/economy/bakeries-flour-prices.txt')}/`,
    });
    expect((breadcrumb!.itemListElement as { name: string; item: string }[]).map((item) => [item.name, item.item])).toEqual([
      ['Home', `${SITE_URL}/`],
      ['Source', `${SITE_URL}/sections/source/`],
      ['Economy', `${SITE_URL}/sections/source/economy/`],
      ['Small bakeries weigh higher flour prices against loyal customers', news!.url],
    ]);
    const undated = jsonLd(await readPage(reader.dist, `articles/${slugOf('notes/field-notes.txt')}/`));
    expect(undated['@graph'].map((node) => node['@type'])).toEqual(['Article', 'BreadcrumbList']);
    expect(undated['@graph'][0]).not.toHaveProperty('datePublished');
  });

  test('has a title, description, canonical URL, Open Graph and Twitter card tags', async () => {
    const slug = slugOf('world/asia/seoul-night-markets.txt');
    const page = await readPage(reader.dist, `articles/${slug}/`);
    const url = `${SITE_URL}/articles/${slug}/`;
    expect(text(select('title', page))).toBe("Seoul's night markets draw visitors back after a quiet decade · Dossier");
    expect(meta(page, 'description')).toMatch(/^Night markets in Seoul have recovered/);
    expect(select('link[rel="canonical"]', page)?.properties.href).toBe(url);
    expect(meta(page, 'og:type')).toBe('article');
    expect(meta(page, 'og:url')).toBe(url);
    expect(meta(page, 'og:title')).toBe(text(select('title', page)));
    expect(meta(page, 'article:published_time')).toBe('2026-02-09T22:20:00');
    expect(meta(page, 'article:section')).toBe('World / Asia');
    expect(meta(page, 'twitter:card')).toBe('summary');
    expect(select('link[rel="alternate"][type="application/rss+xml"]', page)?.properties.href).toBe(`${SITE_URL}/rss.xml`);
  });
});

describe('lists that grow with the archive are cut into pages', () => {
  test('the home page shows the latest documents, newest first, and links to every section', async () => {
    const home = await readPage(reader.dist, '');
    const items = selectAll('.article-list > li', home);
    expect(items).toHaveLength(LIMITS.home);
    const dates = items.map((item) => String(select('time', item)?.properties.dateTime));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(select('.article-list-meta a', items[0]!) && text(select('.article-list-meta a', items[0]!))).toBe('World / Asia');
    expect(text(select('.article-list-summary', items[0]!))).toMatch(/^A narrow-gauge railway/);
    const sectionPages = (await listFiles(reader.dist, 'index.html')).filter((file) => /^sections\/(?!.*\/page\/)/.test(file));
    const linked = new Set(selectAll('main a', home).map((a) => String(a.properties.href)));
    for (const file of sectionPages) expect(linked).toContain(`/${pagePathOf(file)}`);
    expect(jsonLd(home)['@graph'][0]!['@type']).toBe('WebSite');
  });

  test('a section lists its documents and its subsections’ a page at a time', async () => {
    const first = await readPage(reader.dist, 'sections/source/');
    expect(text(select('h1', first))).toBe('Source');
    expect(selectAll('.subsections a', first).map(text)).toEqual(['Economy', 'Science', 'Technology']);
    expect(selectAll('.article-list > li', first)).toHaveLength(LIMITS.listPage);
    expect(select('.pagination a[rel="next"]', first)?.properties.href).toBe('/sections/source/page/2/');
    const second = await readPage(reader.dist, 'sections/source/page/2/');
    expect(selectAll('.article-list > li', second)).toHaveLength(21 - LIMITS.listPage);
    expect(select('.pagination a[rel="prev"]', second)?.properties.href).toBe('/sections/source/');
    expect(select('.pagination [aria-current="page"]', second) && text(select('.pagination [aria-current="page"]', second))).toBe('Page 2');
    expect(jsonLd(first)['@graph'].map((node) => node['@type'])).toEqual(['CollectionPage', 'BreadcrumbList']);
  });

  test('the date archive goes from years to months to documents', async () => {
    const archive = await readPage(reader.dist, 'archive/');
    expect(selectAll('.archive-year h2', archive).map((h2) => text(h2))).toEqual(['2026 12', '2025 19', 'Undated 3']);
    const year = await readPage(reader.dist, 'archive/2026/');
    expect(selectAll('.archive-month h2 a', year).map(text)).toEqual(['March', 'February', 'January']);
    const month = await readPage(reader.dist, 'archive/2026/01/');
    expect(text(select('h1', month))).toBe('January 2026');
    const dates = selectAll('.article-list time', month).map((time) => String(time.properties.dateTime));
    expect(dates).toHaveLength(5);
    expect(dates.every((date) => date.startsWith('2026-01-'))).toBe(true);
    const undated = await readPage(reader.dist, 'archive/undated/');
    expect(selectAll('.article-list > li', undated)).toHaveLength(3);
  });

  test('who said what: a page per person quoted, each quotation linking to its words in the document', async () => {
    const index = await readPage(reader.dist, 'people/');
    const people = selectAll('.people-list a', index).map(text);
    expect(people).toEqual(['Arjun Mehta', 'Elena Petrova', 'Kim Ji-won', 'Maria Lopez', 'Priya Raman', 'Sofia Marin', 'Tomasz Nowak']);
    const person = await readPage(reader.dist, 'people/kim-ji-won/');
    expect(text(select('h1', person))).toBe('Kim Ji-won');
    const said = selectAll('.said', person);
    expect(said.length).toBeGreaterThanOrEqual(4);
    for (const item of said) {
      const link = String(select('.said-where a', item)!.properties.href);
      expect(link).toMatch(/^\/articles\/[^#]+\/#:~:text=/);
      const target = await readPage(reader.dist, decodeURIComponent(link.split('#')[0]!.slice(1)));
      const quoted = text(select('blockquote', item));
      // The quotation, as shown, is in the document's own words.
      expect(text(select('.prose', target))).toContain(quoted);
    }
    expect(jsonLd(person)['@graph'][0]).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Kim Ji-won' } });
  });

  test('every page carries at most a bounded number of links in its sidebar', async () => {
    const pages = await listFiles(reader.dist, '.html');
    const sections = (await listFiles(reader.dist, 'index.html')).filter((file) => /^sections\/(?!.*\/page\/)/.test(file)).length;
    for (const file of pages) {
      const page = await readPage(reader.dist, file);
      const links = selectAll('#sidebar a', page).length;
      // Three site-wide lists, the sections, the neighbours and "All N in …".
      expect(links, file).toBeLessThanOrEqual(3 + sections + LIMITS.sidebarNeighbours + 1);
    }
  });
});

describe('feeds and files for machines', () => {
  test('sitemap-index.xml lists every page but the 404, with absolute URLs', async () => {
    const index = await readFile(join(reader.dist, 'sitemap-index.xml'), 'utf8');
    expect(wellFormed(index)).toBe(true);
    const sitemaps = xml.parse(index).sitemapindex.sitemap as { loc: string }[];
    const urls: string[] = [];
    for (const { loc } of sitemaps) {
      expect(loc).toMatch(new RegExp(`^${SITE_URL}/sitemap-\\d+\\.xml$`));
      const sitemap = await readFile(join(reader.dist, new URL(loc).pathname), 'utf8');
      expect(wellFormed(sitemap)).toBe(true);
      urls.push(...(xml.parse(sitemap).urlset.url as { loc: string }[]).map((url) => url.loc));
    }
    const pages = (await listFiles(reader.dist, '.html'))
      .filter((file) => file !== '404.html')
      .map((file) => `${SITE_URL}/${pagePathOf(file)}`);
    expect(urls.map(decodeURI).sort()).toEqual(pages.sort());
  });

  test('robots.txt allows everything and points to the sitemap', async () => {
    const robots = await readFile(join(reader.dist, 'robots.txt'), 'utf8');
    expect(robots).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`);
  });

  test('rss.xml is valid RSS 2.0 with the latest documents, newest first', async () => {
    const feed = await readFile(join(reader.dist, 'rss.xml'), 'utf8');
    expect(wellFormed(feed)).toBe(true);
    const rss = xml.parse(feed).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('Dossier');
    expect(rss.channel.link).toBe(`${SITE_URL}/`);
    expect(rss.channel['atom:link']).toMatchObject({ '@_href': `${SITE_URL}/rss.xml`, '@_rel': 'self' });
    const items = rss.channel.item as { title: string; link: string; pubDate?: string; description: string; category: string[] }[];
    expect(items).toHaveLength(Math.min(LIMITS.feed, entries.size));
    expect(items[0]).toMatchObject({
      title: 'Century-old mountain railway reopens after repairs',
      link: `${SITE_URL}/articles/${slugOf('world/asia/mountain-railway.txt')}/`,
      pubDate: 'Thu, 12 Mar 2026 08:30:00 GMT',
      category: ['World / Asia'],
    });
    const dates = items.filter((item) => item.pubDate).map((item) => Date.parse(item.pubDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of items)
      expect(existsSync(join(reader.dist, decodeURI(new URL(item.link).pathname), 'index.html')), item.link).toBe(true);
  });
});

describe('under a base path (BASE_PATH=/docs/ SITE_URL=https://example.org)', () => {
  test('every root-relative URL in every page is under /docs/', async () => {
    const outside: string[] = [];
    for (const file of await listFiles(readerBase.dist, '.html')) {
      const html = await readFile(join(readerBase.dist, file), 'utf8');
      // Any attribute value (href, src, srcset, data-*) that starts at the root of the host.
      for (const match of html.matchAll(/\s([\w:-]+)=["']?(\/(?!\/)[^"'\s>]*)/g)) {
        // aria-keyshortcuts="/ Control+K" names a key, not a URL.
        if (match[1] === 'aria-keyshortcuts') continue;
        if (!match[2]!.startsWith('/docs/')) outside.push(`${file}: ${match[1]}=${match[2]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  test('canonical URLs, structured data, sitemap, feed and robots.txt point under https://example.org/docs/', async () => {
    const slug = slugOf('source/economy/harbour-freight-rebound.txt');
    const page = await readPage(readerBase.dist, `articles/${slug}/`);
    expect(select('link[rel="canonical"]', page)?.properties.href).toBe(`${SITE_URL}/docs/articles/${slug}/`);
    const graph = jsonLd(page)['@graph'];
    expect(graph[0]!.url).toBe(`${SITE_URL}/docs/articles/${slug}/`);
    expect(
      JSON.stringify(graph)
        .match(/https:\/\/example\.org\/[^"]*/g)!
        .every((url) => url.startsWith(`${SITE_URL}/docs/`)),
    ).toBe(true);
    const sitemap = await readFile(join(readerBase.dist, 'sitemap-0.xml'), 'utf8');
    const locs = (xml.parse(sitemap).urlset.url as { loc: string }[]).map((url) => url.loc);
    expect(locs.length).toBeGreaterThan(30);
    expect(locs.every((loc) => loc.startsWith(`${SITE_URL}/docs/`))).toBe(true);
    const feed = xml.parse(await readFile(join(readerBase.dist, 'rss.xml'), 'utf8')).rss.channel;
    expect(feed.link).toBe(`${SITE_URL}/docs/`);
    expect((feed.item as { link: string }[]).every((item) => item.link.startsWith(`${SITE_URL}/docs/articles/`))).toBe(true);
    expect(await readFile(join(readerBase.dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE_URL}/docs/sitemap-index.xml`);
  });
});

const SITES: [string, BuiltSite, string][] = [
  ['reader site', reader, '/'],
  ['reader site under /docs/', readerBase, '/docs/'],
  ['shipped documents', shipped, '/'],
  // test/fixtures/site: the seed layout's fixture (it was labelled the search fixture, which it is not).
  ['fixture site', fixture, '/'],
  // test/fixtures/folders: every folder convention, tags, people, groups quoted.
  ['folders site', folders, '/'],
];

describe.each(SITES)('the %s', (_, site, base) => {
  test('has 0 html-validate errors on any page', async () => {
    const { problems, files } = await validateSite(site.dist);
    expect(files).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  test('has 0 broken internal links, fragments included', async () => {
    const { problems, checked } = await checkLinks(site.dist, { base, site: SITE_URL });
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  test('runs no script but the theme switch, structured data and the search', async () => {
    for (const file of await listFiles(site.dist, '.html')) {
      const page = await readPage(site.dist, file);
      const scripts = selectAll('script', page);
      const inline = scripts.filter((script) => !script.properties.type && !script.properties.src);
      expect(inline, file).toHaveLength(1);
      expect(toString(inline[0]!)).toContain('dossier-theme');
      expect(toString(inline[0]!).length, 'the inline theme script stays tiny').toBeLessThan(1200);
      for (const script of scripts.filter((script) => script !== inline[0])) {
        expect(['application/ld+json', 'module'], file).toContain(script.properties.type);
      }
    }
  });
});
