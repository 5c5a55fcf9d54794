/** What the date archive needs of a document. */
export interface Dated {
  data: { published?: string };
}

export interface MonthGroup<T extends Dated> {
  /** `2026`. */
  year: string;
  /** `01`…`12`. */
  month: string;
  documents: T[];
}

export interface YearGroup<T extends Dated> {
  year: string;
  /** Newest month first. */
  months: MonthGroup<T>[];
  total: number;
}

export interface Archive<T extends Dated> {
  /** Newest year first. */
  years: YearGroup<T>[];
  /** Documents with no `Published:` date, in site order. */
  undated: T[];
}

/**
 * Documents (newest first) → years and months, newest first. Dates are read
 * as printed (`2026-01-08T20:28:00` is January 2026), never shifted by a zone.
 */
export function buildArchive<T extends Dated>(documents: readonly T[]): Archive<T> {
  const years = new Map<string, Map<string, T[]>>();
  const undated: T[] = [];
  for (const document of documents) {
    const match = /^(\d{4})-(\d{2})/.exec(document.data.published ?? '');
    if (!match) {
      undated.push(document);
      continue;
    }
    const [, year, month] = match as unknown as [string, string, string];
    const months = years.get(year) ?? new Map<string, T[]>();
    const list = months.get(month) ?? [];
    list.push(document);
    months.set(month, list);
    years.set(year, months);
  }
  return {
    years: [...years]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([year, months]) => {
        const groups = [...months].sort(([a], [b]) => b.localeCompare(a)).map(([month, list]) => ({ year, month, documents: list }));
        return { year, months: groups, total: groups.reduce((sum, group) => sum + group.documents.length, 0) };
      }),
    undated,
  };
}

/** `01` → `January`; in Korean `1월`. */
export function monthName(month: string, language = 'en'): string {
  let format = monthFormats.get(language);
  if (!format) monthFormats.set(language, (format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(2000, Number(month) - 1, 1)));
}

// One formatter a language: building one costs far more than using it, and archive pages name many months.
const monthFormats = new Map<string, Intl.DateTimeFormat>();
