/**
 * Where the quotations of a paragraph are: pairs of quote marks, matched left
 * to right in linear time. Straight and curly double quotes, « », „ “, CJK
 * brackets, and single quotes told apart from apostrophes.
 */

export interface Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (the paragraph's length for a quotation that runs on). */
  close: number;
  /** The quoted words, without marks or the spaces inside them. */
  text: string;
  /** Where `text` starts in the paragraph. */
  at: number;
  /** The quotation goes on in the next span: its opening mark came again with no closing one (a lost paragraph break). */
  runsOn?: true;
}

/** Opening mark → the marks that close it. */
const PAIRS: Readonly<Record<string, readonly string[]>> = {
  '"': ['"'],
  '“': ['”'],
  '„': ['“', '”'],
  '«': ['»'],
  '‹': ['›'],
  '「': ['」'],
  '『': ['』'],
  '‘': ['’'],
  "'": ["'"],
};
const OPENERS = /["“„«‹「『‘']/g;
const SINGLE = new Set(["'", '‘', '’']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Pairs quote marks left to right; an opening mark with no closing mark after it is skipped. */
export function findSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  // Next position of each closing mark; -1 once there is none left. Caching
  // it keeps a paragraph full of unmatched marks linear.
  const nextClose = new Map<string, number>();
  let i = 0;
  while (i < paragraph.length) {
    OPENERS.lastIndex = i;
    const opening = OPENERS.exec(paragraph);
    if (!opening) break;
    i = opening.index;
    const mark = opening[0];
    if (SINGLE.has(mark) && !opensSingle(paragraph, i)) {
      i++;
      continue;
    }
    let close = -1;
    for (const closer of PAIRS[mark]!) {
      const found = nextCloser(paragraph, closer, i + 1, nextClose);
      if (found !== -1 && (close === -1 || found < close)) close = found;
    }
    if (close === -1) {
      i++;
      continue;
    }
    // `… 26 weeks. "We are going …"`: the opening mark again after a sentence, before any closing one,
    // is a quotation that ran over a paragraph break the text lost. It ends there, and goes on.
    const again = reopening(paragraph, mark, i + 1, close);
    if (again !== -1) {
      const span = spanOf(paragraph, i, again);
      if (span) spans.push({ ...span, runsOn: true });
      i = again;
      continue;
    }
    const span = spanOf(paragraph, i, close);
    if (span) spans.push(span);
    i = close + 1;
  }
  return spans;
}

/**
 * The quotation that opens in this paragraph and runs on into the next, news
 * style: the next paragraph opens with the same mark, and the closing mark
 * comes only at the end. Undefined when the paragraph has none.
 */
export function runOnSpan(paragraph: string, next: string | undefined, spans: readonly Span[]): Span | undefined {
  const opener = next?.trimStart()[0];
  if (opener === undefined || !(opener in PAIRS) || SINGLE.has(opener)) return undefined;
  const from = spans.at(-1)?.close ?? -1;
  const open = paragraph.indexOf(opener, from + 1);
  if (open === -1) return undefined;
  // Only a mark that nothing closes runs on.
  if (PAIRS[opener]!.some((closer) => paragraph.indexOf(closer, open + 1) !== -1)) return undefined;
  return spanOf(paragraph, open, paragraph.length);
}

/** The same opening mark between `from` and `close`, right after a sentence's end and before a word; -1 when none. */
function reopening(paragraph: string, mark: string, from: number, close: number): number {
  if (SINGLE.has(mark)) return -1;
  // A straight mark is its own closer: the candidate is the closing one itself, if it is shaped like an opening one.
  const at = mark === '"' ? close : paragraph.indexOf(mark, from);
  if (at === -1 || at > close) return -1;
  const before = paragraph.slice(Math.max(from, at - 3), at);
  const after = paragraph[at + 1];
  return /[.!?]\s+$/u.test(before) && after !== undefined && /[\p{Lu}\p{N}'‘]/u.test(after) ? at : -1;
}

function spanOf(paragraph: string, open: number, close: number): Span | undefined {
  const inner = paragraph.slice(open + 1, close);
  const text = inner.trim();
  if (text === '') return undefined;
  return { open, close, text, at: open + 1 + inner.indexOf(text) };
}

function nextCloser(paragraph: string, closer: string, from: number, cache: Map<string, number>): number {
  if (SINGLE.has(closer)) return nextSingleCloser(paragraph, closer, from, cache);
  let close = cache.get(closer);
  if (close === undefined || (close !== -1 && close < from)) {
    close = paragraph.indexOf(closer, from);
    cache.set(closer, close);
  }
  return close;
}

/** The next single mark that closes a quotation: not an apostrophe inside a word (`it's`, `don’t`). */
function nextSingleCloser(paragraph: string, closer: string, from: number, cache: Map<string, number>): number {
  const close = cache.get(closer);
  if (close !== undefined && (close === -1 || close >= from)) return close;
  let at = paragraph.indexOf(closer, from);
  while (at !== -1 && !closesSingle(paragraph, at)) at = paragraph.indexOf(closer, at + 1);
  cache.set(closer, at);
  return at;
}

/** `'We` opens; `it's` and `'90s` (a digit after) do not. */
function opensSingle(paragraph: string, at: number): boolean {
  const before = paragraph[at - 1];
  const after = paragraph[at + 1];
  if (after === undefined || /\s/u.test(after) || /\p{N}/u.test(after)) return false;
  return before === undefined || !LETTER_OR_DIGIT.test(before);
}

/** `win,' said` closes; `it's` does not, nor `players' union` when a letter comes right after. */
function closesSingle(paragraph: string, at: number): boolean {
  const before = paragraph[at - 1];
  const after = paragraph[at + 1];
  if (before === undefined || /\s/u.test(before)) return false;
  if (after !== undefined && LETTER_OR_DIGIT.test(after)) return false;
  // `players' union`: a plural possessive (an s, then a lower-case word) is no closing mark; `dividend' never` is.
  return !(/s/iu.test(before) && /^\s+\p{Ll}/u.test(paragraph.slice(at + 1, at + 3)));
}
