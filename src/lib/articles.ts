import { getCollection, type CollectionEntry } from 'astro:content';
import { slug } from 'github-slugger';

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

/** `['Source', 'Economy']` → `source/economy`; documents without a section are under `unsorted`. */
export function sectionPath(section: readonly string[]): string {
  if (section.length === 0) return 'unsorted';
  return section.map((part) => slug(part)).join('/');
}

export function sectionName(section: readonly string[]): string {
  return section.length === 0 ? 'Unsorted' : section.join(' / ');
}

/** Path of a site page under the base path, always with a trailing slash. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const clean = path.replace(/^\/+/, '');
  return clean === '' ? base : `${base}${clean.replace(/\/?$/, '/')}`;
}

export function articleHref(article: Article): string {
  return href(`articles/${article.id}`);
}
