import type { MessageCollector } from '../message.ts';
import { parseWrittenDate } from './dates.ts';
import type { FrontmatterField } from './frontmatter.ts';

/** What a document's frontmatter says about it, in Dossier's terms. */
export interface DocumentMeta {
  title?: string;
  summary?: string;
  published?: string;
  updated?: string;
  byline?: string;
  section?: string[];
  tags?: string[];
  language?: string;
  slug?: string;
  order?: number;
  draft?: boolean;
  sourceUrl?: string;
  /** Keys Dossier does not read, kept as written. */
  extra: Record<string, unknown>;
}

/** Undefined when read; else what was expected, or `partial` when only some of a list was left out. */
type Reader = (value: unknown, meta: DocumentMeta) => string | { partial: string } | undefined;

/**
 * The spellings of Jekyll, Hugo, Docusaurus, Starlight, VitePress and MkDocs,
 * each read into one field. A reader returns an error (what was expected) or
 * undefined; the first spelling that sets a field wins.
 */
const KEYS: Record<string, Reader> = {
  title: (value, meta) => setText(value, (text) => (meta.title ??= text), 'a text'),
  description: (value, meta) => setText(value, (text) => (meta.summary ??= text), 'a text'),
  summary: (value, meta) => setText(value, (text) => (meta.summary ??= text), 'a text'),
  excerpt: (value, meta) => setText(value, (text) => (meta.summary ??= text), 'a text'),
  date: (value, meta) => setDate(value, (date) => (meta.published ??= date)),
  pubdate: (value, meta) => setDate(value, (date) => (meta.published ??= date)),
  published: (value, meta) => {
    // `published: false` is Jekyll's draft; a date is a date.
    if (typeof value === 'boolean') {
      if (!value) meta.draft = true;
      return undefined;
    }
    return setDate(value, (date) => (meta.published ??= date));
  },
  updated: (value, meta) => setDate(value, (date) => (meta.updated ??= date)),
  lastmod: (value, meta) => setDate(value, (date) => (meta.updated ??= date)),
  last_update: (value, meta) =>
    // Docusaurus writes `last_update: { date, author }`.
    setDate(isRecord(value) ? value.date : value, (date) => (meta.updated ??= date)),
  lastupdated: (value, meta) => setDate(value, (date) => (meta.updated ??= date)),
  modified: (value, meta) => setDate(value, (date) => (meta.updated ??= date)),
  author: (value, meta) => setPeople(value, meta),
  authors: (value, meta) => setPeople(value, meta),
  byline: (value, meta) => setPeople(value, meta),
  section: (value, meta) => setSection(value, meta),
  category: (value, meta) => setSection(value, meta),
  categories: (value, meta) => setSection(value, meta),
  tags: (value, meta) => setTags(value, meta),
  tag: (value, meta) => setTags(value, meta),
  keywords: (value, meta) => setTags(value, meta),
  lang: (value, meta) => setLanguage(value, meta),
  language: (value, meta) => setLanguage(value, meta),
  slug: (value, meta) => setText(value, (text) => (meta.slug ??= text), 'a text'),
  sidebar_position: (value, meta) => setOrder(value, meta),
  weight: (value, meta) => setOrder(value, meta),
  order: (value, meta) => setOrder(value, meta),
  nav_order: (value, meta) => setOrder(value, meta),
  draft: (value, meta) => {
    if (typeof value !== 'boolean') return 'true or false';
    if (value) meta.draft = true;
    return undefined;
  },
  canonical: (value, meta) => setUrl(value, meta),
  canonical_url: (value, meta) => setUrl(value, meta),
  canonicalurl: (value, meta) => setUrl(value, meta),
  source: (value, meta) => setUrl(value, meta),
  source_url: (value, meta) => setUrl(value, meta),
  original_url: (value, meta) => setUrl(value, meta),
  url: (value, meta) => setUrl(value, meta),
  src: (value, meta) => setUrl(value, meta),
  // Pelican: `Status: draft`.
  status: (value, meta) => {
    if (typeof value !== 'string') return 'a text';
    if (value.trim().toLowerCase() === 'draft') meta.draft = true;
    return undefined;
  },
  link: (value, meta) => setUrl(value, meta),
};

// Keys that may hold a site path rather than a source address (Hugo's `url: /about/`): kept, not warned about.
const PATH_OR_URL = new Set(['url', 'link', 'source', 'src']);

/**
 * Frontmatter fields → document metadata. Pure. A value of the wrong type is
 * a warning that names the line and the field; that field is ignored and the
 * rest is read. Unknown keys are kept in `extra`.
 */
export function readDocumentMeta(fields: ReadonlyMap<string, FrontmatterField>, report: MessageCollector): DocumentMeta {
  const meta: DocumentMeta = { extra: {} };
  for (const [key, { value, line }] of fields) {
    const normalized = key.toLowerCase().replace(/-/g, '_');
    const reader = readerFor(normalized) ?? readerFor(normalized.replace(/_/g, ''));
    if (!reader || value === null || value === undefined || value === '') {
      if (!reader) keep(meta.extra, key, value);
      continue;
    }
    const expected = reader(value, meta);
    if (expected === undefined) continue;
    if (PATH_OR_URL.has(normalized) && typeof value === 'string') {
      keep(meta.extra, key, value);
      continue;
    }
    const reason =
      typeof expected === 'string'
        ? `Expected \`${key}\` to be ${expected}, found ${describe(value)}; the field is ignored`
        : `Expected every item of \`${key}\` to be ${expected.partial}; the others are kept`;
    report.warn(reason, 'invalid-frontmatter-field', line);
  }
  // Some docs trees (Bun's, Mintlify's) name a page with `name`: a title when nothing else gives one.
  if (meta.title === undefined && typeof meta.extra.name === 'string' && meta.extra.name.trim() !== '') meta.title = meta.extra.name.trim();
  return meta;
}

function setText(value: unknown, set: (text: string) => void, expected: string): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).trim();
    if (text !== '') set(text);
    return undefined;
  }
  return expected;
}

function setDate(value: unknown, set: (date: string) => void): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return 'a date such as 2023-07-14 or 2023-07-14T10:30:00';
  const date = parseWrittenDate(String(value));
  if (!date) return 'a real date such as 2023-07-14 or 2023-07-14T10:30:00';
  set(date);
  return undefined;
}

function setPeople(value: unknown, meta: DocumentMeta): string | undefined {
  const names = (Array.isArray(value) ? value : [value]).map((item) => (isRecord(item) ? item.name : item));
  if (names.some((name) => typeof name !== 'string' && typeof name !== 'number')) return 'a name or a list of names';
  const joined = names
    .map((name) => String(name).trim())
    .filter(Boolean)
    .join(', ');
  if (joined !== '') meta.byline ??= joined;
  return undefined;
}

/** `News / Economy`, `news/economy`, `[News, Economy]` (Jekyll's and Chirpy's categories) → a path. */
function setSection(value: unknown, meta: DocumentMeta): string | undefined {
  const parts = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split('/')
      : typeof value === 'number'
        ? [value]
        : undefined;
  if (!parts || parts.some((part) => typeof part !== 'string' && typeof part !== 'number'))
    return 'a section name, a path such as News / Economy, or a list';
  const path = parts.map((part) => String(part).trim()).filter(Boolean);
  if (path.length > 0) meta.section ??= path;
  return undefined;
}

/** A list, or a comma-separated string; a tag that is not a text or a number is left out with a warning. */
function setTags(value: unknown, meta: DocumentMeta): string | { partial: string } | undefined {
  const items = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
      : typeof value === 'number'
        ? [value]
        : undefined;
  if (!items) return 'a list of tags or a comma-separated text';
  const tags = items.filter((item) => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim());
  meta.tags = [...new Set([...(meta.tags ?? []), ...tags.filter(Boolean)])];
  return items.length === tags.length ? undefined : { partial: 'a text, found a list or a map, which is left out' };
}

function setLanguage(value: unknown, meta: DocumentMeta): string | undefined {
  if (typeof value !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(value.trim())) return 'a language tag such as en or pt-BR';
  meta.language ??= value.trim();
  return undefined;
}

function setOrder(value: unknown, meta: DocumentMeta): string | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) return 'a number';
  meta.order ??= number;
  return undefined;
}

function setUrl(value: unknown, meta: DocumentMeta): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(value.trim())) return 'an http(s) address';
  meta.sourceUrl ??= value.trim();
  return undefined;
}

function readerFor(key: string): Reader | undefined {
  return Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
}

/** Sets a key as an own property, whatever its name (`__proto__` included). */
function keep(extra: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a map';
  return `\`${String(value)}\``;
}
