import { describe, expect, test } from 'vitest';
import { mergedIndexes, primaryLanguage, type PagefindEntry } from './languages.ts';

const entry: PagefindEntry = { languages: { en: { page_count: 7 }, ko: { page_count: 900 }, 'zh-tw': { page_count: 2 } } };

describe('primaryLanguage', () => {
  test.each([
    { page: 'en', expected: 'en' },
    { page: 'EN', expected: 'en' },
    { page: 'en-GB', expected: 'en' },
    { page: 'zh-TW', expected: 'zh-tw' },
    // A page language with no index of its own searches the largest one, as Pagefind does.
    { page: 'fr', expected: 'ko' },
  ])('picks $expected for a page in $page', ({ page, expected }) => {
    expect(primaryLanguage(entry, page)).toBe(expected);
  });
});

describe('mergedIndexes', () => {
  test('merges every other language, from the same bundle under a path Pagefind does not skip', () => {
    expect(mergedIndexes(entry, 'ko', '/docs/pagefind/')).toEqual([
      { bundlePath: '/docs/pagefind/./', language: 'en' },
      { bundlePath: '/docs/pagefind/./', language: 'zh-tw' },
    ]);
    expect(mergedIndexes(entry, 'en', '/pagefind')).toEqual([
      { bundlePath: '/pagefind/./', language: 'ko' },
      { bundlePath: '/pagefind/./', language: 'zh-tw' },
    ]);
  });

  test('merges nothing on a one-language site', () => {
    expect(mergedIndexes({ languages: { en: { page_count: 3 } } }, 'en', '/pagefind/')).toEqual([]);
  });
});
