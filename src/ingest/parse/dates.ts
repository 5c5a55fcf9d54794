import { UTCDate, utc } from '@date-fns/utc';
// Subpaths: the package's root module imports all its functions, a cost paid
// in module loading at the start of every build.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

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
