import { createRequire } from 'node:module';
import { UTCDate, utc } from '@date-fns/utc';

// date-fns's CommonJS build, and by subpath. `parse` is about 200 modules: as ES modules, Node reads
// the package's 199 KB package.json again for each one's format, 0.6 s of every thread that parses
// documents, against 0.06 s as CommonJS (BENCHMARKS.md); its root module imports every function.
const require = createRequire(import.meta.url);
const { format } = require('date-fns/format') as typeof import('date-fns/format');
const { isValid } = require('date-fns/isValid') as typeof import('date-fns/isValid');
const { parse } = require('date-fns/parse') as typeof import('date-fns/parse');

// Layouts seen in news and archive headers, most specific first. Formats with
// a time come before the same date without one, so the time is never dropped.
const DATE_TIME_FORMATS = [
  'MMM d, yyyy h:mm a',
  'MMMM d, yyyy h:mm a',
  'MMM d, yyyy HH:mm',
  'MMMM d, yyyy HH:mm',
  'd MMM yyyy HH:mm',
  'd MMMM yyyy HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  'yyyy/MM/dd HH:mm',
] as const;
const DATE_FORMATS = ['MMM d, yyyy', 'MMMM d, yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'yyyy-MM-dd', 'yyyy/MM/dd'] as const;

/**
 * A printed date → ISO 8601 (`2026-01-08T20:28:00`, or `2026-01-08` when no
 * time is printed). The document names no time zone, so none is invented:
 * parsing and formatting both happen in UTC, which makes the result the same
 * on every machine whatever its TZ.
 */
export function parsePrintedDate(printed: string): string | undefined {
  const value = printed
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\.(?=\s)/, '');
  for (const layout of DATE_TIME_FORMATS) {
    const date = parse(value, layout, new UTCDate(0), { in: utc });
    if (isValid(date)) return format(date, "yyyy-MM-dd'T'HH:mm:ss", { in: utc });
  }
  for (const layout of DATE_FORMATS) {
    const date = parse(value, layout, new UTCDate(0), { in: utc });
    if (isValid(date)) return format(date, 'yyyy-MM-dd', { in: utc });
  }
  return undefined;
}

// `2023-07-14`, `2023-07-14 10:05`, `2010-01-10 13:07:09 +00:00`, `2020-10-06T08:48:45.000+02:00`:
// the forms frontmatter and header lines write dates in.
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC)?$/i;

/**
 * A date as frontmatter writes it → ISO 8601 with the calendar date and
 * time as written: a zone offset is dropped, never applied, so the date a
 * reader sees is the date the author wrote. Printed dates (`Jan 5, 2020`)
 * go through {@link parsePrintedDate}. Undefined when it is not a real date.
 */
export function parseWrittenDate(written: string): string | undefined {
  const value = written.trim();
  const match = ISO_LIKE.exec(value);
  if (!match) return parsePrintedDate(value);
  const [, year, month, day, hour, minute, second] = match;
  const date = calendarDate(Number(year), Number(month), Number(day));
  if (!date) return undefined;
  if (hour === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined;
  return `${date}T${pad(hour)}:${minute}:${pad(second ?? '00')}`;
}

/** `2023, 2, 30` → undefined; `1921, 8, 1` → `1921-08-01`. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${pad(String(month))}-${pad(String(day))}`;
}

function pad(part: string): string {
  return part.padStart(2, '0');
}
