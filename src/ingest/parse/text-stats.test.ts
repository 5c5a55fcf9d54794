import { describe, expect, test } from 'vitest';
import { countWords, readingMinutes, summarize } from './text-stats.ts';

describe('countWords', () => {
  test.each([
    { text: 'Lee Whan-chul said it’s 2026, and 200 people came.', words: 9, cjkCharacters: 0 },
    { text: '우리 社會는 只今 새로운 文化를', words: 4, cjkCharacters: 6 },
    { text: '上海今年的经济增长', words: 0, cjkCharacters: 9 },
    { text: 'カタカナ と ひらがな', words: 0, cjkCharacters: 9 },
    { text: '  \n ', words: 0, cjkCharacters: 0 },
  ])('$text', ({ text, words, cjkCharacters }) => {
    expect(countWords(text)).toEqual({ words, cjkCharacters });
  });
});

test('reading time is at least a minute, and adds CJK characters at their own pace', () => {
  expect(readingMinutes({ words: 10, cjkCharacters: 0 })).toBe(1);
  expect(readingMinutes({ words: 1000, cjkCharacters: 0 })).toBe(5);
  expect(readingMinutes({ words: 0, cjkCharacters: 2000 })).toBe(5);
});

test('summarize cuts a long lead on a word boundary', () => {
  const lead = 'word '.repeat(100);
  const summary = summarize(lead);
  expect(summary.endsWith('word…')).toBe(true);
  expect(Array.from(summary).length).toBeLessThanOrEqual(201);
  expect(summarize('  Short   lead.  ')).toBe('Short lead.');
});
