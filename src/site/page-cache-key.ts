import { createHash } from 'node:crypto';
import { ancestry, neighbours, sectionName, type SectionNode, type SectionTree, type Sectioned } from './sections.ts';

interface Keyed extends Sectioned {
  data: Sectioned['data'] & { title: string; published?: string };
}

/**
 * What every page's shell shows of the whole site: each section's name, path
 * and document count (the sidebar). Computed once a build; a page whose key
 * includes it is rendered again when a section appears, goes or changes size.
 */
export function shellSignature<T extends Keyed>(tree: SectionTree<T>, settings: unknown): string {
  const sections = [...tree.byPath.values()].map((node) => [node.path, sectionName(node.section), node.own.length, node.all.length]);
  return digest(JSON.stringify([settings, sections]));
}

/**
 * The cache key of an article page for Astro's incremental build: everything
 * the page shows besides its template (which Astro tracks itself): its `data`
 * (the caller's: its body's digest and its frontmatter), its newer/older links,
 * the documents its sidebar lists around it, its related documents, and the
 * site's shell. Equal keys mean an identical page.
 */
export function articleCacheKey<T extends Keyed>(
  tree: SectionTree<T>,
  id: string,
  data: unknown,
  shell: string,
  sidebarCount: number,
  related: readonly T[] = [],
): string {
  const { node, index } = tree.position.get(id)!;
  const around = neighbours(node.own, index, sidebarCount).items.map((other) => [other.id, other.data.title]);
  const links = [node.own[index - 1], node.own[index + 1]].map((other) => other && [other.id, other.data.title]);
  // The related list shows each one's title, section and date.
  const also = related.map((other) => [other.id, other.data.title, other.data.section, other.data.published]);
  return digest(JSON.stringify([shell, data, around, links, also]));
}

/** What a person's page shows of one quotation: the words, and the document's title, section, date and language. */
interface ListedOnPage {
  quotation: unknown;
  more: readonly string[];
  left?: number;
  document: { id: string; data: { title: string; section: readonly string[]; published?: string; language: string } };
}

/**
 * The cache key of one page of a person's quotations: the person's name,
 * counts and roles, the page's place in their pages, each quotation it lists
 * with what it shows of its document, and the site's shell.
 */
export function personPageCacheKey(
  shell: string,
  person: { name: string; slug: string; quotes: readonly unknown[]; documents: number; roles: readonly unknown[] },
  page: { current: number; last: number; items: readonly ListedOnPage[] },
): string {
  const items = page.items.map(({ quotation, more, left, document }) => [
    quotation,
    more,
    left,
    document.id,
    document.data.title,
    document.data.section,
    document.data.published,
    document.data.language,
  ]);
  return digest(
    JSON.stringify([shell, person.name, person.slug, person.quotes.length, person.documents, person.roles, page.current, page.last, items]),
  );
}

/** A document as a list shows it (ArticleList, the archive's year pages): its link, title, section, date, summary and language. */
interface Listed {
  id: string;
  data: { title: string; section: readonly string[]; published?: string; summary?: string; language: string };
}

/**
 * The cache key of a page that lists documents (a section's, a tag's, the archive's): the site's
 * shell, what the page shows of itself (`page`, the caller's: its names, counts and place among its
 * pages), and what it shows of each document it lists. Equal keys mean an identical page.
 */
export function listPageCacheKey(shell: string, page: unknown, documents: readonly Listed[]): string {
  const listed = documents.map(({ id, data }) => [id, data.title, data.section, data.published, data.summary, data.language]);
  return digest(JSON.stringify([shell, page, listed]));
}

/**
 * The cache key of a page of a section's documents: its names, description and breadcrumb, its
 * subsections with their counts (SectionIndex), how its documents are ordered, its place among its
 * pages, and the documents it lists.
 */
export function sectionPageCacheKey<T extends Listed & Sectioned>(
  shell: string,
  node: SectionNode<T>,
  page: { current: number; last: number; total: number; items: readonly T[] },
  order: boolean,
): string {
  const crumbs = ancestry(node).map((step) => [step.name, step.section]);
  const shown = [node.section, node.name, node.meta, crumbs, subsections(node), order, page.current, page.last, page.total];
  return listPageCacheKey(shell, shown, page.items);
}

function subsections<T extends Sectioned>(node: SectionNode<T>): unknown[] {
  return node.children.map((child) => [child.section, child.name, child.all.length, subsections(child)]);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
