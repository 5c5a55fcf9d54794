import type { Sectioned } from './sections.ts';
import { tagSlug } from './tags.ts';

/** What related documents are found from. */
interface Relatable extends Sectioned {
  data: Sectioned['data'] & { tags?: readonly string[] };
}

/** A person and the documents that quote them. */
interface Quoted<T> {
  slug: string;
  quotes: readonly { document: T }[];
}

const MAX_RELATED = 5;
// A tag or person on more documents than this says little about any one of them, and
// scanning its list for every document would cost the square of the archive.
const MAX_GROUP = 200;
const WEIGHT = { tag: 3, person: 2, section: 1 } as const;
// Documents of the same section considered, nearest in site order first.
const SECTION_NEIGHBOURS = 6;

/**
 * Documents (in site order) → up to five related documents each, best
 * first: a shared tag counts 3, a shared person quoted 2, the same section 1;
 * ties go to the nearer document in site order. Each document looks only at
 * the groups it belongs to, and a group larger than 200 is skipped (its
 * section still counts through the neighbours), so the cost stays linear in
 * the archive for a bounded number of tags and people per document.
 * `wanted` limits which documents get a list: a partition renders a share of
 * the pages, but finds their related documents among the whole archive.
 */
export function relatedEntries<T extends Relatable>(
  documents: readonly T[],
  people: readonly Quoted<T>[] = [],
  wanted: (document: T) => boolean = () => true,
): Map<string, T[]> {
  const position = new Map(documents.map((document, index) => [document.id, index]));
  const byTag = new Map<string, T[]>();
  for (const document of documents) {
    for (const key of new Set((document.data.tags ?? []).map(tagSlug))) {
      if (key === '') continue;
      const group = byTag.get(key) ?? [];
      group.push(document);
      byTag.set(key, group);
    }
  }
  const byPerson = new Map<string, T[]>();
  const peopleOf = new Map<string, string[]>();
  for (const person of people) {
    const group = [...new Set(person.quotes.map((quote) => quote.document))];
    byPerson.set(person.slug, group);
    for (const document of group) peopleOf.set(document.id, [...(peopleOf.get(document.id) ?? []), person.slug]);
  }
  const bySection = new Map<string, T[]>();
  for (const document of documents) {
    const key = JSON.stringify(document.data.section);
    const group = bySection.get(key) ?? [];
    group.push(document);
    bySection.set(key, group);
  }
  const sectionIndex = new Map<string, number>();
  for (const group of bySection.values()) group.forEach((document, index) => sectionIndex.set(document.id, index));

  const related = new Map<string, T[]>();
  for (const document of documents) {
    if (!wanted(document)) continue;
    const scores = new Map<T, number>();
    const add = (group: readonly T[] | undefined, weight: number): void => {
      if (!group || group.length > MAX_GROUP) return;
      for (const other of group) if (other !== document) scores.set(other, (scores.get(other) ?? 0) + weight);
    };
    for (const key of new Set((document.data.tags ?? []).map(tagSlug))) add(byTag.get(key), WEIGHT.tag);
    for (const key of peopleOf.get(document.id) ?? []) add(byPerson.get(key), WEIGHT.person);
    if (document.data.section.length > 0) {
      const group = bySection.get(JSON.stringify(document.data.section))!;
      const at = sectionIndex.get(document.id)!;
      const from = Math.max(0, at - SECTION_NEIGHBOURS / 2);
      add(group.slice(from, from + SECTION_NEIGHBOURS + 1), WEIGHT.section);
    }
    const here = position.get(document.id)!;
    const distance = (other: T): number => Math.abs(position.get(other.id)! - here);
    const best = [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b))
      .slice(0, MAX_RELATED)
      .map(([other]) => other);
    related.set(document.id, best);
  }
  return related;
}
