import { describe, expect, test } from 'vitest';
import { UI_LANGUAGES, uiLanguage, uiStrings } from './index.ts';

describe('the interface in each language', () => {
  test('English, Korean, Chinese and Japanese are there, each a file of locales/', () => {
    expect(UI_LANGUAGES).toEqual(expect.arrayContaining(['en', 'ja', 'ko', 'zh']));
  });

  test.each([
    ['en', 1, '1 section', '1 document'],
    ['en', 2, '2 sections', '2 documents'],
    ['en', 1815, '1,815 sections', '1,815 documents'],
  ])('English plurals: %s %d', (language, count, sections, documents) => {
    const t = uiStrings(language);
    expect(t.homeLede(count, count, 0)).toBe(`${documents} in ${sections}.`);
    expect(t.documents(count)).toBe(documents);
  });

  test('the home page of a one-section site no longer reads "1 sections"', () => {
    expect(uiStrings('en').homeLede(815, 1, 1)).toBe('815 documents in 1 section, quoting 1 person.');
  });

  test.each([
    ['ko', '분류 1개에 문서 2개, 인용된 사람 3명.', '문서 1,815개'],
    ['zh', '1 个栏目，2 篇文档，引用 3 人。', '1,815 篇文档'],
    ['ja', '1セクション、2件の文書、引用された人3人。', '1,815件の文書'],
  ])('%s: counts without English plurals', (language, lede, documents) => {
    const t = uiStrings(language);
    expect(t.homeLede(2, 1, 3)).toBe(lede);
    expect(t.documents(1815)).toBe(documents);
  });

  test('a regional tag falls back to its language, an unknown one to English', () => {
    expect(uiStrings('ko-KR').search).toBe('검색');
    expect(uiLanguage('ko-KR')).toBe('ko');
    expect(uiStrings('fr').search).toBe('Search');
    expect(uiLanguage('fr')).toBe('en');
  });
});
