import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from './archive.ts';
import { collectPeople, type Person } from './people.ts';
import { buildSectionTree, sectionPath, type SectionTree } from './sections.ts';
import { SITE } from '../config.ts';

export { sectionName, sectionPath } from './sections.ts';

export type Entry = CollectionEntry<'entries'>;

/** Newest first; undated documents after dated ones, by title. Loaded once per build. */
let cache: Promise<Entry[]> | undefined;
export function getEntries(): Promise<Entry[]> {
  cache ??= getCollection('entries').then((entries) => entries.sort(compareEntries));
  return cache;
}

export function compareEntries(a: Entry, b: Entry): number {
  const byDate = (b.data.published ?? '').localeCompare(a.data.published ?? '');
  return byDate !== 0 ? byDate : a.data.title.localeCompare(b.data.title);
}

// Every page reads these (the sidebar, above all), so each is computed once
// per build, in one pass over the documents, and shared.
let tree: Promise<SectionTree<Entry>> | undefined;
export function getSectionTree(): Promise<SectionTree<Entry>> {
  tree ??= getEntries().then((articles) => buildSectionTree(articles, SITE.sectionOrder));
  return tree;
}

let people: Promise<Person<Entry>[]> | undefined;
export function getPeople(): Promise<Person<Entry>[]> {
  people ??= getEntries().then(collectPeople);
  return people;
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
