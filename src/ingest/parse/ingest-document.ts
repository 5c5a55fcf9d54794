import type { Root } from 'mdast';
import { plainText } from './plain-text.ts';
import type { EntryFrontmatter } from '../../content/entry-schema.ts';
import { decodeText, showControlCharacters } from './decode.ts';
import { readDocumentMeta, type DocumentMeta } from './document-meta.ts';
import { folderSection, readDocumentPath, type PathFacts } from './document-path.ts';
import type { FolderDescription } from './folder-description.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { splitMetadataLines } from './metadata-lines.ts';
import { detectLanguage } from './language.ts';
import { messageCollector, type DossierMessage } from '../message.ts';
import { parsePlainText, type ParsedDocument } from './parse-text.ts';
import { parseMarkdownDocument } from './parse-markdown.ts';
import { applyPeopleRules, type PersonRule } from './people-file.ts';
import { extractQuotations } from './quotations.ts';
import { countWords, readingMinutes, summarize } from './text-stats.ts';
import { isMarkdown } from './document-kinds.ts';

/** A document read and understood, waiting only for its site-wide slug. */
export interface DocumentDraft {
  frontmatter: Omit<EntryFrontmatter, 'slug'>;
  body: Root;
  /** The slug the frontmatter asks for; the site-wide assignment keeps it when it is free. */
  slug?: string;
}

export interface IngestOptions {
  /** Language of documents whose script does not name one (Latin, Cyrillic…). */
  defaultLanguage: string;
  /** Folders are sections when a document names none (on unless set to false). */
  folderSections?: boolean;
  /** What folders say about themselves, by folder path below the documents folder. */
  folders?: Record<string, FolderDescription>;
  /** How the maintainer names people (`people.yml`). */
  people?: PersonRule[];
}

const LEAD_MIN_CHARACTERS = 20;

/** Bytes of one document → draft entry and diagnostics. Pure: no I/O. */
export function ingestDocument(
  bytes: Uint8Array,
  source: string,
  options: IngestOptions,
): { draft?: DocumentDraft; messages: DossierMessage[] } {
  const report = messageCollector(source);
  const decoded = decodeText(bytes, report);
  if (!decoded) return { messages: report.messages };
  const shown = showControlCharacters(decoded.text, report);
  const fenced = splitFrontmatter(shown, report);
  // Markdown without a fenced block may open with Pelican's or MultiMarkdown's `Key: value` lines.
  const split = fenced.fields === undefined && isMarkdown(source) ? splitMetadataLines(fenced.text) : fenced;
  const meta = split.fields ? readDocumentMeta(split.fields, report) : undefined;
  const path = readDocumentPath(source);
  const article = isMarkdown(source)
    ? parseMarkdownDocument(split.text, path.title, meta?.title, { mdx: source.toLowerCase().endsWith('.mdx'), report })
    : parsePlainText(split.text, report, path.title, meta?.title);
  const frontmatter = withKnown(describe(article, source, options), article, meta, path, options);
  return { draft: { frontmatter, body: article.body, ...(meta?.slug && { slug: meta.slug }) }, messages: report.messages };
}

/**
 * What the frontmatter says wins over what the text says, and both over what
 * the path says: section from frontmatter, then the section line, then the
 * folders; a stated date, then a date in the name.
 */
function withKnown(
  described: DocumentDraft['frontmatter'],
  article: ParsedDocument,
  meta: DocumentMeta | undefined,
  path: PathFacts,
  options: IngestOptions,
): DocumentDraft['frontmatter'] {
  const section =
    meta?.section ??
    (article.section.length > 0 || options.folderSections === false ? article.section : folderSection(path, options.folders));
  const published = meta?.published ?? article.published ?? path.date;
  const updated = meta?.updated ?? article.updated;
  const byline = meta?.byline ?? article.byline;
  const tags = meta?.tags ?? article.tags;
  const order = meta?.order ?? path.order;
  const sourceUrl = meta?.sourceUrl ?? article.sourceUrl;
  // In the schema's order, so entries read the same whatever said what.
  return {
    generator: described.generator,
    title: described.title,
    section,
    ...(published !== undefined && { published }),
    ...(updated !== undefined && { updated }),
    ...(byline !== undefined && { byline }),
    ...(described.credit !== undefined && { credit: described.credit }),
    ...(described.caption !== undefined && { caption: described.caption }),
    summary: meta?.summary ?? described.summary,
    language: meta?.language ?? described.language,
    wordCount: described.wordCount,
    readingTime: described.readingTime,
    quotations: described.quotations,
    source: described.source,
    ...(tags !== undefined && tags.length > 0 && { tags }),
    ...(order !== undefined && { order }),
    ...((meta?.draft ?? path.draft) && { draft: true as const }),
    ...(sourceUrl !== undefined && { sourceUrl }),
    ...(meta && Object.keys(meta.extra).length > 0 && { extra: meta.extra }),
  };
}

function describe(article: ParsedDocument, source: string, options: IngestOptions): DocumentDraft['frontmatter'] {
  // Quotations point at top-level paragraphs; other blocks hold none.
  const texts = article.body.children.map((node) => plainText(node));
  const paragraphs = article.body.children.map((node, index) => (node.type === 'paragraph' ? texts[index]! : ''));
  const bodyText = texts.join('\n');
  const language = detectLanguage(`${article.title}\n${bodyText}`, options.defaultLanguage);
  const counted = countWords(bodyText);
  // The lead is the first real paragraph: archives often open with a short by-line or heading line.
  const lead =
    paragraphs.find((paragraph) => Array.from(paragraph.trim()).length >= LEAD_MIN_CHARACTERS) ??
    paragraphs.find((paragraph) => paragraph.trim() !== '') ??
    '';
  return {
    generator: 'dossier',
    title: article.title,
    section: article.section,
    ...(article.published !== undefined && { published: article.published }),
    ...(article.updated !== undefined && { updated: article.updated }),
    ...(article.byline !== undefined && { byline: article.byline }),
    ...(article.credit !== undefined && { credit: article.credit }),
    ...(article.caption !== undefined && { caption: article.caption }),
    summary: summarize(lead),
    language,
    wordCount: counted.words + counted.cjkCharacters,
    readingTime: readingMinutes(counted),
    quotations: applyPeopleRules(extractQuotations(paragraphs), source, options.people ?? []),
    source,
  };
}
