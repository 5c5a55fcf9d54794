import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { EntryFrontmatter } from '../src/content/entry-schema.ts';
import { readEntriesBySource } from './helpers/entries.ts';
import { readPage } from './helpers/html.ts';

const site = inject('fixtureSite');
const FIXTURES = join(import.meta.dirname, 'fixtures/site');
let entries: Map<string, EntryFrontmatter>;

beforeAll(async () => {
  entries = await readEntriesBySource(site.entries);
});

function articlePath(source: string): string {
  const entry = entries.get(source);
  if (!entry) throw new Error(`No entry for ${source}`);
  return `articles/${entry.slug}/`;
}

/** Body lines of a plain-text fixture, as the reader should see them. */
function lines(source: string): string[] {
  return readFileSync(join(FIXTURES, source), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('the fixture site build', () => {
  test('ingests every document, nested folders and odd file names included', () => {
    expect([...entries.keys()].sort()).toEqual([
      'archive (old) & more/notes.md',
      'archive (old) & more/개벽 사설.txt',
      'news/hostile.txt',
      'news/seed-economy.txt',
      'news/technology-robots.txt',
    ]);
    expect(site.build.stdout).toMatch(/Ingested 5 documents from .*: 5 written, 0 unchanged, 0 removed; 0 errors/);
  });

  test('the seed page shows section, title, date, caption with credit, and every paragraph verbatim', async () => {
    const page = await readPage(site.dist, articlePath('news/seed-economy.txt'));
    const article = select('article', page)!;
    const [, title, published, caption, , ...body] = lines('news/seed-economy.txt');
    expect(selectAll('.breadcrumb li', article).map((li) => toString(li))).toEqual(['Home', 'Source', 'Economy']);
    expect(toString(select('h1', article)!)).toBe(title);
    expect(select('time', article)?.properties.dateTime).toBe('2026-01-08T20:28:00');
    expect(published).toBe('Published: Jan 08, 2026 08:28 PM');
    const figcaption = toString(select('figcaption', article)!);
    expect(figcaption).toContain('A delegation of South Korean government visits Shanghai Fourier Intelligence Co on January 6, 2026.');
    expect(figcaption).toContain('Courtesy of KIC China');
    expect(caption).toContain(figcaption.slice(0, 40));
    expect(selectAll('.prose p', article).map((p) => toString(p))).toEqual(body);
  });

  test('hostile text reaches the page as text: no element, script or link comes from it', async () => {
    const page = await readPage(site.dist, articlePath('news/hostile.txt'));
    const article = select('article', page)!;
    const [, title, , ...body] = lines('news/hostile.txt');
    expect(toString(select('h1', article)!)).toBe(title);
    expect(selectAll('.prose p', article).map((p) => toString(p))).toEqual(body);
    // Paragraphs, and the quotations the ingest marked: nothing else.
    expect(new Set(selectAll('.prose *', article).map((node) => node.tagName))).toEqual(new Set(['p', 'q']));
    // The site's own scripts only: none carries the document's code, and JSON-LD stays data.
    for (const script of selectAll('script', page)) {
      const type = String(script.properties.type ?? '');
      if (type === 'application/ld+json') expect(() => JSON.parse(toString(script))).not.toThrow();
      else expect(toString(script)).not.toMatch(/__pwned|alert\(/);
    }
  });

  test('a Markdown document keeps its Markdown, but its raw HTML and javascript: links become text', async () => {
    const page = await readPage(site.dist, articlePath('archive (old) & more/notes.md'));
    const prose = select('.prose', page)!;
    expect(toString(select('h1', page)!)).toBe('Field notes in Markdown');
    expect(select('strong', prose) && toString(select('strong', prose)!)).toBe('emphasis');
    expect(select('h2', prose)?.properties.id).toBe('raw-html-is-shown-never-run');
    // The document's own links (the link after each heading is the site's, tested in site-build).
    expect(selectAll('a:not(.heading-link)', prose).map((a) => a.properties.href)).toEqual(['https://example.org']);
    expect(toString(prose)).toContain('<script>window.__pwned = true</script>');
    expect(toString(prose)).toContain('<img src=x onerror="window.__pwned = true">');
    expect(selectAll('script, img', prose)).toEqual([]);
  });

  test('each page declares its language, and search indexes each language', async () => {
    const korean = await readPage(site.dist, articlePath('archive (old) & more/개벽 사설.txt'));
    expect(select('html', korean)?.properties.lang).toBe('ko');
    const seed = await readPage(site.dist, articlePath('news/seed-economy.txt'));
    expect(select('html', seed)?.properties.lang).toBe('en');
    expect(existsSync(join(site.dist, 'pagefind/pagefind.js'))).toBe(true);
    const meta = JSON.parse(readFileSync(join(site.dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // Four English documents, and the hand-written About page.
    expect(meta.languages.en?.page_count).toBe(5);
    expect(meta.languages.ko?.page_count).toBe(1);
  });

  test('the home page lists every document, newest first', async () => {
    const home = await readPage(site.dist, '');
    const titles = selectAll('.article-list-title', home).map((h) => toString(h));
    expect(titles.slice(0, 3)).toEqual([
      'Robot makers open labs to visiting engineers',
      lines('news/hostile.txt')[1],
      lines('news/seed-economy.txt')[1],
    ]);
    expect(titles).toHaveLength(5);
  });
});
