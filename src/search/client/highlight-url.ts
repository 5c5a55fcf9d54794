/**
 * A result URL with its highlight words in NFC. Pagefind strips diacritics
 * from the query by decomposing it (NFD), which also splits every Hangul
 * syllable into its letters; the words it puts in the URL then no longer
 * match the page's text, and the result page would highlight nothing.
 */
export function composeHighlightWords(url: string, param: string): string {
  const parsed = new URL(url, 'https://dossier.invalid');
  const words = parsed.searchParams.getAll(param);
  if (words.every((word) => word === word.normalize('NFC'))) return url;
  parsed.searchParams.delete(param);
  for (const word of words) parsed.searchParams.append(param, word.normalize('NFC'));
  return parsed.origin === 'https://dossier.invalid' ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
}
