import { DATE_ORDER_FILE, idLanguage, sortNewestFirst, type DateOrder } from '../date-order.ts';
import { composeHighlightWords } from './highlight-url.ts';
import { mergedIndexes, type PagefindEntry } from './languages.ts';
import type { Instance, ResultData, ResultsElement } from './pagefind-components.ts';
import { renderResult } from './render-result.ts';

/**
 * Loaded on the first opening of the search dialog, never before: Pagefind's
 * Component UI (from the search bundle, so it always matches the index),
 * wired to every language index of the site, with result rendering, the
 * date sort and the site's words.
 */

export interface SearchUiOptions {
  /** The dialog with its `<template data-part>` parts and `.search-input-slot`. */
  dialog: HTMLDialogElement;
  /** Pagefind bundle path, under the site's base path (`/docs/pagefind/`). */
  bundlePath: string;
  /** Query parameter that carries the searched words to the result page. */
  highlightParam: string;
  /** Language of the site's own words: the dialog speaks it on every page. */
  uiLanguage: string;
  /** The dialog's own words, in that language. */
  words: { searchTheDocuments: string; close: string; matchingSections: string };
}

const EXCERPT_LENGTH = 24;
const MAX_SUB_RESULTS = 3;

export async function startSearchUi({ dialog, bundlePath, highlightParam, uiLanguage, words }: SearchUiOptions): Promise<Instance> {
  const stylesheet = loadStylesheet(`${bundlePath}pagefind-component-ui.css`);
  const [, entry] = await Promise.all([
    import(/* @vite-ignore */ `${bundlePath}pagefind-component-ui.js`),
    fetchJson<PagefindEntry>(`${bundlePath}pagefind-entry.json`),
  ]);
  const components = window.PagefindComponents;
  if (!components) throw new Error(`${bundlePath}pagefind-component-ui.js did not define window.PagefindComponents`);

  const indexOptions = { highlightParam, excerptLength: EXCERPT_LENGTH };
  const merged = mergedIndexes(entry, document.documentElement.lang || 'unknown', bundlePath);
  // Configured before any <pagefind-*> element connects: the first one to connect creates the instance.
  const instance = components.configureInstance('default', {
    bundlePath,
    mergeIndex: merged.map((index) => ({ ...index, ...indexOptions })),
    ...indexOptions,
  });
  instance.setLanguage(uiLanguage);
  instance.setTranslations({
    placeholder: words.searchTheDocuments,
    search_label: words.searchTheDocuments,
    // In this dialog Escape closes it (keeping the query), so the hint says so.
    keyboard_clear: words.close.toLocaleLowerCase(uiLanguage),
  });

  const dateOrder = merged.length > 0 ? lazy(() => fetchJson<DateOrder>(`${bundlePath}${DATE_ORDER_FILE}`)) : undefined;
  let order: DateOrder | undefined;
  // Registered before <pagefind-results> connects, so it sees the results first.
  instance.on(
    'results',
    (searchResult) => {
      if (order && instance.searchSort.date) sortNewestFirst(searchResult.results, order);
      for (const result of searchResult.results) {
        const data = result.data.bind(result);
        const language = idLanguage(result.id);
        result.data = async () => {
          const loaded = await data();
          return {
            ...loaded,
            language,
            url: composeHighlightWords(loaded.url, highlightParam),
            sub_results: loaded.sub_results.map((sub) => ({ ...sub, url: composeHighlightWords(sub.url, highlightParam) })),
          };
        };
      }
    },
    startSearchUi,
  );

  await stylesheet;
  stampParts(dialog);

  // Pagefind's filter lists are comboboxes named by their label only once a value is picked.
  for (const dropdown of dialog.querySelectorAll('pagefind-filter-dropdown')) {
    const trigger = dropdown.querySelector<HTMLElement>('.pf-dropdown-trigger');
    if (!trigger?.id) continue;
    const label = Object.assign(document.createElement('label'), { htmlFor: trigger.id, className: 'search-visually-hidden' });
    label.textContent = dropdown.getAttribute('label');
    dropdown.before(label);
  }

  const results = dialog.querySelector<ResultsElement>('pagefind-results')!;
  results.resultTemplate = (data: ResultData) =>
    renderResult(data, instance.getDisplaySubResults(data, MAX_SUB_RESULTS), uiLanguage, words.matchingSections);

  const sort = dialog.querySelector<HTMLSelectElement>('select[data-sort]')!;
  sort.addEventListener('change', async () => {
    const byDate = sort.value === 'date';
    if (byDate && dateOrder) order = await dateOrder().catch(() => undefined);
    instance.searchSort = byDate ? { date: 'desc' } : {};
    if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
  });

  void instance.triggerLoad();
  return instance;
}

/**
 * Puts the Pagefind elements in place. The text typed into the plain input
 * while the UI loaded moves into Pagefind's input, and is searched.
 */
function stampParts(dialog: HTMLDialogElement): void {
  const early = dialog.querySelector<HTMLInputElement>('.search-early-input');
  const typed = early?.value ?? '';
  const focusInput = document.activeElement === early || document.activeElement === dialog || document.activeElement === document.body;
  for (const template of dialog.querySelectorAll<HTMLTemplateElement>('template[data-part]')) {
    const target = dialog.querySelector(`[data-slot="${template.dataset.part}"]`)!;
    target.replaceChildren(template.content.cloneNode(true));
  }
  const input = dialog.querySelector<HTMLInputElement>('pagefind-input input')!;
  if (focusInput && dialog.open) input.focus();
  if (typed) {
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`Could not load ${href}`)));
    document.head.append(link);
  });
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
  return (await response.json()) as T;
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () =>
    (promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    }));
}
