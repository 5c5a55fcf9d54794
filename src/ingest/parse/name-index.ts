import { nameKey } from '../../utils/name-key.ts';
import { isParticle, isRunWord, parsePersonName, type ParsedName } from './person-names.ts';

/**
 * The people one document names in full, so that a bare `Blair`, `Mr Blair`,
 * `Sir Alex`, `Lee` or `习` resolves to the full name the document gives
 * (`Tony Blair`, `Alex Ferguson`, `Lee Whan-chul`, `习近平`), in either name
 * order, wherever in the document the full name comes.
 */
export interface NameIndex {
  /** The full name a bare name stands for; `null` when two people share it; undefined when none. */
  resolve(bare: string): string | null | undefined;
  /** The role the document first gives a person: `Home Secretary`. */
  roleOf(name: string): string | undefined;
  /** The one person the document gives a role (`the prime minister` → Tony Blair); undefined when none or several. */
  holderOf(role: string): string | undefined;
  /** Adds a full name met as a speaker (CJK names come only from there). */
  add(person: ParsedName): void;
  /** True when the document treats a single capitalised word as a thing: `the Yukos board`, `Ofcom said it`. */
  isOrganisation(word: string): boolean;
  /** The first person named in full in the latest paragraph before this place that names one: whom a pronoun may mean. */
  mentionBefore(paragraph: number, offset: number): Mention | undefined;
}

export interface Mention {
  name: string;
  paragraph: number;
  at: number;
  /** The name opens its sentence (perhaps after `But`, or a role): the sentence is about them. */
  subject: boolean;
}

/** A word of the text; runs of capitalised ones are names, once their punctuation and possessive are stripped. */
const WORD = /\S+/g;
const OPENING_PUNCTUATION = /^[("“‘'«„[]+/u;
/** A word that may be, or open, part of a name: a capital, perhaps after an opening mark (name particles are checked apart). */
const MAY_START_NAME = /^[("“‘'«„[]*\p{Lu}/u;
const CLOSING_PUNCTUATION = /(?:['’]s)?[)"”’'»,.;:!?\]]*$/u;

export function indexNames(paragraphs: readonly string[]): NameIndex {
  const byWord = new Map<string, Map<string, string>>(); // a name's first or last word → key → full name
  const roles = new Map<string, string>();
  const holders = new Map<string, Set<string>>(); // a role, in lower case → the keys of the people given it
  const fullNames = new Map<string, string>(); // a person's key → their fullest name
  const mentions: Mention[] = [];
  const organisations = new Set<string>();
  // Per word, the distinct people it may mean: worked out once, again only after a name is added.
  const resolved = new Map<string, string | null>();

  const add = ({ name, role }: ParsedName): void => {
    const words = wordsOf(name);
    if (words.length < 2) return;
    resolved.clear();
    const key = nameKey(name);
    if (role && !roles.has(key)) roles.set(key, role);
    if (role) {
      const keys = holders.get(role.toLocaleLowerCase('en')) ?? new Set<string>();
      keys.add(key);
      holders.set(role.toLocaleLowerCase('en'), keys);
    }
    if ((fullNames.get(key)?.length ?? 0) < name.length) fullNames.set(key, name);
    // A CJK name is found by its family name of one or two characters (`习` → 习近平, `岸田` → 岸田文雄).
    const keys =
      words.length === 2 && !/\s/u.test(name) ? [words[0]!, Array.from(name).slice(0, 2).join(''), words[1]!] : [words[0]!, words.at(-1)!];
    for (const word of new Set(keys)) {
      const names = byWord.get(word) ?? new Map<string, string>();
      // The fullest spelling wins: `Tony Blair` over `Blair` is given; among full ones, the longest.
      const known = names.get(key);
      if (known === undefined || known.length < name.length) names.set(key, name);
      byWord.set(word, names);
    }
  };

  paragraphs.forEach((paragraph, index) => {
    if (typeof paragraph !== 'string') return;
    let run: string[] = [];
    let runAt = 0;
    const flush = (): void => {
      const person = run.length >= 2 ? parsePersonName(run) : undefined;
      if (person && /\s/u.test(person.name)) {
        add(person);
        mentions.push({ name: person.name, paragraph: index, at: runAt, subject: opensSentence(paragraph, runAt) });
      }
      run = [];
    };
    noteOrganisations(paragraph.slice(0, MAX_SCANNED), organisations);
    for (const { 0: token, index: at } of paragraph.slice(0, MAX_SCANNED).matchAll(WORD)) {
      // Most words are lower case or in a script without capitals: no name starts there.
      if (!MAY_START_NAME.test(token) && !isParticle(token)) {
        if (run.length > 0) flush();
        continue;
      }
      const opened = token.replace(OPENING_PUNCTUATION, '');
      if (opened !== token) flush();
      const word = opened.replace(CLOSING_PUNCTUATION, '');
      if (word !== '' && isRunWord(word) && run.length < 8) {
        if (run.length === 0) runAt = at;
        run.push(word);
      } else flush();
      if (word !== opened) flush(); // punctuation ends the run
    }
    flush();
  });

  // For each mention, the index of the first mention of its paragraph.
  const firstInParagraph: number[] = [];
  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    firstInParagraph.push(previous && previous.paragraph === mention.paragraph ? firstInParagraph[i - 1]! : i);
  });

  return {
    add,
    roleOf: (name) => roles.get(nameKey(name)),
    holderOf(role) {
      const keys = holders.get(role.toLocaleLowerCase('en'));
      return keys?.size === 1 ? fullNames.get([...keys][0]!) : undefined;
    },
    isOrganisation: (word) => organisations.has(word),
    mentionBefore(paragraph, offset) {
      // Binary search: the mentions before this place, in text order.
      let low = 0;
      let high = mentions.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (isBefore(mentions[middle]!, paragraph, offset)) low = middle + 1;
        else high = middle;
      }
      // The first person of the latest paragraph that names one: news puts the subject first.
      return low === 0 ? undefined : mentions[firstInParagraph[low - 1]!];
    },
    resolve(bare) {
      if (resolved.has(bare)) return resolved.get(bare)!;
      const names = byWord.get(bare);
      if (!names || names.size === 0) return undefined;
      // Two names may mean one person when the words of one are all in the other (`Alex Ferguson`,
      // `Alex Chapman Ferguson`); `Tony Blair` and `Cherie Blair` are two. Bounded: a word shared by
      // more names than this is too common to resolve.
      const full = [...names.values()].slice(0, MAX_CANDIDATES);
      const distinct =
        names.size > MAX_CANDIDATES ? [] : full.filter((name) => !full.some((other) => other !== name && contains(other, name)));
      const answer = distinct.length === 1 ? distinct[0]! : null;
      resolved.set(bare, answer);
      return answer;
    },
  };
}

/** A paragraph past this length is scanned only this far for names: time stays linear, names come early. */
const MAX_SCANNED = 20_000;
/** More full names than this sharing one word (a list of Smiths): a bare `Smith` is left ambiguous. */
const MAX_CANDIDATES = 12;

/** Latin names split on spaces; a CJK name is its characters (family name first). */
function wordsOf(name: string): string[] {
  if (/\s/u.test(name)) return name.split(/\s+/u);
  const characters = Array.from(name);
  return /^[\p{Script=Han}\p{Script=Hangul}]+$/u.test(name) && characters.length >= 2 && characters.length <= 4
    ? [characters[0]!, characters.slice(1).join('')]
    : [name];
}

/** `the Bafta games awards`, `Yukos is confident of its right`, `Ofcom said it would`: words the text treats as things. */
function noteOrganisations(paragraph: string, organisations: Set<string>): void {
  for (const match of paragraph.matchAll(/\bthe (\p{Lu}[\p{L}-]{0,30})(?=[\s,.;:]+[\p{Ll}\d])/gu)) organisations.add(match[1]!);
  // One to three capitalised words, then `its` within three words (`Yukos is confident of its right`), or `it`
  // as a subject (`Age Concern, which …`: not `Blair said it was`, where `it` is what was said).
  for (const match of paragraph.matchAll(
    /(?<![\p{L}\p{N}-] ?)(\p{Lu}[\p{L}-]{0,30}(?: \p{Lu}[\p{L}-]{0,30}){0,2})(?:['’]s)?((?: \p{Ll}+){0,3}) (its?|itself)(?!\p{L})/gu,
  )) {
    if (
      match[3] === 'it' &&
      /\b(?:said|says|told|added|believes?|thinks?|found|made|called|described|did|does|do|has|have|had|is|was)\b/u.test(match[2]!)
    )
      continue;
    organisations.add(match[1]!);
  }
}

function opensSentence(paragraph: string, at: number): boolean {
  const before = paragraph.slice(Math.max(0, at - 40), at);
  return (
    /(?:^|[.!?]["”’]?\s+)(?:(?:But|And|However,|Meanwhile,|Now|Then)\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,3}$/u.test(before) &&
    (at < 40 || /[.!?]/u.test(before) || at === 0)
  );
}

function isBefore(mention: Mention, paragraph: number, offset: number): boolean {
  return mention.paragraph < paragraph || (mention.paragraph === paragraph && mention.at < offset);
}

function contains(longer: string, shorter: string): boolean {
  const words = new Set(wordsOf(longer).map(nameKey));
  return wordsOf(shorter).every((word) => words.has(nameKey(word)));
}
