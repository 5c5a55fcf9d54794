import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeCbor } from '../../src/search/build/cbor.ts';
import { pagefindPayload, readFilter, readFragment, readMeta } from '../../src/search/build/pagefind-format.ts';

/**
 * What a Pagefind bundle says, with pages named by URL rather than by number
 * or id: two bundles that index the same pages the same way read the same,
 * whatever order their pages are numbered in.
 */
export interface IndexContents {
  /** Per language. */
  languages: Record<string, LanguageContents>;
  /** Files in `index/`, `filter/` and `fragment/` that no metadata names. */
  orphans: string[];
}

export interface LanguageContents {
  /** URL → word count. */
  pages: Record<string, number>;
  /** Word → its postings (`url locations meta-locations`, meta fields by name) and its variants'. */
  words: Record<string, string[]>;
  /** `filter=value` → URLs. */
  filters: Record<string, string[]>;
  /** Sort key → the sort values of its pages, in its order (pages of equal value may be in any order). */
  sorts: Record<string, string[]>;
  metaFields: string[];
}

export async function readIndex(bundle: string, sortValue: (key: string, url: string) => string): Promise<IndexContents> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const named = new Set<string>();
  const languages: Record<string, LanguageContents> = {};
  for (const [language, { hash, page_count }] of Object.entries(entry.languages)) {
    const meta = readMeta(pagefindPayload(await readFile(join(bundle, `pagefind.${hash}.pf_meta`))));
    if (meta.pages.length !== page_count) throw new Error(`${language}: ${meta.pages.length} pages, but the entry says ${page_count}`);
    const urls: string[] = [];
    const pages: Record<string, number> = {};
    for (const page of meta.pages) {
      named.add(`fragment/${page.hash}.pf_fragment`);
      const { url } = readFragment(pagefindPayload(await readFile(join(bundle, 'fragment', `${page.hash}.pf_fragment`))));
      urls.push(url);
      pages[url] = page.wordCount;
    }
    const postings = (list: [number, number[], number[]?][]): string[] => {
      let page = 0;
      return list.map(([delta, locations, metaLocations = []]) => {
        page += delta;
        const fields = metaLocations.map((value) => (value < 0 ? `[${meta.metaFields[-value - 1]}]` : String(value)));
        return `${urls[page]} ${locations.join(',')} ${fields.join(',')}`;
      });
    };
    const words: Record<string, string[]> = {};
    for (const chunk of meta.chunks) {
      named.add(`index/${chunk.hash}.pf_index`);
      const [list] = decodeCbor(pagefindPayload(await readFile(join(bundle, 'index', `${chunk.hash}.pf_index`)))) as [
        [string, [number, number[], number[]?][], [string, [number, number[], number[]?][]][]][],
      ];
      for (const [word, pages, variants] of list) {
        if (words[word]) throw new Error(`${language}: "${word}" is in two chunks`);
        words[word] = [
          ...postings(pages).sort(),
          ...variants.flatMap(([form, list]) => postings(list).map((posting) => `${form}: ${posting}`)).sort(),
        ];
      }
    }
    const filters: Record<string, string[]> = {};
    for (const { hash: filterHash } of meta.filters) {
      named.add(`filter/${filterHash}.pf_filter`);
      const filter = readFilter(pagefindPayload(await readFile(join(bundle, 'filter', `${filterHash}.pf_filter`))));
      for (const { value, pages: list } of filter.values) filters[`${filter.name}=${value}`] = list.map((page) => urls[page]!).sort();
    }
    const sorts = Object.fromEntries(meta.sorts.map(({ key, pages: list }) => [key, list.map((page) => sortValue(key, urls[page]!))]));
    languages[language] = { pages, words, filters, sorts, metaFields: meta.metaFields };
  }
  const orphans: string[] = [];
  for (const folder of ['index', 'filter', 'fragment']) {
    for (const file of await readdir(join(bundle, folder))) if (!named.has(`${folder}/${file}`)) orphans.push(`${folder}/${file}`);
  }
  return { languages, orphans };
}
