import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { NavigationEntry } from '../content/navigation.ts';
import { readNavigationManifest } from '../content/navigation-manifest.ts';
import { currentPartition, ownsPath } from './partition.ts';
import { pagePath } from './paginate.ts';
import { buildArchive, type Archive } from './archive.ts';
import { collectPeople, collectUnnamedSources, continuation, personPages, type Person, type UnnamedSource } from './people.ts';
import { nameKey } from '../utils/name-key.ts';
import { relatedEntries } from './related.ts';
import {
  buildSectionTree,
  sectionKey,
  sectionName as baseSectionName,
  sectionPath,
  type SectionDetails,
  type SectionTree,
} from './sections.ts';
import { collectTags, type Tag } from './tags.ts';
import { entriesDir, LIMITS, SITE } from '../config.ts';
import { t } from './ui.ts';
import { shellSignature } from './page-cache-key.ts';
import { compareStrings } from '../utils/compare-strings.ts';

export { sectionPath } from './sections.ts';

/** `Source / Economy`; the section of documents that have none is named in the site's language. */
export function sectionName(section: readonly string[]): string {
  return baseSectionName(section, t.unsorted);
}

/** A document as lists, sidebars and people's pages show it (navigation.ts). */
export type Entry = NavigationEntry;
/** A document whole, as its own page shows it. */
export type Article = CollectionEntry<'entries'>;

const shown = (entry: Entry): boolean => !(entry.data.draft && import.meta.env.PROD);

let articles: Promise<Article[]> | undefined;
/** The documents this build renders pages for, whole and in site order: every one, or its partition's. */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('entries', shown).then((entries) => entries.sort(compareEntries));
  return articles;
}

/**
 * Every document of the site: newest first; undated documents after dated ones, by title (a section
 * orders its own documents by their `order` first: sections.ts). Drafts only in `npm run dev`. Loaded
 * once per build. Built in partitions, the other partitions' documents come from the navigation
 * manifest, without their quotations' words.
 */
let cache: Promise<Entry[]> | undefined;
export function getEntries(): Promise<Entry[]> {
  cache ??= (async () => {
    const own: Entry[] = await getArticles();
    const partition = currentPartition();
    if (!partition) return own;
    const others = await readNavigationManifest(
      entriesDir(),
      (id) => !partition.ownsArticle(id),
      () => false,
    );
    return [...own, ...others.map(({ id, data }) => ({ id, data })).filter(shown)].sort(compareEntries);
  })();
  return cache;
}

// Natural order: `Part 2` before `Part 10`.
const TITLES = new Intl.Collator('en', { numeric: true });

/** Site order; documents of one date and title by id, so that the order never depends on how they were loaded. */
export function compareEntries(a: Entry, b: Entry): number {
  const byDate = (b.data.published ?? '').localeCompare(a.data.published ?? '');
  if (byDate !== 0) return byDate;
  return TITLES.compare(a.data.title, b.data.title) || compareStrings(a.id, b.id);
}

/** What the folders say of their sections, by section path. */
async function sectionDetails(): Promise<Map<string, SectionDetails>> {
  const sections = (await getEntry('ingestData', 'sections'))?.data.sections ?? [];
  return new Map(sections.map((section) => [sectionKey(section.section), section]));
}

// Every page reads these (the sidebar, above all), so each is computed once
// per build, in one pass over the documents, and shared.
let tree: Promise<SectionTree<Entry>> | undefined;
export function getSectionTree(): Promise<SectionTree<Entry>> {
  tree ??= Promise.all([getEntries(), sectionDetails()]).then(([entries, details]) =>
    buildSectionTree(entries, SITE.sectionOrder, details, t.unsorted),
  );
  return tree;
}

let people: Promise<Person<Entry>[]> | undefined;
export function getPeople(): Promise<Person<Entry>[]> {
  people ??= getEntries().then(async (entries) => {
    const all = collectPeople(entries);
    if (!currentPartition()) return all;
    // Built in partitions, the words of other partitions' documents are read for this one's people's pages only.
    const words = await quotationWords(all);
    if (words.size === 0) return all;
    for (const entry of entries) {
      const mine = words.get(entry.id);
      if (mine) for (const [index, quotation] of entry.data.quotations.entries()) if (mine.has(index)) quotation.text = mine.get(index)!;
    }
    // The quotes hold the quotations just filled in; the paragraphs that continue them were copied before.
    for (const person of all) {
      for (const quote of person.quotes) {
        if (quote.more.length > 0 && words.has(quote.document.id))
          quote.more = continuation(quote.document.data.quotations, quote.quotation);
      }
    }
    return all;
  });
  return people;
}

/**
 * The words this partition lacks of the quotations on its own people's pages (and of those that
 * continue them over paragraph breaks): entry id → quotation index → text.
 */
async function quotationWords(all: Person<Entry>[]): Promise<Map<string, Map<number, string>>> {
  const wanted = new Map<string, Set<number>>();
  for (const person of all) {
    for (const page of personPages(person, LIMITS.quotesPerDocument, LIMITS.quotesPage)) {
      if (!ownsPath('people', [pagePath(person.slug, page.current)])) continue;
      for (const { quotation, document } of page.items) {
        if (quotation.text !== '') continue;
        const quotations = document.data.quotations;
        const indexes = wanted.get(document.id) ?? new Set<number>();
        const first = quotations.indexOf(quotation);
        indexes.add(first);
        for (let index = first + 1; quotations[index]?.continued; index++) indexes.add(index);
        wanted.set(document.id, indexes);
      }
    }
  }
  const words = new Map<string, Map<number, string>>();
  if (wanted.size === 0) return words;
  const lines = await readNavigationManifest(
    entriesDir(),
    (id) => wanted.has(id),
    (id, index) => wanted.get(id)!.has(index),
  );
  for (const { id, data } of lines) {
    words.set(id, new Map([...wanted.get(id)!].map((index) => [index, data.quotations[index]?.text ?? ''])));
  }
  return words;
}

let personSlugs: Promise<Map<string, string>> | undefined;
/** A person's page, by any spelling of their name (`nameKey`): an article links to the site's one page for them. */
export function getPersonSlugs(): Promise<Map<string, string>> {
  personSlugs ??= getPeople().then((all) => new Map(all.map((person) => [nameKey(person.name), person.slug])));
  return personSlugs;
}

let unnamedSources: Promise<UnnamedSource[]> | undefined;
export function getUnnamedSources(): Promise<UnnamedSource[]> {
  unnamedSources ??= getEntries().then(collectUnnamedSources);
  return unnamedSources;
}

let updates: Promise<Map<string, string>> | undefined;
/** Entry id → when its document was last updated: as it states, or its last commit. */
export function getLastUpdated(): Promise<Map<string, string>> {
  updates ??= (async () => new Map(Object.entries((await getEntry('ingestData', 'last-updated'))?.data.dates ?? {})))();
  return updates;
}

let tags: Promise<Tag<Entry>[]> | undefined;
export function getTags(): Promise<Tag<Entry>[]> {
  tags ??= getEntries().then(collectTags);
  return tags;
}

/** Whether any document has a tag: the sidebar links to the tags, and search filters by them. */
export async function hasTags(): Promise<boolean> {
  return (await getTags()).length > 0;
}

let shell: Promise<string> | undefined;
/**
 * What every page's shell shows of the whole site (the sidebar's sections, whether it links to the
 * tags), as one digest: part of each cached page's key (page-cache-key.ts), the same for every route.
 */
export function getShellSignature(): Promise<string> {
  shell ??= Promise.all([getSectionTree(), hasTags()]).then(([sections, tagged]) => shellSignature(sections, { site: SITE, tags: tagged }));
  return shell;
}

let related: Promise<Map<string, Entry[]>> | undefined;
/** Up to five documents related to each of this build's own, by shared tags, people quoted and section. */
export function getRelated(): Promise<Map<string, Entry[]>> {
  related ??= Promise.all([getEntries(), getPeople()]).then(([entries, people]) => {
    const partition = currentPartition();
    return relatedEntries(entries, people, partition && ((entry) => partition.ownsArticle(entry.id)));
  });
  return related;
}

let archive: Promise<Archive<Entry>> | undefined;
export function getArchive(): Promise<Archive<Entry>> {
  archive ??= getEntries().then(buildArchive);
  return archive;
}

/** Path of a site page under the base path, always with a trailing slash. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const clean = path.replace(/^\/+/, '');
  return clean === '' ? base : `${base}${clean.replace(/\/?$/, '/')}`;
}

/** Path of a file (not a page) under the base path: `rss.xml`, `favicon.svg`. */
export function fileHref(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path.replace(/^\/+/, '')}`;
}

/** Absolute URL of a site path, for feeds, canonical links and structured data. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'https://example.org').href;
}

export function articleHref(article: Entry): string {
  return href(`articles/${article.id}`);
}

export function sectionHref(section: readonly string[]): string {
  return href(`sections/${sectionPath(section)}`);
}

export function personHref(slug: string): string {
  return href(`people/${slug}`);
}

export function tagHref(slug: string): string {
  return href(`tags/${slug}`);
}
