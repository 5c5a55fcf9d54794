import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, test } from 'vitest';
import { readPage } from './helpers/html.ts';
import { readIndex } from './helpers/search-index.ts';

// test/fixtures/folders: a Jekyll blog, a Hugo tree, a Docusaurus docs tree,
// scraped news and wire copy, side by side in one documents folder.
const site = inject('foldersSite');
const text = (node: Root | Element | undefined): string => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');
const graph = (page: Root) =>
  (JSON.parse(toString(select('script[type="application/ld+json"]', page)!)) as { '@graph': Record<string, unknown>[] })['@graph'];

describe('folders are sections', () => {
  test('the sidebar follows the folders, ordered by their descriptions, then by name', async () => {
    const page = await readPage(site.dist, 'articles/create-a-page/');
    const docs = selectAll('.sidebar-sections > li', page).find((item) => text(select('a', item)).startsWith('Docusaurus docs'))!;
    expect(selectAll(':scope > ul > li > a.sidebar-section', docs).map((link) => text(link).replace(/ \d+$/, ''))).toEqual([
      'Tutorial - Basics',
      'Tutorial - Extras',
      'Broken folder',
      'Guides',
    ]);
  });

  test('breadcrumbs name each folder, by its description where it has one', async () => {
    const page = await readPage(site.dist, 'articles/create-a-page/');
    expect(selectAll('article .breadcrumb a', page).map(text)).toEqual(['Home', 'Docusaurus docs', 'Tutorial - Basics']);
  });

  test('documents follow their sidebar_position and order numbers, 2 before 10', async () => {
    const first = await readPage(site.dist, 'articles/create-a-page/');
    expect(text(select('.pager-older .pager-title', first))).toBe('Create a Document');
    expect(text(select('.pager-older span', first))).toBe('Next in Docusaurus docs / Tutorial - Basics');
    const guides = await readPage(site.dist, 'sections/docusaurus-docs/guides/');
    expect(selectAll('.article-list-title', guides).map(text)).toEqual(['Advanced setup', 'Deploying']);
    const hugo = await readPage(site.dist, 'sections/hugo-tree/getting-started/');
    expect(selectAll('.article-list-title', hugo).map(text)).toEqual(['Configuring a project', 'Installing on Linux']);
  });

  test('a folder description gives its section page a description', async () => {
    const page = await readPage(site.dist, 'sections/hugo-tree/getting-started/');
    expect(text(select('.section-description', page))).toBe('Install the tools and configure your first project.');
    expect(text(select('h1', page))).toBe('Getting started');
  });
});

describe('frontmatter, dates and source lines', () => {
  test('frontmatter is metadata, never text', async () => {
    for (const path of ['articles/qa-what-it-is-like-to-be-on-the-board/', 'articles/installing-on-linux/']) {
      const body = text(select('.prose', await readPage(site.dist, path)));
      expect(body).not.toMatch(/layout: post|title =|\+\+\+|---/);
    }
  });

  test('dates come from frontmatter as written, else from the file or folder names', async () => {
    const dateOf = async (slug: string) => select('.dateline time', await readPage(site.dist, `articles/${slug}/`))?.properties.dateTime;
    expect(await dateOf('release-notes-for-version-24')).toBe('2021-03-16T09:30:00');
    expect(await dateOf('welcome-to-the-new-site')).toBe('2019-11-30');
    expect(await dateOf('ferry-timetable-changes-for-the-winter')).toBe('2024-02-05');
    expect(await dateOf('council-passes-budget-after-a-late-vote')).toBe('2024-02-10');
  });

  test('drafts are left out of the build: no page, no tag, no sitemap entry', async () => {
    expect(existsSync(join(site.dist, 'articles/notes-on-an-unfinished-idea'))).toBe(false);
    expect(existsSync(join(site.dist, 'articles/upcoming-flags'))).toBe(false);
    expect(existsSync(join(site.dist, 'tags/ideas'))).toBe(false);
    expect(await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8')).not.toContain('unfinished-idea');
  });

  test('a source address is a link on the page and isBasedOn in the JSON-LD, with the wire header as metadata', async () => {
    const page = await readPage(site.dist, 'articles/rail-strike-called-off-after-overnight-talks/');
    const link = select('.source-link a', page)!;
    expect(text(select('.source-link', page))).toBe('Originally published at wire.example.net');
    expect(link.properties.href).toBe('https://wire.example.net/2024/02/03/rail-strike');
    const [article, breadcrumbs] = graph(page);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Rail strike called off after overnight talks',
      datePublished: '2024-02-03T18:40:00',
      author: { '@type': 'Person', name: 'Staff reporter' },
      keywords: 'transport, labour',
      isBasedOn: 'https://wire.example.net/2024/02/03/rail-strike',
    });
    expect(breadcrumbs).toMatchObject({ '@type': 'BreadcrumbList' });
    expect((breadcrumbs!.itemListElement as { name: string }[]).map((item) => item.name)).toEqual([
      'Home',
      'Transport',
      'Rail strike called off after overnight talks',
    ]);
  });
});

describe('tags', () => {
  test('the tags index lists every tag with its count, and each tag has a page', async () => {
    const index = await readPage(site.dist, 'tags/');
    const rows = selectAll('.tag-index li', index).map(text);
    expect(rows).toContain('linux 1');
    expect(rows).toContain('interviews 1');
    const linux = await readPage(site.dist, 'tags/linux/');
    expect(selectAll('.article-list-title', linux).map(text)).toEqual(['Installing on Linux']);
  });

  test('an article links its tags, and search can filter by them', async () => {
    const page = await readPage(site.dist, 'articles/installing-on-linux/');
    expect(selectAll('.tags a[rel="tag"]', page).map((link) => [text(link), link.properties.href])).toEqual([
      ['install', '/tags/install/'],
      ['linux', '/tags/linux/'],
    ]);
    const index = await readIndex(join(site.dist, 'pagefind'), () => '');
    expect(index.languages.en!.filters['tag=linux']).toEqual(['/articles/installing-on-linux/']);
  });

  test('related documents share tags, people or the section', async () => {
    const page = await readPage(site.dist, 'articles/create-a-page/');
    expect(selectAll('.related li a', page).map(text)).toContain('Create a Document');
  });
});

describe('who said what, in folders of news', () => {
  test('a person page gives the role the documents give them, with the date', async () => {
    const person = await readPage(site.dist, 'people/tom-okafor/');
    expect(text(select('.person-roles', person))).toBe('Described as: union leader (Feb 3, 2024).');
    expect(graph(person)[0]).toMatchObject({ mainEntity: { '@type': 'Person', name: 'Tom Okafor', jobTitle: ['union leader'] } });
  });

  test('a group quoted is listed apart, with no page of its own', async () => {
    const index = await readPage(site.dist, 'people/');
    const sources = select('.unnamed-sources', index);
    expect(text(select('li', sources))).toBe('spokesman for the operator 1 quotation in 1 document');
    expect(selectAll('.people-list a', index).map(text)).not.toContain('spokesman for the operator');
    const article = await readPage(site.dist, 'articles/ferry-fares-to-rise-in-spring/');
    expect(select('q.quote', article)!.properties).toMatchObject({ dataSource: 'a spokesman for the operator' });
    expect(select('q.quote', article)!.properties.dataSpeaker).toBeUndefined();
  });

  test('Pelican metadata lines and a scraper header are metadata, never text', async () => {
    const pelican = await readPage(site.dist, 'articles/harbour-reopens/');
    expect(text(select('.prose', pelican))).not.toMatch(/Title:|Category:|Src:/);
    expect(selectAll('.tags a', pelican).map(text)).toEqual(['harbour', 'weather']);
    const scraped = await readPage(site.dist, 'articles/library-extends-its-opening-hours/');
    expect(text(select('.prose', scraped))).not.toMatch(/Author:|Publish Date|Content:/);
    expect(text(select('.prose', scraped))).toMatch(/^RIVERTON: The town library/);
  });
});
