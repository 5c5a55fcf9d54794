import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { MessageCollector } from '../message.ts';
import { readDocumentMeta } from './document-meta.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** What a folder says about itself, as Docusaurus's `_category_.json` and Hugo's `_index.md` do. */
export interface FolderDescription {
  title?: string;
  description?: string;
  position?: number;
  collapsed?: boolean;
}

/** The file names that describe their folder instead of being documents. */
export const FOLDER_DESCRIPTION_FILES = ['_category_.json', '_category_.yml', '_category_.yaml', '_index.md'] as const;

export function isFolderDescription(source: string): boolean {
  const name = source.slice(source.lastIndexOf('/') + 1).toLowerCase();
  return (FOLDER_DESCRIPTION_FILES as readonly string[]).includes(name);
}

/**
 * A folder-description file's text → its folder's title, description,
 * position and collapsed state. Pure. `_category_` files use Docusaurus's
 * keys (`label`, `position`, `collapsed`, `description` or
 * `link.description`); `_index.md` uses Hugo's frontmatter (`title`,
 * `description`, `weight`), and its text is the description when the
 * frontmatter gives none. A bad value is a warning naming its line; the rest
 * is read.
 */
export function parseFolderDescription(text: string, source: string, report: MessageCollector): FolderDescription {
  if (source.toLowerCase().endsWith('_index.md')) return fromIndexPage(text, report);
  const lineCounter = new LineCounter();
  // JSON is YAML: one parser gives both their lines.
  const document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    report.warn(
      `Expected a folder description (JSON or YAML), found a syntax error: ${error.message.split('\n')[0]}`,
      'invalid-folder-description',
      lineCounter.linePos(error.pos[0]).line,
    );
    return {};
  }
  if (!isMap(document.contents)) {
    report.warn('Expected a folder description to be an object of keys such as label and position', 'invalid-folder-description', 1);
    return {};
  }
  const description: FolderDescription = {};
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineCounter.linePos(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0).line;
    const value = pair.value === null ? null : (pair.value as { toJSON(): unknown }).toJSON();
    const problem = readKey(key, value, description);
    if (problem)
      report.warn(
        `Expected \`${key}\` to be ${problem}, found ${JSON.stringify(value)}; it is ignored`,
        'invalid-folder-description',
        line,
      );
  }
  return description;
}

function readKey(key: string, value: unknown, description: FolderDescription): string | undefined {
  switch (key) {
    case 'label':
    case 'title':
      if (typeof value !== 'string' || value.trim() === '') return 'a text';
      description.title = value.trim();
      return undefined;
    case 'position':
    case 'weight':
    case 'order':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'a number';
      description.position = value;
      return undefined;
    case 'collapsed':
      if (typeof value !== 'boolean') return 'true or false';
      description.collapsed = value;
      return undefined;
    case 'description':
      if (typeof value !== 'string') return 'a text';
      description.description = value.trim();
      return undefined;
    case 'link': {
      // Docusaurus: `link: { type: 'generated-index', description: '…' }`.
      const inner = value && typeof value === 'object' ? (value as Record<string, unknown>).description : undefined;
      if (typeof inner === 'string') description.description ??= inner.trim();
      return undefined;
    }
    default:
      return undefined;
  }
}

function fromIndexPage(text: string, report: MessageCollector): FolderDescription {
  const split = splitFrontmatter(text, report);
  const meta = split.fields ? readDocumentMeta(split.fields, report) : { extra: {} as Record<string, unknown> };
  const body = split.text.trim();
  return {
    ...(meta.title && { title: meta.title }),
    ...((meta.summary ?? (body || undefined)) && { description: meta.summary ?? body }),
    ...(meta.order !== undefined && { position: meta.order }),
    ...(typeof meta.extra.collapsed === 'boolean' && { collapsed: meta.extra.collapsed }),
  };
}
