import { describe, expect, test } from 'vitest';
import { mergeSitemaps } from './merge-sitemaps.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
const url = (path: string): string => `<url><loc>https://example.org/docs/${path}</loc></url>`;
const index = (...chunks: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${chunks
    .map((chunk) => `<sitemap><loc>https://example.org/docs/${chunk}</loc></sitemap>`)
    .join('')}</sitemapindex>`;

describe('mergeSitemaps', () => {
  test('unites the partitions’ URLs once each, in natural order, as one whole build lists them', () => {
    const merged = mergeSitemaps([
      { index: index('sitemap-0.xml'), chunks: [`${HEAD}${url('')}${url('articles/b/')}${url('people/ada/10/')}</urlset>`] },
      { index: index('sitemap-0.xml'), chunks: [`${HEAD}${url('')}${url('articles/a/')}${url('people/ada/2/')}</urlset>`] },
    ]);
    expect([...merged.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(merged.get('sitemap-0.xml')).toBe(
      `${HEAD}${url('')}${url('articles/a/')}${url('articles/b/')}${url('people/ada/2/')}${url('people/ada/10/')}</urlset>`,
    );
    expect(merged.get('sitemap-index.xml')).toBe(index('sitemap-0.xml'));
  });

  test('cuts more than 45,000 URLs into files of 45,000, each named in the index', () => {
    const paths = Array.from({ length: 50_000 }, (_, n) => `articles/a-${n}/`);
    const merged = mergeSitemaps([
      { index: index('sitemap-0.xml'), chunks: [`${HEAD}${paths.slice(0, 30_000).map(url).join('')}</urlset>`] },
      { index: index('sitemap-0.xml'), chunks: [`${HEAD}${paths.slice(30_000).map(url).join('')}</urlset>`] },
    ]);
    expect([...merged.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    expect(merged.get('sitemap-0.xml')!.match(/<url>/g)).toHaveLength(45_000);
    expect(merged.get('sitemap-1.xml')!.match(/<url>/g)).toHaveLength(5_000);
    expect(merged.get('sitemap-1.xml')).toContain(url('articles/a-49999/'));
    expect(merged.get('sitemap-index.xml')).toBe(index('sitemap-0.xml', 'sitemap-1.xml'));
  });

  test('keeps what each URL carries besides its address', () => {
    const dated = '<url><loc>https://example.org/docs/articles/a/</loc><lastmod>2026-01-02</lastmod></url>';
    const merged = mergeSitemaps([
      { index: index('sitemap-0.xml'), chunks: [`${HEAD}${dated}</urlset>`] },
      { index: '', chunks: [] },
    ]);
    expect(merged.get('sitemap-0.xml')).toBe(`${HEAD}${dated}</urlset>`);
  });
});
