import { expect, test } from 'vitest';
import { formatDate } from './format-date.ts';

test.each([
  ['en', '1921-08-01', 'Aug 1, 1921'],
  ['ko', '1921-08-01', '1921년 8월 1일'],
  ['zh', '2026-01-08', '2026年1月8日'],
  ['ja', '2026-01-08', '2026年1月8日'],
])('dates in %s: %s → %s', (language, iso, expected) => {
  expect(formatDate(iso, language)).toBe(expected);
});

test('a date-time keeps the time as written, in no zone', () => {
  expect(formatDate('2026-01-08T20:28:00')).toBe('Jan 8, 2026, 8:28 PM');
});
