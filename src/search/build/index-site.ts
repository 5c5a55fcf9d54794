import { readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { checkPagefindVersion, type PagefindFragment } from './pagefind-format.ts';
import { DATE_ORDER_FILE, dateOrder } from '../date-order.ts';
import { planShards, type IndexablePage, type ShardBudget } from './plan-shards.ts';
import { fileStamp } from '../../utils/file-stamp.ts';
import { mapConcurrent } from '../../utils/map-concurrent.ts';
import type { EarlyIndexResult, EarlyPage } from './early-indexer.ts';
import { fragmentsWriter } from './fragments-writer.ts';
import { mergeBundles, readBundlePages, type IndexedPage } from './merge-bundles.ts';
import { THREAD_PAGES } from './merge-index-thread.ts';
import { mergedLanguageCache } from './merged-language-cache.ts';
import { pageFactsCache, type PageFactsCache } from './page-facts.ts';
import { pagefindBinary, runPagefind, stagePages } from './pagefind-run.ts';
import { pageFactsOf, pageReader } from './read-page.ts';
import { hasShards, indexedWith, linkTree, pagefindVersion, searchBuildCode, shardCache } from './shard-cache.ts';

/**
 * Indexes a built site for search with Pagefind, in bounded memory.
 *
 * Pagefind keeps every page of an index in memory until the index is written,
 * so a large site is cut into shards (plan-shards.ts), each indexed by its
 * own run of the Pagefind binary, two at a time, and their indexes are then
 * merged into the one bundle a single run would have written
 * (merge-bundles.ts): readers search one index per language, as before.
 *
 * The binary rather than the Node API: both are public, and the API, one
 * service per thread, costs a third more time and memory on the same shards
 * (BENCHMARKS.md, "Pagefind's Node API for the shards"). Each shard's pages are hard links (copies where
 * links fail) in a staging folder, so that Pagefind computes the same URLs as
 * for the whole site.
 */

export interface SearchIndexOptions {
  /** The built site. */
  site: string;
  budget: ShardBudget;
  /** Pagefind runs at once. */
  concurrency: number;
  /** A page's value for a sort key, from its fragment: merging orders pages across shards by it. */
  sortValue: (key: string, fragment: PagefindFragment) => string | undefined;
  /** Keeps each shard's index here between builds: a shard whose pages are unchanged is not indexed again. */
  cacheDir?: string;
  /** Progress. */
  log?: (message: string) => void;
  /**
   * Leaves each shard's index in `<site>/${SHARDS_FOLDER}/` unmerged, for `mergeSearchShards` to
   * merge with other builds' (a partition of a site built in parts).
   */
  keepShards?: boolean;
  /**
   * Called once when two or more shards are to be indexed, before Pagefind runs: the caller's
   * memory goes back before Pagefind's runs need theirs. With no cache of shards yet (a first
   * build), before the pages are read; a rebuild that indexes one shard again, or none, does not
   * wait for it.
   */
  beforeIndexing?: () => void;
  /** What the early indexer read and indexed while the pages rendered (early-indexer.ts). */
  early?: EarlyIndexResult;
}

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
  shards: number;
  /** The site has pages but none with `data-pagefind-body`: Pagefind indexed whole pages. */
  noBody: boolean;
  /** Shards whose index came from the cache, kept by an earlier build. */
  reused: number;
  /** Shards whose index came from the cache, indexed while this build's pages rendered. */
  early: number;
  /** Languages whose merged index came from the cache: every shard of theirs was. */
  languagesReused: number;
}

/** Folder of the search bundle in the site, as Pagefind names it by default. */
export const BUNDLE_FOLDER = 'pagefind';
const STAGING_FOLDER = '.dossier-search-staging';
/** Where the early indexer stages its shards: in the build's staging folder, which the build removes. */
export const earlyStagingDir = (site: string): string => join(site, STAGING_FOLDER, 'early');
/** Where a partition leaves its shards' indexes (`keepShards`). */
export const SHARDS_FOLDER = '.dossier-search-shards';

export async function buildSearchIndex({
  budget,
  concurrency,
  sortValue,
  log,
  cacheDir,
  keepShards = false,
  beforeIndexing,
  early,
  ...options
}: SearchIndexOptions): Promise<SearchIndexResult> {
  const site = resolve(options.site);
  const started = performance.now();
  const since = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const bundle = join(site, BUNDLE_FOLDER);
  const staging = join(site, STAGING_FOLDER);
  let collected = false;
  const collect = (): void => {
    if (!collected) beforeIndexing?.();
    collected = true;
  };
  if (cacheDir === undefined || !hasShards(cacheDir)) collect();
  const code = searchBuildCode();
  const facts = cacheDir === undefined ? undefined : pageFactsCache(pageFactsFile(cacheDir), code);
  const { pages, noBody, digests } = await indexablePages(site, { digests: cacheDir !== undefined, facts, fresh: early?.facts });
  facts?.save();
  const plan = planShards(pages, budget);
  if (plan.length === 0) return { pages: 0, shards: 0, noBody, reused: 0, early: 0, languagesReused: 0 };
  // The merge writes 1.6's format: any other Pagefind stops the build here, with the fix.
  const binary = pagefindBinary();
  const version = pagefindVersion(binary);
  checkPagefindVersion(version, `the binary at ${binary}`);
  // Shards are kept by their pages' bytes, Pagefind's version, and the code that runs it and merges.
  const cache = cacheDir === undefined ? undefined : shardCache(cacheDir, digests, indexedWith(version, code));
  let reused = 0;
  let languagesReused = 0;
  // Each shard's index kept by an earlier build, if any: looked up once.
  const cached = plan.map((shard) => cache?.lookup(shard.pages));
  const indexedEarly = cached.filter((folder) => folder !== undefined && early?.stored.has(folder)).length;
  if (cached.filter((folder) => folder === undefined).length > 1) collect();
  await rm(bundle, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
  await rm(join(site, SHARDS_FOLDER), { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const toIndex = plan.reduce((sum, shard, index) => sum + (cached[index] ? 0 : shard.pages.length), 0);
  const fragments = fragmentsWriter({ thread: toIndex >= THREAD_PAGES });
  try {
    let indexed: IndexedPage[];
    if (plan.length === 1 && !keepShards) {
      // One Pagefind run over the whole site, as `pagefind --site` would make it.
      if (cached[0]) {
        linkTree(cached[0], bundle);
        reused = 1;
      } else {
        await runPagefind(['--site', site, '--output-path', bundle, '--silent'], staging);
        cache?.store(plan[0]!.pages, bundle);
      }
      indexed = await readBundlePages(bundle);
    } else {
      log?.(
        `${pages.length} pages to index in ${plan.length} shards of at most ${budget.maxPages} pages or ${mb(budget.maxBytes)} (${since()}).`,
      );
      // A shard kept by an earlier build is merged from the cache itself (its files linked, not moved),
      // unless the shards are left for a later merge.
      const fromCache = (index: number): string | undefined => (keepShards ? undefined : cached[index]);
      const outputs = plan.map(
        (_, index) => fromCache(index) ?? join(keepShards ? join(site, SHARDS_FOLDER) : staging, `out-${index + 1}`),
      );
      // Largest first, so that the last ones to finish are small.
      const order = plan.map((shard, index) => ({ shard, index })).sort((a, b) => b.shard.bytes - a.shard.bytes || a.index - b.index);
      // Progress in at most ten lines: a large site's shards take minutes.
      let done = 0;
      let tenth = 0;
      const step = (): void => {
        done++;
        if (done === plan.length || Math.floor((10 * done) / plan.length) <= tenth) return;
        tenth = Math.floor((10 * done) / plan.length);
        log?.(`Indexed ${done} of ${plan.length} shards (${since()}).`);
      };
      await mapConcurrent(order, concurrency, async ({ shard, index }) => {
        if (cached[index]) {
          if (!fromCache(index)) linkTree(cached[index], outputs[index]!);
          reused++;
          step();
          return;
        }
        const source = join(staging, `in-${index + 1}`);
        stagePages(site, source, shard.pages);
        try {
          await runPagefind(['--site', source, '--output-path', outputs[index]!, '--silent'], staging);
          await fragments.write(outputs[index]!);
          cache?.store(shard.pages, outputs[index]!);
        } finally {
          await rm(source, { recursive: true, force: true });
        }
        step();
      });
      reused -= indexedEarly;
      const unchanged =
        (reused > 0 ? `; ${reused} unchanged since the last build, taken from the cache` : '') +
        (indexedEarly > 0 ? `; ${indexedEarly} indexed while the pages rendered` : '');
      log?.(`Indexed the shards, ${concurrency} at a time${unchanged} (${since()}).`);
      if (keepShards) {
        cache?.prune();
        return { pages: pages.length, shards: plan.length, noBody, reused, early: indexedEarly, languagesReused };
      }
      const kept = new Set(plan.flatMap((_, index) => fromCache(index) ?? []));
      const languages = cacheDir === undefined ? undefined : mergedLanguageCache(mergedLanguagesDir(cacheDir), indexedWith(version, code));
      indexed = await mergeBundles({ shards: outputs, output: bundle, sortValue, kept, languages });
      languages?.prune();
      languagesReused = languages?.restored ?? 0;
      const restored =
        languagesReused > 0
          ? `; ${languagesReused} language${languagesReused === 1 ? '' : 's'} merged as in the last build, taken from the cache`
          : '';
      log?.(`Merged the shards' indexes${restored} (${since()}).`);
    }
    await writeDateOrder(bundle, indexed);
    cache?.prune();
    return { pages: indexed.length, shards: plan.length, noBody, reused, early: indexedEarly, languagesReused };
  } finally {
    await fragments.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Merges the shards' indexes of several builds (the partitions of one site) into the site's
 * bundle, as `buildSearchIndex` merges its own; returns the pages indexed.
 */
export async function mergeSearchShards(options: {
  shards: string[];
  output: string;
  sortValue: SearchIndexOptions['sortValue'];
}): Promise<number> {
  const indexed = await mergeBundles(options);
  await writeDateOrder(options.output, indexed);
  return indexed.length;
}

/** The order of the pages by date, beside the bundle, for the search dialog's newest-first sort (date-order.ts). */
async function writeDateOrder(bundle: string, indexed: IndexedPage[]): Promise<void> {
  const dated = indexed.map(({ id, fragment }) => ({ id, published: fragment.filters?.published?.[0] }));
  await writeFile(join(bundle, DATE_ORDER_FILE), JSON.stringify(dateOrder(dated)));
}

/** Beside the shard cache, not in it: the shard cache's folder holds shards only. */
const pageFactsFile = (cacheDir: string): string => `${cacheDir}.pages.json`;
const mergedLanguagesDir = (cacheDir: string): string => `${cacheDir}.languages`;

/**
 * The pages Pagefind will index: those with `data-pagefind-body` if any page
 * has one (as Pagefind decides), else all of them. With `facts`, a page whose
 * file is unchanged since the last build is not read again (page-facts.ts).
 */
export async function indexablePages(
  site: string,
  {
    digests = false,
    facts,
    fresh,
  }: {
    digests?: boolean;
    facts?: PageFactsCache;
    /** Pages read in this build already, with their files' stamps then (early-indexer.ts). */
    fresh?: ReadonlyMap<string, EarlyPage>;
  } = {},
): Promise<{ pages: IndexablePage[]; noBody: boolean; digests: Map<string, string> }> {
  // Synchronously, with each entry's type: the promise form stats every entry, seconds for a large site.
  const files = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(site, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(
      (file) => !file.startsWith(`${BUNDLE_FOLDER}/`) && !file.startsWith(`${STAGING_FOLDER}/`) && !file.startsWith(`${SHARDS_FOLDER}/`),
    );
  const withBody: IndexablePage[] = [];
  const all: IndexablePage[] = [];
  const digestOf = new Map<string, string>();
  const hashed = digests || facts !== undefined;
  // Synchronously: thousands of small files, each read faster than a round trip through the thread pool.
  const read = pageReader();
  for (const path of files) {
    const file = join(site, path);
    const known = fresh?.get(path);
    const stamp = known || (facts && !facts.empty) ? fileStamp(file) : undefined;
    let page = known && known.stamp === stamp ? known.facts : facts?.get(path, stamp);
    if (page && known?.facts === page) facts?.set(path, stamp, page);
    if (!page) {
      const { bytes, stamp } = read(file);
      page = pageFactsOf(bytes, hashed);
      facts?.set(path, stamp, page);
    }
    if (digests) digestOf.set(path, page.digest);
    if (page.body >= 0) withBody.push({ path, bytes: page.size - page.body, language: page.language });
    else all.push({ path, bytes: page.size, language: page.language });
  }
  return withBody.length > 0
    ? { pages: withBody, noBody: false, digests: digestOf }
    : { pages: all, noBody: all.length > 0, digests: digestOf };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
