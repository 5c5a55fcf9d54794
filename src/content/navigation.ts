import type { EntryFrontmatter, Quotation } from './entry-schema.ts';

/**
 * What the site's pages show of a document other than on its own page: its
 * line in the sidebar, a list, the feed, a pager, "related", and who it quotes.
 * A build in partitions loads its own entries whole and everyone else's as
 * this, from the navigation manifest (navigation-manifest.ts), so what it holds
 * grows with its partition rather than with the archive.
 */
export type NavigationData = Pick<
  EntryFrontmatter,
  'title' | 'section' | 'published' | 'language' | 'order' | 'tags' | 'summary' | 'draft'
> & {
  /** Whole for the documents a page quotes from; without their `text` elsewhere (`withoutTexts`). */
  quotations: Quotation[];
};

/** A document as navigation knows it: every generated entry is one, whole. */
export interface NavigationEntry {
  id: string;
  data: NavigationData;
}

const FIELDS = ['title', 'section', 'published', 'language', 'order', 'tags', 'summary', 'draft'] as const satisfies ReadonlyArray<
  keyof NavigationData
>;

/** The navigation fields of an entry's validated frontmatter, in one order, absent ones left out. */
export function navigationData(frontmatter: EntryFrontmatter): NavigationData {
  const data: Record<string, unknown> = {};
  for (const field of FIELDS) if (frontmatter[field] !== undefined) data[field] = frontmatter[field];
  data.quotations = frontmatter.quotations;
  return data as NavigationData;
}

/** One line of the manifest: the entry, and the hash of the entry file it was read from (entry-index.json). */
export interface NavigationLine extends NavigationEntry {
  hash: string;
}

export function formatNavigationLine(line: NavigationLine): string {
  return JSON.stringify({ id: line.id, hash: line.hash, data: line.data });
}

/**
 * A line of the manifest. `keepText(index)` says which of its quotations keep their words: a partition
 * holds the words of the quotations on its own people's pages only, and an empty text stands for the others.
 */
export function parseNavigationLine(
  text: string,
  keepText: (index: number) => boolean = () => true,
  intern: (value: string) => string = (value) => value,
): NavigationLine {
  const line = JSON.parse(text) as NavigationLine;
  const { data } = line;
  data.language = intern(data.language);
  data.section = data.section.map(intern);
  if (data.tags) data.tags = data.tags.map(intern);
  data.quotations = data.quotations.map((quotation, index) => {
    const { speaker, role, source } = quotation;
    return {
      ...quotation,
      ...(!keepText(index) && { text: '' }),
      ...(speaker !== undefined && { speaker: intern(speaker) }),
      ...(role !== undefined && { role: intern(role) }),
      ...(source !== undefined && { source: intern(source) }),
    };
  });
  return line;
}

/**
 * One copy of each string it is given: the names, roles, sections and languages that a whole
 * archive's lines repeat are held once by a partition rather than once a line.
 */
export function stringPool(): (value: string) => string {
  const pool = new Map<string, string>();
  return (value) => {
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  };
}
