import type { Quotation } from '../../content/entry-schema.ts';

/**
 * Finds the quotations in an article's body paragraphs and, where the text
 * says so, who spoke each one.
 *
 * Everything works on bounded windows around quote marks and speech verbs,
 * and no regex can backtrack over more than one word, so time stays linear in
 * the input even for huge or malformed paragraphs.
 */

/** Opening mark → closing mark. CJK brackets are quotes but get no speaker. */
const PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  '“': '”',
  '«': '»',
  '「': '」',
  '『': '』',
};
const CJK_OPENERS = new Set(['「', '『']);

/** Speech verbs; participles take the subject of the verb before them. */
const VERB =
  /\b(?:said|says|told|added|noted|emphasi[sz]ed|stressed|explained|stated|remarked|asked|wrote|argued|claimed|[Aa]ccording\s+to|saying|noting|adding|stressing|emphasi[sz]ing|explaining|stating|arguing|claiming)\b/g;
const PARTICIPLE = /ing$/;
/** Verbs that can come before their subject: `"…," said Lee`. Not `told`: its object follows. */
const INVERTIBLE = /^(?:said|says|added|noted|emphasi[sz]ed|stressed|explained|stated|remarked|asked|wrote|argued|claimed)$/;
const PRONOUN = /^(?:he|she|they)$/i;
/** Words that may sit between a subject and its verb: `Lee also said`, `She further noted`. */
const ADVERB = /^(?:also|further|then|later|once|again|previously|recently|earlier|has|had|have|would|will|\p{Ll}+ly)$/u;
/** A `.` after these does not end a sentence. */
const ABBREVIATION =
  /^(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\p{Lu})$/u;

/** Capitalised words that open a run but are not part of a person's name. */
const NOT_NAME_START = new Set(
  (
    'The A An In On At As For From By With Of To And But Or So Yet Then Also However Meanwhile Moreover Still ' +
    'Multiple Several Many Some Both All Other Most Such It Its This That These Those There We Our You Your His Her Their ' +
    'Mr Mrs Ms Dr Prof Professor President Vice Premier Prime Minister Deputy Chairman Chairwoman Chair Chief Executive ' +
    'Director Founder Secretary General Ambassador Spokesperson Spokesman Spokeswoman Senator Governor Mayor Foreign Former ' +
    'China Chinese South North East West Korea Korean Koreans Japan Japanese America American Europe European ' +
    'Beijing Seoul Shanghai Washington Tokyo Global ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'January February March April May June July August September October November December'
  ).split(' '),
);
/** Words that make a capitalised run an organisation or a place rather than a person. */
const ORGANISATION = new Set(
  (
    'Times News Daily Post Press Xinhua Reuters Bloomberg Ministry Office Center Centre Association University Institute ' +
    'Institution Group Company Co Corp Corporation Inc Ltd Bank Agency Council Committee Department Government ' +
    'Administration Party Province City Customs Bureau Commission Foundation Organization Organisation Union Network ' +
    'Club Federation Authority Court Embassy Consulate'
  ).split(' '),
);

interface Span {
  open: number;
  close: number;
  text: string;
  cjk: boolean;
}

/** What a speech verb's subject turned out to be, before names are resolved. */
type Subject =
  { kind: 'name'; name: string; start: number } | { kind: 'pronoun'; start: number } | { kind: 'participle' | 'none'; start: number };

/** A speech verb outside the quotes, with its resolved speaker (undefined: not a named person). */
interface Attribution {
  /** Where the attribution begins (its subject, or the verb): for "right after the quote". */
  start: number;
  sentence: number;
  speaker: string | undefined;
}

export function extractQuotations(paragraphs: readonly string[]): Quotation[] {
  const quotations: Quotation[] = [];
  if (!Array.isArray(paragraphs)) return quotations;
  const document: DocumentState = { byFirst: new Map(), byLast: new Map(), current: undefined };
  paragraphs.forEach((paragraph, index) => {
    if (typeof paragraph !== 'string') return;
    try {
      quotations.push(...paragraphQuotations(paragraph, index, document));
    } catch {
      // A heuristic must never break the ingest; the paragraph just yields no quotations.
    }
  });
  return quotations;
}

/** What carries over from paragraph to paragraph. */
interface DocumentState {
  /** Full names by their first and last word, so a bare `Lee` finds `Lee Whan-chul`. */
  byFirst: Map<string, string>;
  byLast: Map<string, string>;
  /** The latest speaker, whom he/she/they refer to. */
  current: string | undefined;
}

function paragraphQuotations(paragraph: string, index: number, document: DocumentState): Quotation[] {
  const spans = findSpans(paragraph);

  // Speech verbs live in the gaps between quotes (gap k precedes quote k); a
  // verb inside a quote is part of what someone said, not an attribution.
  const attributions: Attribution[] = [];
  const gapEnd: number[] = []; // attributions.length after each gap
  const quoteSentence: number[] = [];
  let sentence = 0;
  for (let k = 0; k <= spans.length; k++) {
    const previous = spans[k - 1];
    if (previous && /[.。]\s*$/.test(previous.text)) sentence++;
    const from = previous ? previous.close + 1 : 0;
    const gap = paragraph.slice(from, spans[k]?.open ?? paragraph.length);
    const ends = sentenceEnds(gap);
    let e = 0;
    for (const match of gap.matchAll(VERB)) {
      while (e < ends.length && ends[e]! <= match.index) e++;
      const subject = findSubject(gap, e > 0 ? ends[e - 1]! : 0, match.index, match[0]);
      const here = sentence + e;
      attributions.push({ start: from + subject.start, sentence: here, speaker: resolve(subject, here, attributions, document) });
    }
    sentence += ends.length;
    gapEnd.push(attributions.length);
    if (k < spans.length) quoteSentence.push(sentence);
  }

  const quotations: Quotation[] = [];
  let previous: { sentence: number; speaker: string | undefined } | undefined;
  spans.forEach((span, k) => {
    let speaker: string | undefined;
    if (span.cjk) {
      previous = undefined;
    } else {
      const s = quoteSentence[k]!;
      const after = attributions[gapEnd[k]!];
      const before = attributions[gapEnd[k]! - 1];
      const beforeInGap = gapEnd[k]! > (k > 0 ? gapEnd[k - 1]! : 0) ? before : undefined;
      if (after && after.sentence === s && gapEnd[k + 1]! > gapEnd[k]! && isRightAfter(paragraph, span.close + 1, after.start)) {
        // 1. `"…," Lee said` — an attribution to someone unnamed counts too, and gives no speaker.
        speaker = after.speaker;
        previous = { sentence: s, speaker };
      } else if (beforeInGap && beforeInGap.sentence === s) {
        // 2. `Park told the Global Times that she has observed a "…"`.
        speaker = beforeInGap.speaker;
        previous = { sentence: s, speaker };
      } else if (previous && previous.sentence === s) {
        // `Lee said "A" and "B"`: B shares A's sentence, so A's speaker.
        speaker = previous.speaker;
      } else {
        // 3. The nearest speech verb elsewhere in the paragraph.
        speaker = (before ?? after)?.speaker;
        previous = undefined;
      }
    }
    quotations.push(speaker === undefined ? { text: span.text, paragraph: index } : { text: span.text, speaker, paragraph: index });
  });
  return quotations;
}

/** Pairs quote marks left to right; an opening mark with no closing mark after it is skipped. */
function findSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  // Next position of each closing mark; -1 once there is none left. Caching
  // it keeps a paragraph full of unmatched marks linear.
  const nextClose = new Map<string, number>();
  // Jump from opening mark to opening mark: most text holds none.
  const openers = new RegExp(`[${Object.keys(PAIRS).join('')}]`, 'g');
  let i = 0;
  while (i < paragraph.length) {
    openers.lastIndex = i;
    const opening = openers.exec(paragraph);
    if (!opening) break;
    i = opening.index;
    const closer = PAIRS[opening[0]]!;
    let close = nextClose.get(closer);
    if (close === undefined || (close !== -1 && close <= i)) {
      close = paragraph.indexOf(closer, i + 1);
      nextClose.set(closer, close);
    }
    if (close === -1) {
      i++;
      continue;
    }
    const text = paragraph.slice(i + 1, close);
    if (text.trim() !== '') spans.push({ open: i, close, text, cjk: CJK_OPENERS.has(paragraph[i]!) });
    i = close + 1;
  }
  return spans;
}

/** Offsets just past each sentence-ending mark in text that holds no quotes. */
function sentenceEnds(gap: string): number[] {
  const ends: number[] = [];
  for (const match of gap.matchAll(/[.!?](?=\s|$)|[。！？]/g)) {
    if (match[0] === '.') {
      const word = /\S*$/.exec(gap.slice(Math.max(0, match.index - 12), match.index))![0];
      if (ABBREVIATION.test(word) || word.includes('.')) continue;
    }
    ends.push(match.index + 1);
  }
  return ends;
}

/** True when at most a few words separate the closing mark from the attribution. */
function isRightAfter(paragraph: string, from: number, start: number): boolean {
  if (start - from > 80) return false;
  return (paragraph.slice(from, start).match(/[\p{L}\p{N}]+/gu) ?? []).length <= 5;
}

/** Who a speech verb at `verbAt` in `gap` has as subject, looking only within its sentence. */
function findSubject(gap: string, sentenceStart: number, verbAt: number, verb: string): Subject {
  const none: Subject = { kind: 'none', start: verbAt };
  if (PARTICIPLE.test(verb)) return { kind: 'participle', start: verbAt };
  const following = gap.slice(verbAt + verb.length, verbAt + verb.length + 80);
  if (/^according/i.test(verb)) {
    const name = leadingName(following);
    return name ? { kind: 'name', name, start: verbAt } : none;
  }
  const windowStart = Math.max(sentenceStart, verbAt - 300);
  const before = gap.slice(windowStart, verbAt).trimEnd();
  if (/[\p{L}\p{N}]$/u.test(before)) {
    // `Lee said`, `he said`, `Lee also said`; anything else (`the ministry said`) is nobody we can name.
    const subject = trailingSubject(before);
    return subject ? { ...subject, start: windowStart + subject.start } : none;
  }
  if (before.endsWith(',')) {
    const subject = appositiveSubject(before);
    if (subject) return { ...subject, start: windowStart + subject.start };
  }
  if (INVERTIBLE.test(verb)) {
    const name = leadingName(following);
    if (name) return { kind: 'name', name, start: verbAt };
  }
  return none;
}

/** `Kim Jong-moon, chief representative of …, who is …,` → Kim Jong-moon: skip back over lower-case asides. */
function appositiveSubject(before: string): Subject | undefined {
  const chunks = before.split(',');
  let offset = before.length - 1; // the final comma; chunks.at(-1) is the empty text after it
  for (let i = chunks.length - 2; i >= 0 && i >= chunks.length - 6; i--) {
    const chunk = chunks[i]!;
    offset -= chunk.length + 1;
    const trimmed = chunk.trim();
    if (/^[\p{Ll}\p{N}(]/u.test(trimmed)) continue;
    const subject = trimmed === '' ? undefined : trailingSubject(chunk.trimEnd());
    return subject && { ...subject, start: offset + 1 + subject.start };
  }
  return undefined;
}

/** The pronoun or name that ends `text` (after skipping adverbs), with its offset. */
function trailingSubject(text: string): Subject | undefined {
  const words = [...text.slice(-160).matchAll(/\S+/g)];
  const shift = Math.max(0, text.length - 160);
  let i = words.length - 1;
  for (let skipped = 0; i >= 0 && skipped < 2 && ADVERB.test(words[i]![0]); skipped++) i--;
  if (i < 0) return undefined;
  if (PRONOUN.test(words[i]![0])) return { kind: 'pronoun', start: shift + words[i]!.index };
  let j = i;
  while (j >= 0 && i - j < 8 && isNameWord(words[j]![0])) j--;
  const run = words.slice(j + 1, i + 1);
  const kept = personName(run.map((w) => w[0]));
  if (!kept) return undefined;
  return { kind: 'name', name: kept.name, start: shift + run[kept.skipped]!.index };
}

/** The name that opens `text`, as in `said Lee Whan-chul, founder of …`. */
function leadingName(text: string): string | undefined {
  const run: string[] = [];
  for (const [word] of text.matchAll(/\S+/g)) {
    const bare = word.replace(/[,.;:!?)]+$/, '');
    if (run.length >= 8 || !isNameWord(bare)) break;
    run.push(bare);
    if (bare !== word) break;
  }
  return personName(run)?.name;
}

function isNameWord(word: string): boolean {
  return word.length <= 30 && /^\p{Lu}[\p{L}'’-]*$/u.test(word) && /\p{Ll}/u.test(word) && !/['’]s$|-$/.test(word);
}

/** Drops leading titles and place words; refuses organisations and runs too long for a name. */
function personName(words: readonly string[]): { name: string; skipped: number } | undefined {
  let skipped = 0;
  while (skipped < words.length && NOT_NAME_START.has(words[skipped]!)) skipped++;
  const name = words.slice(skipped);
  if (name.length === 0 || name.length > 4 || name.some((w) => ORGANISATION.has(w))) return undefined;
  return { name: name.join(' '), skipped };
}

/** Turns a subject into a speaker, keeping the document's memory of names up to date. */
function resolve(subject: Subject, sentence: number, earlier: readonly Attribution[], document: DocumentState): string | undefined {
  switch (subject.kind) {
    case 'pronoun':
      return document.current;
    case 'participle': {
      // `…," he said, noting that …` — the participle shares its sentence's speaker.
      const last = earlier.at(-1);
      return last && last.sentence === sentence ? last.speaker : undefined;
    }
    case 'none':
      return undefined;
    case 'name': {
      let name = subject.name;
      const words = name.split(' ');
      if (words.length === 1) {
        name = document.byFirst.get(name) ?? document.byLast.get(name) ?? name;
      } else {
        document.byFirst.set(words[0]!, name);
        document.byLast.set(words.at(-1)!, name);
      }
      document.current = name;
      return name;
    }
  }
}
