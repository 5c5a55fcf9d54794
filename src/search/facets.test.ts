import { describe, expect, test } from 'vitest';
import { filterAttribute, searchFacets, UNDATED_SORT_KEY } from './facets.ts';

describe('searchFacets', () => {
  test('a dated document has a year filter, a date and its ISO date as sort key', () => {
    const facets = searchFacets({ section: 'News / Economy', published: '2025-11-12T14:30:00' });
    expect(facets).toEqual({ section: 'News / Economy', year: '2025', published: '2025-11-12T14:30:00', sortKey: '2025-11-12T14:30:00' });
    expect(filterAttribute(facets)).toBe('section[data-section], year[data-year], published[data-published]');
  });

  test('an undated document sorts after every dated one, newest first', () => {
    const facets = searchFacets({ section: 'Unsorted' });
    expect(facets).toEqual({ section: 'Unsorted', sortKey: UNDATED_SORT_KEY });
    expect(filterAttribute(facets)).toBe('section[data-section]');
    expect(['1923-05-01', UNDATED_SORT_KEY, '2026-03-03T09:00:00'].sort().reverse().at(-1)).toBe(UNDATED_SORT_KEY);
  });
});
