const WORDS_PER_MINUTE = 200;
const SUMMARY_LENGTH = 200;

/** Words as ICU segments them: spaces for Latin and Hangul, a dictionary for Chinese and Japanese. */
export function countWords(text: string, language: string): number {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
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
