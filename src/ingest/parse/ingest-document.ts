import type { Root } from 'mdast';
import { fileStem } from '../../utils/file-stem.ts';
import { plainText } from './plain-text.ts';
import type { EntryFrontmatter } from '../../content/entry-schema.ts';
import { decodeText, showControlCharacters } from './decode.ts';
import { detectLanguage } from './language.ts';
import { messageCollector, type DossierMessage } from '../message.ts';
import { parsePlainText, type ParsedDocument } from './parse-text.ts';
import { parseMarkdownDocument } from './parse-markdown.ts';
import { extractQuotations } from './quotations.ts';
import { countWords, readingMinutes, summarize } from './text-stats.ts';

/** A document read and understood, waiting only for its site-wide slug. */
export interface DocumentDraft {
  frontmatter: Omit<EntryFrontmatter, 'slug'>;
  body: Root;
}

export interface IngestOptions {
  /** Language of documents whose script does not name one (Latin, Cyrillic…). */
  defaultLanguage: string;
}

const LEAD_MIN_CHARACTERS = 20;

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;
export const TEXT_EXTENSIONS = ['.txt', '.text'] as const;

/** Bytes of one document → draft entry and diagnostics. Pure: no I/O. */
export function ingestDocument(
  bytes: Uint8Array,
  source: string,
  options: IngestOptions,
): { draft?: DocumentDraft; messages: DossierMessage[] } {
  const report = messageCollector(source);
  const decoded = decodeText(bytes, report);
  if (!decoded) return { messages: report.messages };
  const text = showControlCharacters(decoded.text, report);
  const fallbackTitle = fileStem(source);
  const article = isMarkdown(source) ? parseMarkdownDocument(text, fallbackTitle) : parsePlainText(text, report, fallbackTitle);
  return { draft: { frontmatter: describe(article, source, options), body: article.body }, messages: report.messages };
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
    quotations: extractQuotations(paragraphs),
    source,
  };
}

export function isMarkdown(path: string): boolean {
  return MARKDOWN_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

export function isDocument(path: string): boolean {
  const lower = path.toLowerCase();
  return [...TEXT_EXTENSIONS, ...MARKDOWN_EXTENSIONS].some((extension) => lower.endsWith(extension));
}
