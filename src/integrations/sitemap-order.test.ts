import { expect, test } from 'vitest';
import { inSitemapOrder } from './sitemap-order.ts';

const sitemapSort = (urls: string[]) => [...urls].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

test('paths come in the order the sitemap sorts their URLs, numbers by value, Korean and capitals included', () => {
  const pathnames = [
    '/sections/a/page/10/',
    '/sections/a/page/2/',
    '/articles/Zebra/',
    '/articles/apple/',
    '/articles/기사/',
    '/',
    '/about/',
    '/articles/a-b/',
    '/articles/ab/',
  ];
  const ordered = inSitemapOrder(pathnames.map((pathname) => ({ pathname }))).map(({ pathname }) => pathname);
  expect(ordered.map((path) => `https://example.org/docs${path}`)).toEqual(
    sitemapSort(pathnames.map((path) => `https://example.org/docs${path}`)),
  );
  expect(ordered.indexOf('/sections/a/page/2/')).toBeLessThan(ordered.indexOf('/sections/a/page/10/'));
});

test('of two routes with one pathname, the first keeps its place before the other', () => {
  const paths = [
    { pathname: '/b/', route: 'first' },
    { pathname: '/a/', route: 'only' },
    { pathname: '/b/', route: 'second' },
  ];
  expect(inSitemapOrder(paths).map(({ route }) => route)).toEqual(['only', 'first', 'second']);
});
