/**
 * Sort key of a document without a date. Pagefind sorts keys as text, so
 * `0000` comes after every ISO date when results are listed newest first.
 */
export const UNDATED_SORT_KEY = '0000';

/** What search knows about a document besides its words. */
export interface SearchFacets {
  /** Section filter value, as the results show it (`News / Economy`). */
  section: string;
  /** Year filter value (`2026`), for dated documents. */
  year?: string;
  /** The ISO date or date-time the results show, for dated documents. */
  published?: string;
  /** Key of the date sort: the ISO date, or {@link UNDATED_SORT_KEY}. */
  sortKey: string;
}

/**
 * A document's section and date → the filters and sort key search needs.
 * Pure, so the page and its tests agree on every value.
 */
export function searchFacets({ section, published }: { section: string; published?: string }): SearchFacets {
  if (!published) return { section, sortKey: UNDATED_SORT_KEY };
  return { section, year: published.slice(0, 4), published, sortKey: published };
}

/**
 * The `data-pagefind-filter` value that reads the facets from the element's
 * `data-section`, `data-year` and `data-published` attributes.
 */
export function filterAttribute(facets: SearchFacets): string {
  return [
    'section[data-section]',
    ...(facets.year ? ['year[data-year]'] : []),
    ...(facets.published ? ['published[data-published]'] : []),
  ].join(', ');
}
