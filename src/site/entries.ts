import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from './archive.ts';
import { collectPeople, type Person } from './people.ts';
import { buildSectionTree, sectionPath, type SectionTree } from './sections.ts';
import { SITE } from '../config.ts';

export { sectionName, sectionPath } from './sections.ts';

export type Article = CollectionEntry<'articles'>;

/** Newest first; undated documents after dated ones, by title. Loaded once per build. */
let cache: Promise<Article[]> | undefined;
export function getArticles(): Promise<Article[]> {
  cache ??= getCollection('articles').then((articles) => articles.sort(compareArticles));
  return cache;
}

export function compareArticles(a: Article, b: Article): number {
  const byDate = (b.data.published ?? '').localeCompare(a.data.published ?? '');
  return byDate !== 0 ? byDate : a.data.title.localeCompare(b.data.title);
}

// Every page reads these (the sidebar, above all), so each is computed once
// per build, in one pass over the documents, and shared.
let tree: Promise<SectionTree<Article>> | undefined;
export function getSectionTree(): Promise<SectionTree<Article>> {
  tree ??= getArticles().then((articles) => buildSectionTree(articles, SITE.sectionOrder));
  return tree;
}

let people: Promise<Person<Article>[]> | undefined;
export function getPeople(): Promise<Person<Article>[]> {
  people ??= getArticles().then(collectPeople);
  return people;
}

let archive: Promise<Archive<Article>> | undefined;
export function getArchive(): Promise<Archive<Article>> {
  archive ??= getArticles().then(buildArchive);
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

export function articleHref(article: Article): string {
  return href(`articles/${article.id}`);
}

export function sectionHref(section: readonly string[]): string {
  return href(`sections/${sectionPath(section)}`);
}

export function personHref(slug: string): string {
  return href(`people/${slug}`);
}
