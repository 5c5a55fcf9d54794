const WORDS_PER_MINUTE = 200;
// Readers take in Chinese and Japanese at about 400 characters a minute.
const CJK_CHARACTERS_PER_MINUTE = 400;
const SUMMARY_LENGTH = 200;

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// A run of letters or digits; Hangul words are separated by spaces like Latin ones.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;

export interface WordCount {
  /** Space-separated words (Latin, Hangul, Cyrillic…). */
  words: number;
  /** Han and kana characters, which are read one at a time. */
  cjkCharacters: number;
}

/**
 * Counts words the way reading-time estimates usually do: space-separated
 * words, plus one for each Chinese or Japanese character. (Intl.Segmenter
 * segments CJK by dictionary, but took a quarter of the ingest's time.)
 */
export function countWords(text: string): WordCount {
  const cjkCharacters = count(text, CJK_CHARACTER);
  const words = count(text.replace(CJK_CHARACTER, ' '), WORD);
  return { words, cjkCharacters };
}

function count(text: string, pattern: RegExp): number {
  let total = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) total++;
  return total;
}

export function readingMinutes({ words, cjkCharacters }: WordCount): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE));
}

/** The lead, cut on a word boundary near SUMMARY_LENGTH characters. */
export function summarize(lead: string): string {
  const text = lead.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= SUMMARY_LENGTH) return text;
  const cut = chars.slice(0, SUMMARY_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_LENGTH * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}
