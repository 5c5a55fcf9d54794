import { expect, test } from 'vitest';
import { buildArchive, monthName } from './archive.ts';

test('documents are grouped by the year and month they print, newest first; undated ones apart', () => {
  const doc = (published?: string) => ({ data: { published } });
  const [a, b, c, d, e] = [doc('2026-01-31T23:59:00'), doc('2026-01-01'), doc('2025-12-01T00:00:00'), doc(), doc('2026-03-02T09:15:00')];
  const archive = buildArchive([e!, a!, b!, c!, d!]);
  expect(archive.years.map((year) => [year.year, year.total, year.months.map((month) => [month.month, month.documents])])).toEqual([
    [
      '2026',
      3,
      [
        ['03', [e]],
        ['01', [a, b]],
      ],
    ],
    ['2025', 1, [['12', [c]]]],
  ]);
  expect(archive.undated).toEqual([d]);
});

test('months are named in English', () => {
  expect(['01', '02', '12'].map((month) => monthName(month))).toEqual(['January', 'February', 'December']);
});
