import { describe, expect, test } from 'vitest';
import { pagePath, paginate } from './paginate.ts';

describe('paginate', () => {
  test('cuts a list into pages of the given size, the last one shorter', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.current, page.last, page.total])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
  });

  test('an empty list still has one empty page', () => {
    expect(paginate([], 20)).toEqual([{ items: [], current: 1, last: 1, total: 0 }]);
  });

  test('refuses a page size that would never end', () => {
    expect(() => paginate([1], 0)).toThrowErrorMatchingInlineSnapshot(`[RangeError: Expected a page size of at least 1, found 0]`);
  });
});

describe('pagePath', () => {
  test.each([
    { path: 'sections/news', n: 1, expected: 'sections/news' },
    { path: 'sections/news/', n: 2, expected: 'sections/news/page/2' },
    { path: '', n: 1, expected: '' },
    { path: '', n: 3, expected: 'page/3' },
  ])('page $n of "$path" is at "$expected"', ({ path, n, expected }) => {
    expect(pagePath(path, n)).toBe(expected);
  });
});
