import { createHash } from 'node:crypto';
import { neighbours, sectionName, type SectionTree, type Sectioned } from './sections.ts';

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

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
