import { describe, expect, test } from 'vitest';
import { dateOrder, idLanguage, sortNewestFirst } from './date-order.ts';

describe('dateOrder', () => {
  test('lists pages newest first across languages, undated last, ties by id', () => {
    const order = dateOrder([
      { id: 'en_b', published: '2025-11-12T14:30:00' },
      { id: 'en_undated' },
      { id: 'ko_a', published: '2026-04-01T10:00:00' },
      { id: 'en_a', published: '2025-11-12T14:30:00' },
      { id: 'zh_old', published: '1923-05-01' },
    ]);
    expect(order.newestFirst).toEqual(['ko_a', 'en_a', 'en_b', 'zh_old', 'en_undated']);
  });
});

describe('idLanguage', () => {
  test.each([
    { id: 'en_9584d5c', expected: 'en' },
    { id: 'zh-tw_3f1540e', expected: 'zh-tw' },
    { id: 'unknown_1ac5542', expected: 'unknown' },
    { id: 'nolanguage', expected: undefined },
  ])('$id → $expected', ({ id, expected }) => {
    expect(idLanguage(id)).toBe(expected);
  });
});

describe('sortNewestFirst', () => {
  const order = { newestFirst: ['ko_new', 'en_mid', 'en_old'] };

  test('re-sorts results merged from several language indexes', () => {
    // Pagefind's merge: each index's own position as the score, so `en_mid` came first.
    const results = [{ id: 'en_mid' }, { id: 'ko_new' }, { id: 'en_old' }];
    expect(sortNewestFirst(results, order).map((result) => result.id)).toEqual(['ko_new', 'en_mid', 'en_old']);
  });

  test('leaves results from one index in Pagefind’s own order', () => {
    const results = [{ id: 'en_old' }, { id: 'en_mid' }];
    expect(sortNewestFirst(results, order).map((result) => result.id)).toEqual(['en_old', 'en_mid']);
  });

  test('puts pages missing from the order last', () => {
    const results = [{ id: 'zh_unknown' }, { id: 'en_old' }, { id: 'ko_new' }];
    expect(sortNewestFirst(results, order).map((result) => result.id)).toEqual(['ko_new', 'en_old', 'zh_unknown']);
  });
});
