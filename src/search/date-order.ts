/**
 * Newest-first order across Pagefind's language indexes.
 *
 * Pagefind sorts each language's index on its own and then merges the indexes
 * by score, and a sorted result's score is only its position in its own
 * index: `ko` result 0 and `en` result 0 tie, whatever their dates. So the
 * build writes one site-wide order, and the search UI re-sorts merged results
 * by it when they come from more than one language.
 */

/** File in the Pagefind bundle that holds the site-wide order. */
export const DATE_ORDER_FILE = 'dossier-date-order.json';

export interface DateOrder {
  /** Pagefind page ids (`en_9584d5c`), newest first; undated pages last. */
  newestFirst: string[];
}

export interface DatedPage {
  /** Pagefind's page id, the result's `id`. */
  id: string;
  /** ISO 8601 date or date-time; absent for undated pages. */
  published?: string;
}

/** Pages → the site-wide newest-first order (ties by id, so every build agrees). */
export function dateOrder(pages: readonly DatedPage[]): DateOrder {
  const sorted = [...pages].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));
  return { newestFirst: sorted.map((page) => page.id) };
}

/** Language of a Pagefind page id (`ko_726b2d7` → `ko`). */
export function idLanguage(id: string): string | undefined {
  return /^([^_]+)_[^_]+$/.exec(id)?.[1];
}

/** Results from more than one language index, re-sorted in place by the site-wide order. */
export function sortNewestFirst<T extends { id: string }>(results: T[], order: DateOrder): T[] {
  const languages = new Set(results.map((result) => idLanguage(result.id)));
  if (languages.size < 2) return results;
  const rank = new Map(order.newestFirst.map((id, index) => [id, index]));
  const last = order.newestFirst.length;
  return results.sort((a, b) => (rank.get(a.id) ?? last) - (rank.get(b.id) ?? last));
}
