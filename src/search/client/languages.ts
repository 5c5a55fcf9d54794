/**
 * Which of the site's language indexes a page searches.
 *
 * Pagefind builds one index per language (from each page's `<html lang>`) and,
 * in the browser, loads only the index of the page's own language. An archive
 * mixes languages, and a reader on an English page who types a Korean word
 * expects the Korean document: so the UI merges every other language's index
 * into the page's own one.
 */

/** `pagefind-entry.json`, the part the UI reads. */
export interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

export interface MergedIndex {
  /** Bundle path of the merged index. */
  bundlePath: string;
  /** Which of its language indexes to load. */
  language: string;
}

/** The index Pagefind picks for a page language: exact, then primary subtag, then the largest. */
export function primaryLanguage(entry: PagefindEntry, pageLanguage: string): string | undefined {
  const languages = Object.keys(entry.languages);
  const lang = pageLanguage.toLowerCase();
  if (languages.includes(lang)) return lang;
  const primary = lang.split('-')[0]!;
  if (languages.includes(primary)) return primary;
  return languages.sort((a, b) => entry.languages[b]!.page_count - entry.languages[a]!.page_count)[0];
}

/**
 * Every language index besides the page's own one, as `mergeIndex` entries.
 * Pagefind skips a merge whose path starts like the primary bundle's path, so
 * each names the same bundle as `…/pagefind/./`: the browser resolves the dot
 * away when it fetches, and the same files are served.
 */
export function mergedIndexes(entry: PagefindEntry, pageLanguage: string, bundlePath: string): MergedIndex[] {
  const primary = primaryLanguage(entry, pageLanguage);
  const base = bundlePath.endsWith('/') ? bundlePath : `${bundlePath}/`;
  return Object.keys(entry.languages)
    .filter((language) => language !== primary)
    .sort()
    .map((language) => ({ bundlePath: `${base}./`, language }));
}
