// A link to the exact words on another page, without any script on it:
// https://wicg.github.io/scroll-to-text-fragment/ (Chromium, Safari; other
// browsers just open the page).

const WORDS_AT_EACH_END = 4;

/** `-`, `,` and `&` separate the parts of a text directive, so they are escaped as well. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * The `#:~:text=` fragment that highlights `quote` on its page. Short
 * quotations are matched whole; long ones by their first and last words, so
 * the URL stays short.
 */
export function textFragment(quote: string): string {
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length <= WORDS_AT_EACH_END * 2) return `#:~:text=${encodePart(words.join(' '))}`;
  const start = words.slice(0, WORDS_AT_EACH_END).join(' ');
  const end = words.slice(-WORDS_AT_EACH_END).join(' ');
  return `#:~:text=${encodePart(start)},${encodePart(end)}`;
}
