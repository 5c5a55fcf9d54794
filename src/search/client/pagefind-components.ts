/**
 * The parts of Pagefind's Component UI (`pagefind-component-ui.js`, written
 * into the bundle by Pagefind 1.6) that the search dialog uses. The script
 * has no type declarations of its own; these follow its documented API
 * (https://pagefind.app/docs/components/) and the bundled source.
 */

export interface PagefindComponents {
  configureInstance(name: string, options: InstanceOptions): Instance;
  getInstanceManager(): { getInstance(name?: string): Instance };
}

export interface InstanceOptions {
  bundlePath: string;
  mergeIndex?: ({ bundlePath: string; language: string } & IndexOptions)[];
  highlightParam?: string;
  excerptLength?: number;
}

export type IndexOptions = Pick<InstanceOptions, 'highlightParam' | 'excerptLength'>;

export interface Instance {
  searchTerm: string;
  /** Sort of the next searches (`{ date: 'desc' }`); `<pagefind-config sort>` sets it. */
  searchSort: Record<string, 'asc' | 'desc'>;
  on(event: 'results', callback: (searchResult: SearchResult) => void, owner?: object): void;
  on(event: 'error', callback: (error: { message?: string }) => void, owner?: object): void;
  triggerSearch(term: string): void;
  triggerLoad(): Promise<void>;
  setLanguage(language: string): void;
  setTranslations(strings: Record<string, string>): void;
  getDisplaySubResults(data: ResultData, max: number): SubResult[];
}

export interface SearchResult {
  results: RawResult[];
}

export interface RawResult {
  /** Page id, prefixed with its index's language (`ko_726b2d7`). */
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: SubResult[];
  /** Added by the dialog: the language of the page's index. */
  language?: string;
}

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}

/** `<pagefind-results>`: its template property renders each result. */
export interface ResultsElement extends HTMLElement {
  resultTemplate: ((data: ResultData) => Element) | null;
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}
