import { ingestDocument, type DocumentDraft, type IngestOptions } from './ingest-document.ts';
import type { DossierMessage } from '../message.ts';
import { serializeBody } from '../to-mdx.ts';

/** A document ready to become an entry, once it has a slug: its frontmatter and its body as MDX. */
export interface PreparedDocument {
  frontmatter: DocumentDraft['frontmatter'];
  body: string;
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
  return {
    prepared: draft && { frontmatter: draft.frontmatter, body: serializeBody(draft.body), ...(draft.slug && { slug: draft.slug }) },
    messages,
  };
}
