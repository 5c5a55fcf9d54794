// Dates are stored as the document printed them, with no zone (see
// src/ingest/parse/dates.ts); reading and printing them in UTC shows them unchanged.
const DATE_TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-01-08T20:28:00` → `Jan 8, 2026, 8:28 PM`; `2026-01-08` → `Jan 8, 2026`. */
export function formatDate(iso: string): string {
  const hasTime = iso.includes('T');
  const date = new Date(hasTime ? `${iso}Z` : `${iso}T00:00:00Z`);
  return (hasTime ? DATE_TIME : DATE).format(date);
}
