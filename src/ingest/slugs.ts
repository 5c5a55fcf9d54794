import { slug as slugify } from 'github-slugger';
import { compareStrings } from '../utils/compare-strings.ts';
import { fileStem } from '../utils/file-stem.ts';

// Unicode slugs take three bytes a character in file names (255 bytes at most).
const MAX_SLUG_CHARACTERS = 60;

export interface SlugRequest {
  title: string;
  /** A slug the document asks for (frontmatter `slug`): kept when it is free. */
  slug?: string;
  /** Path of the source document relative to the documents folder. */
  source: string;
}

/**
 * Titles → slugs that are readable (github-slugger keeps Hangul and Han
 * letters), unique, and stable: documents are taken in path order, the first
 * keeps the plain title slug, and a later one with the same title gets its
 * file name appended, so adding a document never renames another by title.
 */
export function assignSlugs(requests: readonly SlugRequest[], taken: ReadonlySet<string> = new Set()): Map<string, string> {
  const used = new Set(taken);
  const slugs = new Map<string, string>();
  const ordered = [...requests].sort((a, b) => compareStrings(a.source, b.source));
  for (const { title, source, slug: asked } of ordered) {
    const fileSlug = shorten(slugify(fileStem(source))) || 'document';
    // Docusaurus writes `slug: /docs/intro`: the last part names the page.
    const askedSlug = asked === undefined ? '' : shorten(slugify(asked.split('/').filter(Boolean).at(-1) ?? ''));
    const base = askedSlug || shorten(slugify(title)) || fileSlug;
    let slug = base;
    if (used.has(slug)) slug = base === fileSlug ? base : `${base}-${fileSlug}`;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${fileSlug}-${n}`;
    used.add(slug);
    slugs.set(source, slug);
  }
  return slugs;
}

function shorten(slug: string): string {
  const characters = Array.from(slug);
  if (characters.length <= MAX_SLUG_CHARACTERS) return slug;
  const cut = characters.slice(0, MAX_SLUG_CHARACTERS).join('');
  const dash = cut.lastIndexOf('-');
  return (dash > MAX_SLUG_CHARACTERS / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}
