import { ingestDocument, type DocumentDraft, type IngestOptions } from './ingest-document.ts';
import type { DossierMessage } from '../message.ts';
import { entryAfterSlug, serializeBody } from '../to-mdx.ts';

/**
 * A document ready to become an entry once it has a slug: the fields of its frontmatter the
 * ingest's records keep, and its entry's text after the slug (`entryAfterSlug`).
 */
export interface PreparedDocument extends Pick<DocumentDraft['frontmatter'], 'title' | 'section' | 'updated'> {
  text: string;
  /** The slug its frontmatter asks for. */
  slug?: string;
}

/** Bytes → prepared document and diagnostics. Pure, and small to pass between threads. */
export function prepareDocument(
  bytes: Uint8Array,
  source: string,
  options: IngestOptions,
): { prepared?: PreparedDocument; messages: DossierMessage[] } {
  const { draft, messages } = ingestDocument(bytes, source, options);
  if (!draft) return { messages };
  const { title, section, updated } = draft.frontmatter;
  return {
    prepared: {
      title,
      section,
      ...(updated !== undefined && { updated }),
      text: entryAfterSlug(draft.frontmatter, serializeBody(draft.body)),
      ...(draft.slug && { slug: draft.slug }),
    },
    messages,
  };
}
