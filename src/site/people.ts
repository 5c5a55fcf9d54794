import { slug } from 'github-slugger';
import type { Quotation } from '../content/entry-schema.ts';
import { nameKey } from '../utils/name-key.ts';
import { paginate, type PageOf } from './paginate.ts';

/** What the people index needs of a document. */
export interface Quoting {
  id: string;
  data: { quotations: readonly Quotation[]; published?: string };
}

/** One quotation, where it was said. */
export interface QuoteRef<T extends Quoting> {
  quotation: Quotation;
  document: T;
  /** The paragraphs that follow, when the quotation runs over paragraph breaks. */
  more: string[];
}

/** A role the documents give a person, and the dates of the first and last document that gives it. */
export interface PersonRole {
  role: string;
  first?: string;
  last?: string;
}

/** A person the documents quote. */
export interface Person<T extends Quoting> {
  /** The name as most of their quotations give it. */
  name: string;
  /** URL path under `people/`. */
  slug: string;
  /** What they said, in site order (newest document first, then in text order). */
  quotes: QuoteRef<T>[];
  /** Number of documents that quote them. */
  documents: number;
  /** The roles the documents give them (`Home Secretary`), the commonest first. */
  roles: PersonRole[];
}

/** A group or role that is no person (`analysts`, `the ministry`), with how often the documents quote it. */
export interface UnnamedSource {
  name: string;
  quotations: number;
  documents: number;
}

/** One person's quotations while the archive is read. */
interface Gathered<T extends Quoting> {
  quotes: QuoteRef<T>[];
  /** Each quote's place in the archive's order, beside it (a Map of every quotation outgrows V8's Map at 1,000,000 documents). */
  places: number[];
  names: Map<string, number>;
  documents: Set<string>;
  roles: Map<string, PersonRole & { count: number }>;
}

/**
 * Documents (in site order) → the people they quote, by name. Names that
 * only differ in case, spacing, hyphens or accents (`Lee Whan-chul`, `Lee
 * Whan Chul`, `José`, `Jose`) are one person. Quotations with no speaker are
 * left out; a quotation that continues the one before joins it.
 */
export function collectPeople<T extends Quoting>(documents: readonly T[]): Person<T>[] {
  const byKey = new Map<string, Gathered<T>>();
  let place = 0;
  for (const document of documents) {
    let last: QuoteRef<T> | undefined;
    for (const quotation of document.data.quotations) {
      if (quotation.continued && last) {
        last.more.push(quotation.text);
        continue;
      }
      last = undefined;
      const name = quotation.speaker?.replace(/\s+/gu, ' ').trim();
      if (!name) continue;
      const key = nameKey(name);
      if (key === '') continue;
      const person: Gathered<T> = byKey.get(key) ?? { quotes: [], places: [], names: new Map(), documents: new Set(), roles: new Map() };
      last = { quotation, document, more: [] };
      person.quotes.push(last);
      person.places.push(place++);
      person.names.set(name, (person.names.get(name) ?? 0) + 1);
      person.documents.add(document.id);
      if (quotation.role) noteRole(person.roles, quotation.role, document.data.published);
      byKey.set(key, person);
    }
  }
  mergeBareNames(byKey);
  for (const person of byKey.values()) inArchiveOrder(person);
  const people = [...byKey.values()]
    .map((person) => ({
      name: commonest(person.names),
      quotes: person.quotes,
      documents: person.documents.size,
      roles: [...person.roles.values()]
        .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role))
        .map(({ count: _count, ...role }) => role),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  // Two people whose names slug alike (`Lee Ji-eun`, `Lee Ji Eun` would be one; `O'Neil`, `ONeil` too) get -2, -3….
  const taken = new Map<string, number>();
  return people.flatMap((person) => {
    const base = slug(person.name);
    if (base === '') return [];
    const count = (taken.get(base) ?? 0) + 1;
    taken.set(base, count);
    return [{ ...person, slug: count === 1 ? base : `${base}-${count}` }];
  });
}

/** The words of the quotations that continue `quotation` over paragraph breaks (a quote's `more`). */
export function continuation(quotations: readonly Quotation[], quotation: Quotation): string[] {
  const more: string[] = [];
  for (let index = quotations.indexOf(quotation) + 1; quotations[index]?.continued; index++) more.push(quotations[index]!.text);
  return more;
}

/** A quotation as a person's page lists it: `left` counts their quotations of the same document that the page leaves out. */
export interface ListedQuote<T extends Quoting> extends QuoteRef<T> {
  left?: number;
}

/**
 * A person's quotations as their pages list them: at most `perDocument` from
 * any one document, the last of which counts the rest. One long document
 * (a transcript, a 50 MB dump) then adds a bounded number of pages.
 */
export function listedQuotes<T extends Quoting>(quotes: readonly QuoteRef<T>[], perDocument: number): ListedQuote<T>[] {
  const listed: ListedQuote<T>[] = [];
  const seen = new Map<string, { count: number; last: ListedQuote<T> }>();
  for (const quote of quotes) {
    const before = seen.get(quote.document.id);
    if (before && before.count >= perDocument) {
      before.last.left = (before.last.left ?? 0) + 1;
      continue;
    }
    const item: ListedQuote<T> = { ...quote };
    listed.push(item);
    seen.set(quote.document.id, { count: (before?.count ?? 0) + 1, last: item });
  }
  return listed;
}

/** A person's pages: their listed quotations (`listedQuotes`), `perPage` at a time. */
export function personPages<T extends Quoting>(person: Person<T>, perDocument: number, perPage: number): PageOf<ListedQuote<T>>[] {
  return paginate(listedQuotes(person.quotes, perDocument), perPage);
}

/**
 * A bare name that no document resolved (`Blair`, where a document says only
 * `Mr Blair`) joins the one person of the archive whose full name begins or
 * ends with it. When two people could be meant (`Tony Blair`, `Ian Blair`),
 * it keeps its own page rather than guess.
 */
function mergeBareNames<T extends Quoting>(byKey: Map<string, Gathered<T>>): void {
  const byWord = new Map<string, Set<string>>();
  for (const [key, person] of byKey) {
    const words = commonest(person.names).split(/\s+/u);
    if (words.length < 2) continue;
    for (const word of new Set([words[0]!, words.at(-1)!])) {
      const keys = byWord.get(nameKey(word)) ?? new Set<string>();
      keys.add(key);
      byWord.set(nameKey(word), keys);
    }
  }
  for (const [key, person] of byKey) {
    if (/\s/u.test(commonest(person.names))) continue;
    const candidates = byWord.get(key);
    if (candidates?.size !== 1) continue;
    const full = byKey.get([...candidates][0]!)!;
    // One by one: spreading a much-quoted name's quotes into push() would overflow the stack.
    for (const [index, quote] of person.quotes.entries()) {
      full.quotes.push(quote);
      full.places.push(person.places[index]!);
    }
    for (const document of person.documents) full.documents.add(document);
    for (const [roleKey, role] of person.roles) {
      const known = full.roles.get(roleKey);
      if (!known) full.roles.set(roleKey, role);
      else {
        known.count += role.count;
        if (role.first !== undefined && (known.first === undefined || role.first < known.first)) known.first = role.first;
        if (role.last !== undefined && (known.last === undefined || role.last > known.last)) known.last = role.last;
      }
    }
    byKey.delete(key);
  }
}

/** A person's quotes in the archive's order again, once a bare name's have joined theirs. */
function inArchiveOrder<T extends Quoting>(person: Gathered<T>): void {
  const { quotes, places } = person;
  if (places.every((place, index) => index === 0 || places[index - 1]! < place)) return;
  const order = places.map((_, index) => index).sort((a, b) => places[a]! - places[b]!);
  person.quotes = order.map((index) => quotes[index]!);
  person.places = order.map((index) => places[index]!);
}

/** The groups and roles quoted (`analysts`, `a spokesman for the company`), the most quoted first. */
export function collectUnnamedSources(documents: readonly Quoting[]): UnnamedSource[] {
  const byKey = new Map<string, { names: Map<string, number>; quotations: number; documents: Set<string> }>();
  for (const document of documents) {
    for (const quotation of document.data.quotations) {
      if (quotation.source === undefined || quotation.continued) continue;
      const name = quotation.source
        .replace(/\s+/gu, ' ')
        .trim()
        .replace(/^(?:the|a|an)\s+/iu, '');
      const key = name.toLocaleLowerCase('en');
      const source = byKey.get(key) ?? { names: new Map(), quotations: 0, documents: new Set<string>() };
      source.names.set(name, (source.names.get(name) ?? 0) + 1);
      source.quotations++;
      source.documents.add(document.id);
      byKey.set(key, source);
    }
  }
  return [...byKey.values()]
    .map((source) => ({ name: commonest(source.names), quotations: source.quotations, documents: source.documents.size }))
    .sort((a, b) => b.quotations - a.quotations || a.name.localeCompare(b.name, 'en'));
}

function noteRole(roles: Map<string, PersonRole & { count: number }>, role: string, date: string | undefined): void {
  const key = role.toLocaleLowerCase('en');
  const known = roles.get(key) ?? { role, count: 0 };
  known.count++;
  if (date !== undefined) {
    if (known.first === undefined || date < known.first) known.first = date;
    if (known.last === undefined || date > known.last) known.last = date;
  }
  roles.set(key, known);
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
