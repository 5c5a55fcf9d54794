// Dates are stored as the document printed them, with no zone (see
// src/ingest/parse/dates.ts); reading and printing them in UTC shows them unchanged.
const formats = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }>();

/** In CJK languages the long style is the everyday one (`1921년 8월 1일`, `2026年1月8日`); in others, the medium one. */
function formatsOf(language: string) {
  let cached = formats.get(language);
  if (!cached) {
    const dateStyle = /^(ko|zh|ja)\b/i.test(language) ? 'long' : 'medium';
    cached = {
      date: new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle, timeStyle: 'short', timeZone: 'UTC' }),
    };
    formats.set(language, cached);
  }
  return cached;
}

// Each date is printed on many pages (lists, sidebars, related documents): formatted once, however
// many show it. At most one string per document's date and language.
const formatted = new Map<string, string>();

/** `2026-01-08T20:28:00` → `Jan 8, 2026, 8:28 PM`; `2026-01-08` → `Jan 8, 2026`; in Korean `2026년 1월 8일`. */
export function formatDate(iso: string, language = 'en'): string {
  const key = `${language} ${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = format(iso, language);
    formatted.set(key, text);
  }
  return text;
}

function format(iso: string, language: string): string {
  const hasTime = iso.includes('T');
  const date = new Date(hasTime ? `${iso}Z` : `${iso}T00:00:00Z`);
  const { date: dateOnly, dateTime } = formatsOf(language);
  return (hasTime ? dateTime : dateOnly).format(date);
}
