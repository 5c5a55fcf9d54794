import { slug } from 'github-slugger';

/** What the tag index needs of a document. */
export interface Tagged {
  id: string;
  data: { tags?: readonly string[] };
}

/** A tag and the documents that carry it. */
export interface Tag<T extends Tagged> {
  /** The tag as most documents write it. */
  name: string;
  /** URL path under `tags/`. */
  slug: string;
  /** In site order (newest first). */
  documents: T[];
}

/**
 * Documents (in site order) → their tags, by name. Tags that differ only in
 * case or punctuation (`Linux`, `linux`) are one tag, named as most documents
 * write it. One pass over the documents' tags.
 */
export function collectTags<T extends Tagged>(documents: readonly T[]): Tag<T>[] {
  const bySlug = new Map<string, { documents: T[]; names: Map<string, number> }>();
  for (const document of documents) {
    const seen = new Set<string>();
    for (const name of document.data.tags ?? []) {
      const key = tagSlug(name);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const tag = bySlug.get(key) ?? { documents: [], names: new Map<string, number>() };
      tag.documents.push(document);
      tag.names.set(name, (tag.names.get(name) ?? 0) + 1);
      bySlug.set(key, tag);
    }
  }
  return [...bySlug]
    .map(([key, tag]) => ({ name: commonest(tag.names), slug: key, documents: tag.documents }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
}

/** `Getting Started` → `getting-started`; a tag of punctuation only has none. */
export function tagSlug(name: string): string {
  return slug(name.trim());
}

function commonest(names: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [name, count] of names) if (count > bestCount) [best, bestCount] = [name, count];
  return best;
}
