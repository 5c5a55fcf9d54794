import type { FrontmatterField } from './frontmatter.ts';

/**
 * Keys that open a Markdown document's metadata lines, as Pelican and
 * MultiMarkdown write them (`Title: …`, `Date: …`, then a blank line). Only a
 * block whose first key is one of these is metadata: `Note: …` opening a
 * document is text.
 */
const OPENING_KEYS = new Set([
  'title',
  'date',
  'author',
  'authors',
  'category',
  'tags',
  'slug',
  'summary',
  'description',
  'keywords',
  'lang',
  'modified',
  'status',
  'url',
]);
const LINE = /^([A-Za-z][\w -]{0,30}?)\s*:\s*(.*)$/u;
const CONTINUATION = /^(?: {4}|\t)\S/u;

/**
 * Splits off the `Key: value` lines that open a Markdown document (Pelican,
 * MultiMarkdown), up to the first blank line. Pure. Keys are matched without
 * case and with `_` for spaces (`Publish Date` → `publish_date`); values stay
 * the strings they are written as, so frontmatter readers check them. Like
 * frontmatter, the block's lines become empty lines, so the body keeps its
 * line numbers.
 */
export function splitMetadataLines(text: string): { fields?: Map<string, FrontmatterField>; text: string } {
  const lines = text.split('\n');
  const first = LINE.exec(lines[0] ?? '');
  if (!first || !OPENING_KEYS.has(keyOf(first[1]!))) return { text };
  const fields = new Map<string, FrontmatterField>();
  let end = 0;
  let last: string | undefined;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.trim() === '') break;
    const match = LINE.exec(line);
    if (match && !CONTINUATION.test(line)) {
      last = keyOf(match[1]!);
      if (!fields.has(last)) fields.set(last, { value: match[2]!.trim(), line: end + 1 });
    } else if (last !== undefined && CONTINUATION.test(line)) {
      const field = fields.get(last)!;
      field.value = `${String(field.value)} ${line.trim()}`.trim();
    } else {
      // A line that is neither a key nor a continuation: this was text all along.
      return { text };
    }
  }
  // One `Title:` line alone, with text right after it, is metadata too; a block with no body after it is not.
  if (end >= lines.length && fields.size < 2) return { text };
  const blanked = [...lines.slice(0, end).map(() => ''), ...lines.slice(end)].join('\n');
  return { fields, text: blanked };
}

function keyOf(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/gu, '_');
}
