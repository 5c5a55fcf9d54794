/** One page of a long list, and where its neighbours are. */
export interface PageOf<T> {
  items: T[];
  /** 1-based. */
  current: number;
  /** Number of pages, at least 1. */
  last: number;
  /** Number of items over all pages. */
  total: number;
}

/**
 * Splits a list into pages of `size`: every page that lists documents,
 * quotations or people stays bounded however large the archive grows. An
 * empty list still has one (empty) page.
 */
export function paginate<T>(items: readonly T[], size: number): PageOf<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Expected a page size of at least 1, found ${size}`);
  const last = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: last }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    current: index + 1,
    last,
    total: items.length,
  }));
}

/** Path of page `n` of a list whose first page is at `path` (`sections/news` → `sections/news/page/2`). */
export function pagePath(path: string, n: number): string {
  const clean = path.replace(/\/+$/, '');
  if (n <= 1) return clean;
  return clean === '' ? `page/${n}` : `${clean}/page/${n}`;
}
