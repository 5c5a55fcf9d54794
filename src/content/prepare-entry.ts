import { z } from 'astro/zod';
import { QuotationSchema } from './entry-schema.ts';
import { readFrontmatter, splitEntry } from './entry-file.ts';
import { renderEntryBody, UnsafeEntryError, type RenderedBody, type RenderOptions } from './render-entry.ts';

/**
 * What an entry's text makes, before the content layer validates it: its frontmatter as data and
 * its body as HTML. Pure, so that it runs on a worker thread as well as in the loader's (render-pool.ts).
 */
export type PreparedEntry =
  | { kind: 'no-frontmatter' }
  /** The frontmatter is not YAML, or the body holds MDX code: the entry is refused with this message. */
  | { kind: 'failed'; message: string; /** The file's line, when known. */ line?: number }
  /** `body` is undefined when the quotations are not valid: the schema's validation says why. */
  | { kind: 'read'; data: Record<string, unknown> | undefined; body?: RenderedBody };

const Quotations = z.array(QuotationSchema);

export function prepareEntry(text: string, render: RenderOptions): PreparedEntry {
  const entry = splitEntry(text);
  if (!entry) return { kind: 'no-frontmatter' };
  let data: Record<string, unknown> | undefined;
  try {
    data = readFrontmatter(entry.frontmatter);
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  // Not an entry the ingest wrote: the loader refuses it without rendering it.
  if (data?.generator !== 'dossier') return { kind: 'read', data };
  // The quotations as the collection's schema gives them, the same the page will show.
  const quotations = Quotations.safeParse(data.quotations);
  if (!quotations.success) return { kind: 'read', data };
  try {
    return { kind: 'read', data, body: renderEntryBody(entry.body, quotations.data, render) };
  } catch (error) {
    if (error instanceof UnsafeEntryError && error.line !== undefined) {
      return { kind: 'failed', message: error.message, line: error.line + entry.bodyLineOffset };
    }
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
