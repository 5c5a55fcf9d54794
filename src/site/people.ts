import { slug } from 'github-slugger';
import type { Quotation } from '../content/entry-schema.ts';

/** What the people index needs of a document. */
export interface Quoting {
  id: string;
  data: { quotations: readonly Quotation[] };
}

/** One quotation, where it was said. */
export interface QuoteRef<T extends Quoting> {
  quotation: Quotation;
  document: T;
}

/** A person the documents quote. */
export interface Person<T extends Quoting> {
  /** The name as most documents print it. */
  name: string;
  /** URL path under `people/`. */
  slug: string;
  /** What they said, in site order (newest document first, then in text order). */
  quotes: QuoteRef<T>[];
  /** Number of documents that quote them. */
  documents: number;
}

/**
 * Documents (in site order) → the people they quote, by name. Names that
 * only differ in case, spacing or punctuation (`Lee Whan-chul`, `Lee Whan
 * Chul`) are one person. Quotations with no speaker are left out.
 */
export function collectPeople<T extends Quoting>(documents: readonly T[]): Person<T>[] {
  const bySlug = new Map<string, { quotes: QuoteRef<T>[]; names: Map<string, number>; documents: Set<string> }>();
  for (const document of documents) {
    for (const quotation of document.data.quotations) {
      const name = quotation.speaker?.replace(/\s+/gu, ' ').trim();
      if (!name) continue;
      const key = slug(name);
      if (key === '') continue;
      const person = bySlug.get(key) ?? { quotes: [], names: new Map<string, number>(), documents: new Set<string>() };
      person.quotes.push({ quotation, document });
      person.names.set(name, (person.names.get(name) ?? 0) + 1);
      person.documents.add(document.id);
      bySlug.set(key, person);
    }
  }
  return [...bySlug]
    .map(([key, person]) => ({ name: commonest(person.names), slug: key, quotes: person.quotes, documents: person.documents.size }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
}

function commonest(names: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [name, count] of names) {
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best;
}

/** `"…Jeju Island,` → `…Jeju Island`: a quotation shown on its own loses the comma that joined it to its sentence. */
export function standaloneQuote(text: string): string {
  return text.trim().replace(/[,;:]$/u, '');
}

/** The letter a name is filed under in the people index (`Ahn Jung-hyun` → `A`; `김지원` → `김`). */
export function indexLetter(name: string): string {
  const first = Array.from(name.trim())[0] ?? '#';
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase('en') : '#';
}
