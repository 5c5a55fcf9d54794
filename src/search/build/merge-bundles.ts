import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { linkOrCopySync, moveOrCopySync } from '../../utils/link-or-copy.ts';
import { mapConcurrent } from '../../utils/map-concurrent.ts';
import {
  checkPagefindVersion,
  compareCodePoints,
  encodeMeta,
  pagefindFile,
  pagefindHash,
  pagefindPayload,
  readFragment,
  readMeta,
  type PagefindFragment,
  type PagefindMeta,
} from './pagefind-format.ts';
import { type Part } from './merge-parts.ts';
import type { MergedLanguageCache } from './merged-language-cache.ts';
import { mergeIndex, THREAD_PAGES } from './merge-index-thread.ts';

/**
 * Merges the Pagefind bundles of a site's shards into one bundle, as if
 * Pagefind had indexed the whole site at once: one index per language, whose
 * pages are the shards' pages one shard after another. Search then behaves
 * exactly as with one Pagefind run: the same words, ranking (BM25 counts
 * pages across the whole language index), prefix fallback, filters and sort,
 * and a query loads no more files.
 *
 * Postings are copied as bytes; only the first page number of each shard's
 * run is re-encoded (page numbers are delta-encoded), and the merged word
 * chunks are cut, named and compressed as Pagefind does. A language that
 * lives in one shard keeps that shard's files as they are.
 */

export interface MergeOptions {
  /** Output folders of the shards' Pagefind runs, in shard order. */
  shards: readonly string[];
  /** The bundle to write (a new folder). */
  output: string;
  /** A page's value for a sort key, from its fragment: the merge orders pages across shards by it. */
  sortValue: (key: string, fragment: PagefindFragment) => string | undefined;
  /** Shards whose files must stay where they are (a cache's): linked into the bundle, not moved. */
  kept?: ReadonlySet<string>;
  /** Languages merged by an earlier build from the same shards' indexes, kept and taken from here. */
  languages?: MergedLanguageCache;
  /** A language of this many pages or more merges its words on a thread of its own (default `THREAD_PAGES`). */
  threadPages?: number;
}

/**
 * Beside a shard's bundle, not part of it: each fragment's URL and filters, by its hash, so that a
 * merge need not read and decompress the fragments of a shard that an earlier build indexed.
 */
export const FRAGMENTS_FILE = 'dossier-fragments.json';

/** A page of the merged index. */
export interface IndexedPage {
  id: string;
  fragment: PagefindFragment;
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

export async function mergeBundles({
  shards,
  output,
  sortValue,
  kept = new Set(),
  languages: cache,
  threadPages = THREAD_PAGES,
}: MergeOptions): Promise<IndexedPage[]> {
  // Per shard, once: how its files go into the bundle, and its fragments' URLs and filters.
  const sources = new Map<string, ShardSource>();
  const source = (dir: string): ShardSource => {
    let found = sources.get(dir);
    if (!found) sources.set(dir, (found = { move: kept.has(dir) ? linkOrCopySync : moveOrCopySync, fragmentOf: fragmentReader(dir) }));
    return found;
  };
  const entries = await Promise.all(
    shards.map(async (dir) => JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry),
  );
  // Every shard was written by the Pagefind whose format the merge knows, or nothing is merged.
  entries.forEach((entry, shard) => checkPagefindVersion(entry.version, `search shard ${shards[shard]}`));
  await Promise.all(['fragment', 'index', 'filter'].map((folder) => mkdir(join(output, folder), { recursive: true })));
  await moveAssets(shards, output, source);

  const languages = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages)))].sort(compareCodePoints);
  const merged: Entry = { version: entries[0]!.version, languages: {}, include_characters: entries[0]!.include_characters };
  // Languages at once, a core each: the words of a large one are merged in a worker thread.
  const results = await mapConcurrent(languages, availableParallelism(), (language) => {
    const parts = shards.flatMap((dir, shard) => {
      const info = entries[shard]!.languages[language];
      return info ? [{ dir, hash: info.hash }] : [];
    });
    return parts.length === 1
      ? moveLanguage(parts[0]!, output, source)
      : mergeLanguage(language, parts, output, { sortValue, source, cache, threadPages });
  });
  const pages: IndexedPage[] = [];
  languages.forEach((language, index) => {
    const result = results[index]!;
    const wasm = entries.map((entry) => entry.languages[language]?.wasm).find((value) => value !== undefined) ?? null;
    merged.languages[language] = { hash: result.hash, wasm, page_count: result.pages.length };
    pages.push(...result.pages);
  });
  await writeFile(join(output, 'pagefind-entry.json'), JSON.stringify(merged));
  return pages;
}

/** The pages of a bundle as Pagefind wrote it, in page order of each language index. */
export async function readBundlePages(dir: string): Promise<IndexedPage[]> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
  return Object.values(entry.languages).flatMap(({ hash }) =>
    readMeta(pagefindPayload(readFileSync(join(dir, `pagefind.${hash}.pf_meta`)))).pages.map((page) => ({
      id: page.hash,
      fragment: readPage(join(dir, 'fragment', `${page.hash}.pf_fragment`)),
    })),
  );
}

/**
 * The part of a fragment the build needs (not its text). Files are read
 * synchronously here and below: thousands of small files, each read faster
 * than a round trip through libuv's thread pool.
 */
function readPage(file: string): PagefindFragment {
  const { url, filters } = readFragment(pagefindPayload(readFileSync(file)));
  return { url, filters };
}

/** Writes a shard's {@link FRAGMENTS_FILE}, from its fragments. */
export async function writeFragmentsFile(dir: string): Promise<void> {
  const fragments = Object.fromEntries((await readBundlePages(dir)).map(({ id, fragment }) => [id, fragment]));
  await writeFile(join(dir, FRAGMENTS_FILE), JSON.stringify(fragments));
}

/** A shard's fragments' URLs and filters, from its {@link FRAGMENTS_FILE} where it has one, else from each fragment. */
function fragmentReader(dir: string): (hash: string) => PagefindFragment {
  let kept: Record<string, PagefindFragment> | undefined;
  try {
    kept = JSON.parse(readFileSync(join(dir, FRAGMENTS_FILE), 'utf8')) as Record<string, PagefindFragment>;
  } catch {
    kept = undefined;
  }
  return (hash) => kept?.[hash] ?? readPage(join(dir, 'fragment', `${hash}.pf_fragment`));
}

/** A shard's files as the merge takes them: moved, or linked from a cache; and its fragments' URLs and filters. */
interface ShardSource {
  move: (from: string, to: string) => void;
  fragmentOf: (hash: string) => PagefindFragment;
}

/** The bundle's scripts, styles and WebAssembly: from the first shard, and each language's stemmer from whichever shard has it. */
async function moveAssets(shards: readonly string[], output: string, source: (dir: string) => ShardSource): Promise<void> {
  const moved = new Set<string>();
  for (const dir of shards) {
    for (const file of await readdir(dir, { withFileTypes: true })) {
      if (!file.isFile() || file.name === 'pagefind-entry.json' || file.name === FRAGMENTS_FILE || file.name.endsWith('.pf_meta')) continue;
      if (moved.has(file.name)) continue;
      moved.add(file.name);
      source(dir).move(join(dir, file.name), join(output, file.name));
    }
  }
}

interface LanguagePart {
  dir: string;
  /** Hash of its metadata file, `pagefind.<hash>.pf_meta`. */
  hash: string;
}

/** A language in one shard only: its files as Pagefind wrote them. */
async function moveLanguage(
  { dir, hash }: LanguagePart,
  output: string,
  source: (dir: string) => ShardSource,
): Promise<{ hash: string; pages: IndexedPage[] }> {
  const metaFile = `pagefind.${hash}.pf_meta`;
  const meta = readMeta(pagefindPayload(readFileSync(join(dir, metaFile))));
  const { move, fragmentOf } = source(dir);
  const pages = meta.pages.map((page) => {
    const file = `fragment/${page.hash}.pf_fragment`;
    const fragment = fragmentOf(page.hash);
    move(join(dir, file), join(output, file));
    return { id: page.hash, fragment };
  });
  move(join(dir, metaFile), join(output, metaFile));
  for (const chunk of meta.chunks) move(join(dir, 'index', `${chunk.hash}.pf_index`), join(output, 'index', `${chunk.hash}.pf_index`));
  for (const filter of meta.filters)
    move(join(dir, 'filter', `${filter.hash}.pf_filter`), join(output, 'filter', `${filter.hash}.pf_filter`));
  return { hash, pages };
}

async function mergeLanguage(
  language: string,
  languageParts: readonly LanguagePart[],
  output: string,
  {
    sortValue,
    source,
    cache,
    threadPages,
  }: {
    sortValue: MergeOptions['sortValue'];
    source: (dir: string) => ShardSource;
    cache: MergedLanguageCache | undefined;
    threadPages: number;
  },
): Promise<{ hash: string; pages: IndexedPage[] }> {
  const payloads = await Promise.all(
    languageParts.map(async ({ dir, hash }) => pagefindPayload(await readFile(join(dir, `pagefind.${hash}.pf_meta`)))),
  );
  const metas = payloads.map((payload) => readMeta(payload));
  const metaFields = [...new Set(metas.flatMap((meta) => meta.metaFields))].sort(compareCodePoints);
  let offset = 0;
  const parts: Part[] = languageParts.map(({ dir }, index) => {
    const meta = metas[index]!;
    if (meta.pages.some((page) => page.group !== '')) throw new Error('Merging bundled fragments (max_fragments) is not supported');
    const fields = meta.metaFields.map((field) => metaFields.indexOf(field));
    const part = { dir, meta, offset, fields: fields.every((field, id) => field === id) ? undefined : fields };
    offset += meta.pages.length;
    return part;
  });

  const pages = mergePages(language, parts, output, source);
  // The same shards' indexes of this language as in an earlier build: the same merge.
  const key = cache?.keyOf(language, payloads);
  const restored = key === undefined ? undefined : cache!.restore(key, output);
  if (restored !== undefined) return { hash: restored, pages };

  // The sorts first, on this thread (their values come from `sortValue`): a wrong one fails before the rest.
  const sorts = mergeSorts(parts, pages, sortValue);
  const { chunks, filters } = await mergeIndex({ language, parts, output }, threadPages);

  const meta: PagefindMeta = {
    version: metas[0]!.version,
    pages: pages.map((page, number) => ({ hash: page.id, wordCount: pageWordCount(parts, number), group: '' })),
    chunks,
    filters,
    sorts,
    metaFields,
  };
  const payload = encodeMeta(meta);
  const hash = `${language}_${pagefindHash(payload).slice(0, language.length + 8)}`;
  await writeFile(join(output, `pagefind.${hash}.pf_meta`), await pagefindFile(payload));
  if (key !== undefined) {
    const files = [
      `pagefind.${hash}.pf_meta`,
      ...chunks.map((chunk) => `index/${chunk.hash}.pf_index`),
      ...filters.map((filter) => `filter/${filter.hash}.pf_filter`),
    ];
    cache!.store(key, output, files);
  }
  return { hash, pages };
}

function pageWordCount(parts: readonly Part[], number: number): number {
  const part = parts.findLast((candidate) => candidate.offset <= number)!;
  return part.meta.pages[number - part.offset]!.wordCount;
}

/**
 * The shards' fragments, in merged page order. Page ids are Pagefind's hashes
 * of the fragments, unique within one run: a page whose id another shard
 * already took gets a longer prefix of its hash, as Pagefind lengthens ids
 * that collide within a run.
 */
function mergePages(language: string, parts: readonly Part[], output: string, source: (dir: string) => ShardSource): IndexedPage[] {
  const taken = new Set<string>();
  return parts.flatMap((part) => {
    const { move, fragmentOf } = source(part.dir);
    return part.meta.pages.map((page) => {
      const from = join(part.dir, 'fragment', `${page.hash}.pf_fragment`);
      let id = page.hash;
      if (taken.has(id)) {
        const full = `${language}_${pagefindHash(pagefindPayload(readFileSync(from)))}`;
        while (taken.has(id) && id.length < full.length) id = full.slice(0, id.length + 1);
        if (taken.has(id)) throw new Error(`Two pages of the ${language} index share the id ${page.hash}`);
      }
      taken.add(id);
      const fragment = fragmentOf(page.hash);
      move(from, join(output, 'fragment', `${id}.pf_fragment`));
      return { id, fragment };
    });
  });
}

/**
 * Each sort's pages in ascending order of their values, ties in page order,
 * as Pagefind sorts (numbers if every value is one, else text). The values
 * come from `sortValue`; the merged order must keep each shard's own order,
 * or the values are not the ones Pagefind sorted by, and the merge fails.
 */
function mergeSorts(parts: readonly Part[], pages: readonly IndexedPage[], sortValue: MergeOptions['sortValue']): PagefindMeta['sorts'] {
  const keys = [...new Set(parts.flatMap((part) => part.meta.sorts.map((sort) => sort.key)))].sort(compareCodePoints);
  return keys.map((key) => {
    const entries = parts.flatMap((part) =>
      (part.meta.sorts.find((sort) => sort.key === key)?.pages ?? []).map((page) => {
        const number = part.offset + page;
        const value = sortValue(key, pages[number]!.fragment);
        if (value === undefined) throw new Error(`No value of the sort "${key}" for ${pages[number]!.fragment.url}`);
        return { number, value };
      }),
    );
    const numeric = entries.every(({ value }) => NUMBER.test(value.trim()));
    entries.sort(
      (a, b) =>
        (numeric ? Math.fround(Number(a.value)) - Math.fround(Number(b.value)) : compareCodePoints(a.value, b.value)) ||
        a.number - b.number,
    );
    const sorted = entries.map(({ number }) => number);
    for (const part of parts) {
      const own = part.meta.sorts.find((sort) => sort.key === key)?.pages ?? [];
      const kept = sorted
        .filter((number) => number >= part.offset && number < part.offset + part.meta.pages.length)
        .map((number) => number - part.offset);
      if (kept.join() !== own.join()) throw new Error(`The values of the sort "${key}" do not give Pagefind's order`);
    }
    return { key, pages: sorted };
  });
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
