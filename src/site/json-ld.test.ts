import { describe, expect, test } from 'vitest';
import { articleNode, breadcrumbList, serializeJsonLd } from './json-ld.ts';

const facts = {
  title: 'Title',
  description: 'Lead',
  url: 'https://example.org/articles/title/',
  language: 'en',
  section: 'Source / Economy',
  wordCount: 120,
  site: { name: 'Dossier', url: 'https://example.org/' },
};

describe('articleNode', () => {
  test('is a NewsArticle when the document has a date, with its dates and author', () => {
    expect(articleNode({ ...facts, published: '2026-01-08T20:28:00', byline: 'Jane Doe' })).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2026-01-08T20:28:00',
      dateModified: '2026-01-08T20:28:00',
      author: { '@type': 'Person', name: 'Jane Doe' },
    });
  });

  test('is an Article without one, and claims no date', () => {
    const node = articleNode(facts);
    expect(node['@type']).toBe('Article');
    expect(node).not.toHaveProperty('datePublished');
    expect(node).not.toHaveProperty('author');
  });
});

test('breadcrumbList numbers its items from 1', () => {
  expect(
    breadcrumbList([
      { name: 'Home', url: 'https://example.org/' },
      { name: 'News', url: 'https://example.org/sections/news/' },
    ]),
  ).toEqual({
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: 'News', item: 'https://example.org/sections/news/' },
    ],
  });
});

test('serializeJsonLd cannot close its script element, and parses back to the same data', () => {
  const node = articleNode({ ...facts, title: '</script><script>alert(1)</script>\u2028' });
  const json = serializeJsonLd([node]);
  expect(json).not.toMatch(/<|\u2028/);
  expect(JSON.parse(json)).toEqual({ '@context': 'https://schema.org', '@graph': [node] });
});
