import type { Quotation } from '../../content/entry-schema.ts';
import { hangulSubject, hanSubject, kanaSubject, type CjkSubject } from './cjk-attribution.ts';
import { indexNames, type NameIndex } from './name-index.ts';
import {
  GROUP,
  isHonorificOnly,
  isOrganisationRun,
  isParticle,
  isRoleOnly,
  isRoleWord,
  isRunWord,
  parsePersonName,
} from './person-names.ts';
import { findSpans, runOnSpan, type Span } from './quote-spans.ts';

/**
 * Finds the quotations in an article's body paragraphs and, where the text
 * says so, who spoke each one: a person, resolved to the full name the
 * document gives them (`Blair` → `Tony Blair`), or a group or role that is
 * no person (`analysts`, `the ministry`).
 *
 * Everything works on bounded windows around quote marks and speech verbs,
 * and no regex can backtrack over more than one word, so time stays linear in
 * the input even for huge or malformed paragraphs.
 */

/** Speech verbs (English, and a few of German and French); participles take the subject of the verb before them. */
const VERB =
  /(?<!\p{L})(?:said|says|told|tells|added|adds|noted|notes|warned|warns|insisted|insists|admitted|announced|vowed|tweeted|joked|cautioned|complained|pledged|promised|revealed|boasted|reiterated|countered|quipped|agreed|replied|responded|continued|concluded|suggested|urged|declared|acknowledged|observed|commented|confirmed|maintained|predicted|recalled|conceded|emphasi[sz]ed|stressed|explained|explains|stated|remarked|asked|wrote|writes|argued|claimed|[Aa]ccording\s+to|saying|noting|adding|stressing|emphasi[sz]ing|explaining|stating|arguing|claiming|warning|insisting|sagte|sagt|erklärte|betonte|meinte|déclaré|affirmé|ajouté|expliqué|estimé|[Ss]elon)(?!\p{L})/gu;
const PARTICIPLE = /ing$/;
/** Verbs that can come before their subject: `"…," said Lee`. Not `told`: its object follows. */
const INVERTIBLE =
  /^(?:said|says|added|adds|noted|warned|insisted|admitted|vowed|tweeted|joked|cautioned|complained|pledged|promised|revealed|boasted|reiterated|countered|quipped|agreed|replied|responded|continued|concluded|suggested|urged|declared|acknowledged|observed|commented|confirmed|maintained|recalled|conceded|emphasi[sz]ed|stressed|explained|stated|remarked|asked|wrote|argued|claimed|sagte|sagt|erklärte|betonte|meinte|déclaré|affirmé|ajouté|expliqué|estimé)$/;
const ACCORDING = /^(?:according|selon)/i;
const PRONOUN = /^(?:he|she|they|er|sie|il|elle|ils|elles)$/i;
/** Words that may sit between a subject and its verb: `Lee also said`, `She further noted`. */
const ADVERB =
  /^(?:also|further|then|later|once|again|previously|recently|earlier|meanwhile|however|too|though|instead|now|today|yesterday|who|has|had|have|would|will|a|\p{Ll}+ly)$/u;
/** Words before a group noun that belong to it: `the`, `a`, `Multiple South Korean business`; not verbs or conjunctions. */
const GROUP_MODIFIER =
  /^(?!(?:that|which|who|and|but|or|as|when|while|because|if|after|before|since|so|than|then|has|have|had|is|are|was|were|be|been|will|would|could|should|may|might|can|not|said|told|says)$)[\p{L}-]+$/iu;
/** A `.` after these does not end a sentence. */
const ABBREVIATION =
  /^(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\p{Lu})$/u;
const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;
/** Around a quotation, these scripts mean CJK prose (Japanese puts kana right next to its 「」). */
const CJK_PROSE = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Who said a quotation, as the entry records it. */
interface Who {
  speaker?: string;
  role?: string;
  source?: string;
}

/** What a speech verb's subject turned out to be, before names are resolved. */
type Subject =
  | { kind: 'name'; name: string; role?: string; honorific?: true; start: number }
  | { kind: 'group'; phrase: string; start: number }
  | { kind: 'pronoun' | 'plural' | 'participle' | 'none'; start: number };

/** A speech verb outside the quotes, with who it names (undefined: nobody we can tell). */
interface Attribution {
  /** Where the attribution begins (its subject, or the verb): for "right after the quote". */
  start: number;
  sentence: number;
  who: Who | undefined;
}

/** What carries over from paragraph to paragraph. */
interface DocumentState {
  names: NameIndex;
  /** The latest named speaker, and where: he/she/they refer to them, or to a person named since. */
  current: { who: Who; paragraph: number; at: number } | undefined;
  /** The latest group or role quoted, and where: `they` refers to it, and so does `he` right after `a spokesman said`. */
  lastSource?: Who;
  lastSourceAt?: { paragraph: number; at: number };
  /** Where the attribution being resolved is. */
  here?: { paragraph: number; at: number };
}

/**
 * A quotation found in one paragraph; `runsOn` when it continues into the next, and then `unless`:
 * who said it if no part of it names a speaker (the speaker of its paragraph, as in rule 3).
 */
type Found = Quotation & { runsOn?: true; opensParagraph?: true; unless?: Who };

export function extractQuotations(paragraphs: readonly string[]): Quotation[] {
  if (!Array.isArray(paragraphs)) return [];
  try {
    return findQuotations(paragraphs);
  } catch {
    // A heuristic must never break the ingest: a document it cannot read yields no quotations.
    return [];
  }
}

function findQuotations(paragraphs: readonly string[]): Quotation[] {
  const document: DocumentState = { names: indexNames(paragraphs), current: undefined };
  const quotations: Found[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (typeof paragraph !== 'string') return;
    try {
      const next = paragraphs[index + 1];
      // One at a time: a paragraph of 150,000 quotations is more than a call's arguments can hold.
      for (const found of paragraphQuotations(paragraph, index, document, typeof next === 'string' ? next : undefined))
        quotations.push(found);
    } catch {
      // A heuristic must never break the ingest; the paragraph just yields no quotations.
    }
  });
  // A quotation that runs on goes on in the next span of its paragraph, or in the one that opens the next paragraph.
  let chain: Found[] = [];
  for (const quotation of quotations) {
    const last = chain.at(-1);
    if (last) {
      const continues =
        last.paragraph === quotation.paragraph || (quotation.opensParagraph === true && quotation.paragraph === last.paragraph + 1);
      if (continues) chain.push(quotation);
      if (!continues || !quotation.runsOn) {
        closeChain(chain);
        chain = [];
        if (continues) continue;
      }
    }
    if (quotation.runsOn && chain.at(-1) !== quotation) chain = [quotation];
  }
  closeChain(chain);
  return quotations.map(({ runsOn: _runsOn, opensParagraph: _opens, unless: _unless, ...quotation }) => quotation);
}

/** One quotation over several paragraphs has one speaker: the one named where it starts (`X said: "…`), else where it ends. */
function closeChain(chain: Found[]): void {
  const first = chain[0];
  if (!first) return;
  if (chain.length === 1) {
    // Its paragraph never went on: what it said stays in its paragraph, and so does who said it.
    if (first.speaker === undefined && first.source === undefined) Object.assign(first, first.unless);
    return;
  }
  const said =
    first.speaker !== undefined || first.source !== undefined
      ? first
      : ([...chain].reverse().find((piece) => piece.speaker !== undefined || piece.source !== undefined) ?? first.unless);
  const who: Who = {
    ...(said?.speaker !== undefined && { speaker: said.speaker }),
    ...(said?.role !== undefined && { role: said.role }),
    ...(said?.source !== undefined && { source: said.source }),
  };
  chain.forEach((piece, i) => {
    delete piece.speaker;
    delete piece.role;
    delete piece.source;
    Object.assign(piece, who);
    if (i > 0) piece.continued = true;
  });
}

function paragraphQuotations(paragraph: string, index: number, document: DocumentState, next: string | undefined): Found[] {
  const spans: Span[] = findSpans(paragraph);
  // Where the paragraph's text begins: a quotation there opens the paragraph.
  const textStart = paragraph.length - paragraph.trimStart().length;
  const tail = runOnSpan(paragraph, next, spans);
  if (tail) spans.push({ ...tail, runsOn: true });

  // Speech verbs live in the gaps between quotes (gap k precedes quote k); a
  // verb inside a quote is part of what someone said, not an attribution.
  const attributions: Attribution[] = [];
  const gapEnd: number[] = []; // attributions.length after each gap
  const quoteSentence: number[] = [];
  let sentence = 0;
  for (let k = 0; k <= spans.length; k++) {
    const previous = spans[k - 1];
    if (previous && /[.。!?！？]\s*$/u.test(previous.text)) sentence++;
    const from = previous ? previous.close + 1 : 0;
    const gap = paragraph.slice(from, spans[k]?.open ?? paragraph.length);
    const ends = sentenceEnds(gap);
    let e = 0;
    for (const match of gap.matchAll(VERB)) {
      while (e < ends.length && ends[e]! <= match.index) e++;
      const subject = findSubject(gap, e > 0 ? ends[e - 1]! : 0, match.index, match[0]);
      const here = sentence + e;
      document.here = { paragraph: index, at: from + subject.start };
      attributions.push({ start: from + subject.start, sentence: here, who: resolve(subject, here, attributions, document) });
    }
    sentence += ends.length;
    gapEnd.push(attributions.length);
    if (k < spans.length) quoteSentence.push(sentence);
  }

  const found: Found[] = [];
  let previous: { sentence: number; who: Who | undefined } | undefined;
  spans.forEach((span, k) => {
    let who: Who | undefined;
    let unless: Who | undefined;
    const before = paragraph.slice(k > 0 ? spans[k - 1]!.close + 1 : 0, span.open);
    const after = paragraph.slice(span.close + 1, spans[k + 1]?.open ?? paragraph.length);
    document.here = { paragraph: index, at: span.open };
    if (isCjkContext(paragraph, span)) {
      who = cjkSpeaker(before, after, document);
      previous = undefined;
    } else {
      const s = quoteSentence[k]!;
      const attributionAfter = attributions[gapEnd[k]!];
      const attributionBefore = attributions[gapEnd[k]! - 1];
      const beforeInGap = gapEnd[k]! > (k > 0 ? gapEnd[k - 1]! : 0) ? attributionBefore : undefined;
      const interviewee = interviewSpeaker(before, document);
      if (interviewee) {
        // `Loach: "…"`.
        who = interviewee;
        previous = { sentence: s, who };
      } else if (
        attributionAfter &&
        attributionAfter.sentence === s &&
        gapEnd[k + 1]! > gapEnd[k]! &&
        isRightAfter(paragraph, span.close + 1, attributionAfter.start)
      ) {
        // 1. `"…," Lee said` — an attribution to someone unnamed counts too, and gives no speaker.
        who = attributionAfter.who;
        previous = { sentence: s, who };
      } else if (beforeInGap && beforeInGap.sentence === s) {
        // 2. `Park told the Global Times that she has observed a "…"`.
        who = beforeInGap.who;
        previous = { sentence: s, who };
      } else if (previous && previous.sentence === s) {
        // `Lee said "A" and "B"`: B shares A's sentence, so A's speaker.
        who = previous.who;
      } else if (span.runsOn) {
        // A quotation that runs on is attributed where it ends; failing that, as in 3
        // (`"…," said Vidal. "The pupils move…` ¶ `"We will pay…"`: Vidal's).
        who = undefined;
        unless = isSpeech(span.text) ? (attributionBefore ?? attributionAfter)?.who : undefined;
      } else if (isSpeech(span.text)) {
        // 3. The nearest speech verb elsewhere in the paragraph.
        who = (attributionBefore ?? attributionAfter)?.who;
        previous = undefined;
      } else {
        // A few words in quotes with no speech verb in their sentence: a title or a scare quote, nobody's words.
        previous = undefined;
      }
    }
    found.push({
      text: span.text,
      ...who,
      paragraph: index,
      ...(span.runsOn && { runsOn: true as const }),
      ...(unless && { unless }),
      ...(span.open === textStart && { opensParagraph: true as const }),
    });
  });
  return found;
}

/** Words that read as something said: a sentence (capital first, or long), not a phrase in scare quotes. */
function isSpeech(text: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(text) || (text.match(/\S+/g) ?? []).length >= 6;
}

/** A quotation in Chinese or Korean prose: the text on either side of its marks is Han or Hangul. */
function isCjkContext(paragraph: string, span: Span): boolean {
  const around = paragraph.slice(Math.max(0, span.open - 2), span.open) + paragraph.slice(span.close + 1, span.close + 3);
  return CJK_PROSE.test(around) || (CJK_PROSE.test(span.text.slice(0, 2)) && !/[A-Za-z]/.test(around));
}

function cjkSpeaker(before: string, after: string, document: DocumentState): Who | undefined {
  const subject: CjkSubject | undefined = kanaSubject(before, after) ?? hanSubject(before, after) ?? hangulSubject(before, after);
  if (!subject) return undefined;
  if (subject.kind === 'pronoun') return pronounReferent(document);
  if (subject.kind === 'group') return { source: subject.phrase };
  // A name of three characters or more is a full one; two may be a Japanese family name alone (`岸田`).
  if (Array.from(subject.name).length >= 3) document.names.add(subject);
  return named(subject.name, subject.role, document);
}

/** `Loach: "…"` or `Ken Loach: "…"` at the start of a sentence: an interview's speaker. */
function interviewSpeaker(before: string, document: DocumentState): Who | undefined {
  const match = /(?:^|[.!?]\s+)([^\s:.!?][^:.!?]{0,60}):\s*$/u.exec(before);
  if (!match) return undefined;
  const words = match[1]!.trim().split(/\s+/u);
  if (words.length > 4 || !words.every((word) => isRunWord(word))) return undefined;
  const person = parsePersonName(words);
  if (!person) return undefined;
  // One word before a colon is a speaker only when the document names that person in full (`Update:` is not).
  if (!/\s/u.test(person.name) && !document.names.resolve(person.name)) return undefined;
  return named(person.name, person.role, document);
}

/** Offsets just past each sentence end in a stretch of text between quotations. */
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
  if (ACCORDING.test(verb)) return leadingSubject(following, verbAt) ?? none;
  const windowStart = Math.max(sentenceStart, verbAt - 300);
  const before = gap.slice(windowStart, verbAt).trimEnd();
  if (/[\p{L}\p{N}]$/u.test(before)) {
    // `Lee said`, `he said`, `Lee also said`, `analysts at Barclays said`.
    const subject = trailingSubject(before);
    if (subject) return { ...subject, start: windowStart + subject.start };
    if (!INVERTIBLE.test(verb)) return none;
  }
  if (before.endsWith(',')) {
    const subject = appositiveSubject(before);
    if (subject) return { ...subject, start: windowStart + subject.start };
  }
  if (INVERTIBLE.test(verb)) return leadingSubject(following, verbAt) ?? none;
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
    // An aside (`founder of L&C Bio`, `US chief economist at SG`) has lower-case words; a name has none.
    if (/^[\p{Ll}\p{N}(]/u.test(trimmed) || trimmed.split(/\s+/u).some((word) => /^\p{Ll}/u.test(word) && !isParticle(word))) continue;
    const subject = trimmed === '' ? undefined : trailingSubject(chunk.trimEnd());
    return subject && subject.kind !== 'group' ? { ...subject, start: offset + 1 + subject.start } : undefined;
  }
  return undefined;
}

/** The pronoun, name or group that ends `text` (after skipping adverbs), with its offset. */
function trailingSubject(text: string): Subject | undefined {
  const words = [...text.slice(-160).matchAll(/\S+/g)];
  const shift = Math.max(0, text.length - 160);
  let i = words.length - 1;
  for (let skipped = 0; i >= 0 && skipped < 2 && ADVERB.test(words[i]![0]); skipped++) i--;
  if (i < 0) return undefined;
  if (PRONOUN.test(words[i]![0])) {
    return { kind: /^(?:they|sie|ils|elles)$/i.test(words[i]![0]) ? 'plural' : 'pronoun', start: shift + words[i]!.index };
  }
  let j = i;
  while (j >= 0 && i - j < 8 && isRunWord(words[j]![0])) j--;
  const run = words.slice(j + 1, i + 1);
  // `… at Barclays`, and `Department of Trade and Industry`: a run after a preposition, or after `and` inside a
  // capitalised name, is no subject of its own.
  const preposition =
    j >= 0 &&
    (/^(?:at|of|for|from|with|in|by|to|close)$/.test(words[j]![0]) ||
      (/^(?:and|&)$/.test(words[j]![0]) && j > 0 && isRunWord(words[j - 1]![0])));
  if (run.length > 0 && !preposition) {
    const person = parsePersonName(run.map((w) => w[0]));
    if (person) return { kind: 'name', ...person, start: shift + run[run.length - person.name.split(' ').length]!.index };
  }
  const runWords = run.map((w) => w[0]);
  if (isHonorificOnly(runWords)) return undefined;
  if (run.length > 0 && !preposition && isRoleOnly(runWords)) {
    // `the Home Secretary said`: a role with no name.
    return groupPhrase(words, j + 1, i, shift);
  }
  // No person: perhaps a group, with a phrase after it: `analysts at Barclays`, `sources close to the minister`,
  // `police`, `a spokesman for the UK Film Council` (an organisation ends it).
  if (run.length > 0 && !preposition && !(run.length === 1 && GROUP.test(runWords[0]!)) && !isOrganisationRun(runWords)) return undefined;
  for (let g = Math.max(0, i - 6); g <= i; g++) {
    if (g < i && /[,;:]$/.test(words[g]![0])) continue; // the phrase starts after any comma
    if (words.slice(g, i).some((w) => /[,;:]$/.test(w[0]))) continue;
    const word = words[g]![0].replace(/[,;:]$/, '');
    if (GROUP.test(word)) return groupPhrase(words, g, i, shift);
  }
  return undefined;
}

/** The group's words from `first` to `last`, with the words before that belong to it (`Multiple South Korean business leaders`). */
function groupPhrase(words: readonly RegExpExecArray[], first: number, last: number, shift: number): Subject {
  let start = first;
  while (start > 0 && first - start < 4 && GROUP_MODIFIER.test(words[start - 1]![0])) start--;
  const phrase = words
    .slice(start, last + 1)
    .map((w) => w[0])
    .join(' ');
  return { kind: 'group', phrase, start: shift + words[start]!.index };
}

/**
 * The subject after an inverted verb or `according to`: `said Lee Whan-chul, founder of …`,
 * `said chief executive John Smith`, `according to analysts`.
 */
function leadingSubject(text: string, at: number): Subject | undefined {
  const words = [...text.matchAll(/\S+/g)].slice(0, 12).map(([word]) => word);
  const bare = (word: string): string => word.replace(/[,.;:!?)]+$/, '');
  // Role words before the name: `chief executive John Smith`, `England sevens coach Mike Friday`,
  // `the company's chief executive, Tim Cook`, `witness Tom Harris`.
  let first = 0;
  for (let k = 0; k < Math.min(words.length - 1, 6); k++) {
    const word = bare(words[k]!);
    if (/^\p{Ll}/u.test(word) && (isRoleWord(word) || GROUP.test(word)) && isRunWord(bare(words[k + 1]!))) {
      first = k + 1;
      break;
    }
    if (words[k] !== word && !words[k]!.endsWith(',')) break;
  }
  const run: string[] = [];
  for (const word of words.slice(first)) {
    if (run.length >= 8 || !isRunWord(bare(word))) break;
    run.push(bare(word));
    // A dot after an abbreviation or an initial does not end the name: `said Dr. Anthony Fauci`, `Gov. Gavin Newsom`.
    if (bare(word) !== word && !(word.endsWith('.') && ABBREVIATION.test(bare(word)) && run.length < 8)) break;
  }
  const person = run.length > 0 && !isHonorificOnly(run) ? parsePersonName(run) : undefined;
  if (person) {
    const role =
      first > 0
        ? words
            .slice(0, first)
            .join(' ')
            .replace(/,$/u, '')
            .replace(/^(?:the|a|an)\s+/iu, '')
        : person.role;
    return {
      kind: 'name',
      name: person.name,
      ...(role !== undefined && { role }),
      ...(person.honorific && { honorific: true as const }),
      start: at,
    };
  }
  // `said the Home Secretary`, `according to analysts`, `said a spokesman for the firm`; not `said in a statement`.
  if (/^(?:in|on|at|by|with|to|for|from|after|before|that|this|it)$/i.test(words[0] ?? '')) return undefined;
  const phrase: string[] = [];
  for (const word of words.slice(0, 6)) {
    phrase.push(bare(word));
    if (GROUP.test(bare(word)) || isRoleWord(bare(word))) return { kind: 'group', phrase: phrase.join(' '), start: at };
    if (bare(word) !== word || !/^\p{L}+$/u.test(word)) break;
  }
  return undefined;
}

/** Turns a subject into who said it, keeping the document's memory of speakers up to date. */
function resolve(subject: Subject, sentence: number, earlier: readonly Attribution[], document: DocumentState): Who | undefined {
  switch (subject.kind) {
    case 'pronoun':
      return pronounReferent(document);
    case 'plural':
      // `they said`: the group quoted last (police, officials), never one person.
      return document.lastSource;
    case 'participle': {
      // `…," he said, noting that …` — the participle shares its sentence's speaker.
      const last = earlier.at(-1);
      return last && last.sentence === sentence ? last.who : undefined;
    }
    case 'none':
      return undefined;
    case 'group': {
      // `the prime minister said`, in a document that calls one person Prime Minister: that person.
      const holder = document.names.holderOf(subject.phrase.replace(/^(?:the|a|an)\s+/iu, ''));
      if (holder) return named(holder, undefined, document);
      document.lastSource = { source: subject.phrase };
      document.lastSourceAt = document.here;
      return document.lastSource;
    }
    case 'name':
      if (!subject.honorific && !subject.role && isThing(subject.name, document)) return { source: subject.name };
      return named(subject.name, subject.role, document);
  }
}

/** A name the document treats as a thing (`Yukos`, `Age Concern … it`), or a role word alone (`King` with no Mervyn King): no person. */
function isThing(name: string, document: DocumentState): boolean {
  if (HAN_OR_HANGUL.test(name)) return false;
  if (/\s/u.test(name)) return document.names.isOrganisation(name);
  if (document.names.resolve(name) !== undefined) return false;
  return document.names.isOrganisation(name) || isRoleOnly([name]);
}

/** A name as written → the person: a bare name becomes the full name the document gives, unless two people share it. */
function named(name: string, role: string | undefined, document: DocumentState): Who | undefined {
  let speaker: string | undefined = name;
  // A bare name: a Latin word, or a CJK family name of one or two characters.
  if (!/\s/u.test(name) && Array.from(name).length <= (HAN_OR_HANGUL.test(name) ? 2 : 30)) {
    const full = document.names.resolve(name);
    if (full === null)
      speaker = undefined; // two people share it: attribute to neither
    else if (full !== undefined) speaker = full;
  }
  if (speaker === undefined) {
    document.current = undefined;
    return undefined;
  }
  const who: Who = { speaker };
  const knownRole = role ?? document.names.roleOf(speaker);
  if (knownRole) who.role = knownRole;
  const here = document.here ?? { paragraph: 0, at: 0 };
  document.current = { who, ...here };
  return who;
}

/** `a spokesman for the firm`: one, whom he or she can mean; not `analysts`, `police`, nor a role such as `the minister`. */
function isSingular(phrase: string): boolean {
  // Only a spokesperson: `the prime minister` is a person the text names elsewhere, whom the speaker already is.
  return /^(?:a|an|the|its|his|her)\s(?:\p{L}+\s){0,3}spokes(?:man|woman|person)\b/iu.test(phrase);
}

/**
 * He, she or they: the latest speaker; before anyone has spoken, the latest
 * person named in full (`Kevin Keegan resigned. "…," he said`).
 */
function pronounReferent(document: DocumentState): Who | undefined {
  const here = document.here ?? { paragraph: 0, at: 0 };
  // `A spokesman said: "…" He added: "…"`: a group quoted after the latest person is whom he or she means.
  const source = document.lastSourceAt;
  const current = document.current;
  if (
    document.lastSource?.source !== undefined &&
    isSingular(document.lastSource.source) &&
    source &&
    source.paragraph >= here.paragraph - 1 &&
    (current === undefined || source.paragraph > current.paragraph || (source.paragraph === current.paragraph && source.at > current.at))
  ) {
    return document.lastSource;
  }
  const mention = document.names.mentionBefore(here.paragraph, here.at);
  // `… said Julian Smith. Alexander Linden, of Gartner, removed it. "…," he said`: a person who opens a
  // sentence of this paragraph after the latest speaker is the one meant.
  const newSubject =
    mention?.subject === true &&
    mention.paragraph === here.paragraph &&
    (current === undefined || current.paragraph < mention.paragraph || current.at < mention.at);
  if (current && !newSubject) return current.who;
  return mention && named(mention.name, undefined, document);
}
