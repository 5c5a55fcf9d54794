import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PagefindFragment } from '../search/build/pagefind-format.ts';
import { searchFacets } from '../search/facets.ts';
import { shardBudget, type ShardBudget } from '../search/build/plan-shards.ts';
import { earlyIndexer, type EarlyIndexer, type EarlyIndexResult } from '../search/build/early-indexer.ts';
import { buildSearchIndex, earlyStagingDir } from '../search/build/index-site.ts';
import { hasShards } from '../search/build/shard-cache.ts';
import { collectGarbage } from '../utils/collect-garbage.ts';
import type { RenderProgress } from './render-progress.ts';

/**
 * Indexes the built site with Pagefind when `astro build` ends.
 *
 * In the integration rather than a second command: the index is then part of
 * every `astro build`, whatever runs it (`npm run build`, the test helper's
 * `astro build --outDir …`) and whatever the output folder or base path, with
 * no second command to forget; and a failure fails the build, through Astro's
 * logger.
 *
 * What gets indexed is decided by the pages: `data-pagefind-body` on the
 * document, so the header, sidebar and footer never are. A large site is
 * indexed in shards of bounded size (src/search/build/).
 */

/**
 * A shard's budget. Pagefind holds many times a page's indexed bytes in
 * memory (more for Korean than for English), so two shards of this size at
 * once stay well below what Astro still holds when the build ends, and larger
 * shards are hardly faster (BENCHMARKS.md, "Why the code is as it is"). The environment overrides
 * it: `DOSSIER_SEARCH_SHARD_PAGES` (pages) and `DOSSIER_SEARCH_SHARD_MB`. Tests
 * set them to get several shards out of a small site, and so can a benchmark:
 * `DOSSIER_SEARCH_SHARD_PAGES=100 npm run bench:search` searches merged shards.
 */
export const DEFAULT_SHARD_BUDGET: ShardBudget = { maxBytes: 4 * 1024 * 1024, maxPages: 2000 };

/**
 * A page's value for a sort key, from its Pagefind fragment. The pages declare
 * one sort (SearchFacets.astro): the date, whose key the `published` filter
 * gives. Merging shards orders pages by it, and fails if it is not the value
 * Pagefind sorted by.
 */
export function searchSortValue(key: string, fragment: PagefindFragment): string | undefined {
  return key === 'date' ? searchFacets({ section: '', published: fragment.filters?.published?.[0] }).sortKey : undefined;
}

export interface IndexOptions {
  /** Pagefind runs at once. */
  concurrency: number;
  /** What the early indexer did while the pages rendered. */
  early?: EarlyIndexResult;
  /** Leave the shards' indexes unmerged, for `npm run build:merge` (a partition of a site built in parts). */
  keepShards: boolean;
  log: (message: string) => void;
  warn: (message: string) => void;
}

/** Indexes a built site for search, with the shard cache in `cacheDir`, and says what it did. */
export async function indexBuiltSite(
  site: string,
  cacheDir: string | undefined,
  { concurrency, keepShards, log, warn, early }: IndexOptions,
): Promise<void> {
  const started = performance.now();
  if (early) {
    const stopped = early.failure ? `, then stopped: ${early.failure}` : '';
    const shards = early.stored.size > 0 ? ` and indexed ${early.stored.size} shards of them` : '';
    log(`Read ${early.facts.size} pages${shards} while the pages rendered${stopped}.`);
  }
  try {
    const result = await buildSearchIndex({
      site,
      early,
      budget: shardBudget(process.env, DEFAULT_SHARD_BUDGET),
      concurrency,
      sortValue: searchSortValue,
      cacheDir,
      keepShards,
      log,
      // What the page renders left behind goes back before the Pagefind runs start beside this process.
      beforeIndexing: collectGarbage,
    });
    if (result.pages === 0) warn('The site has no page, so search has nothing to find.');
    else if (result.noBody) warn('No page has `data-pagefind-body`: search indexed whole pages, header and footer included.');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const fromEarly = result.early > 0 ? `, ${result.early} of them indexed while the pages rendered` : '';
    const reused = (result.reused > 0 ? `, ${result.reused} of them unchanged` : '') + fromEarly;
    const shards = result.shards > 1 || keepShards ? ` (${result.shards} shards${reused})` : result.reused > 0 ? ' (unchanged)' : '';
    log(`Indexed ${result.pages} pages for search in ${seconds} s${shards}${keepShards ? ', left for the merge' : ''}.`);
  } catch (error) {
    throw new Error(`Pagefind failed to index the built site in ${site}`, { cause: error });
  }
}

/**
 * What a first build does for search while its pages render (early-indexer.ts): index the shards
 * their pages settle, where there are three cores or more; else only read the pages. Rendering
 * keeps about one and a half cores busy, and on two, Pagefind's runs beside it slowed it by as
 * much as they saved (BENCHMARKS.md, "Indexing while the pages render"). `DOSSIER_EARLY_INDEX`
 * says otherwise: `1` indexes shards, `0` does nothing early.
 */
export function earlyWork(env: Record<string, string | undefined>, cores = availableParallelism()): 'shards' | 'pages' | 'none' {
  if (env.DOSSIER_EARLY_INDEX === '1') return 'shards';
  if (env.DOSSIER_EARLY_INDEX === '0') return 'none';
  return cores >= 3 ? 'shards' : 'pages';
}

/** Where the shard cache lives: beside Astro's own build cache, so that whatever keeps one (a CI cache step) keeps both. */
export function shardCacheDir(astroCacheDir: string): string {
  return join(astroCacheDir, 'dossier-search-shards');
}

/**
 * `keepShards`: a partition of a site built in parts leaves its shards' indexes unmerged, for
 * `npm run build:merge` (scripts/build-merge.ts) to merge with the other partitions'. `later`: the
 * build leaves indexing to its caller (`npm run build`, which indexes one partition while the next renders).
 */
export function pagefind({
  keepShards = false,
  later = false,
  progress,
}: {
  keepShards?: boolean;
  later?: boolean;
  /** The pages as they render: with it, a first build indexes shards while the pages render (early-indexer.ts). */
  progress?: RenderProgress;
} = {}): AstroIntegration {
  let cacheDir: string | undefined;
  let outDir = '';
  let early: EarlyIndexer | undefined;
  // A first build only: a rebuild renders a few pages, and finds the other shards in the cache.
  progress?.listen({
    expect(pages) {
      const work = earlyWork(process.env);
      if (later || keepShards || cacheDir === undefined || hasShards(cacheDir) || work === 'none') return;
      early = earlyIndexer({
        shards: work === 'shards',
        site: outDir,
        cacheDir,
        staging: earlyStagingDir(outDir),
        budget: shardBudget(process.env, DEFAULT_SHARD_BUDGET),
      });
      early.expect(pages);
    },
    rendered: (page) => early?.rendered(page),
  });
  return {
    name: 'dossier-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = shardCacheDir(fileURLToPath(config.cacheDir));
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const indexed = await early?.finish();
        early = undefined;
        if (later) return;
        await indexBuiltSite(fileURLToPath(dir), cacheDir, {
          early: indexed,
          // One Pagefind run keeps about one core busy.
          concurrency: Math.min(2, availableParallelism()),
          keepShards,
          log: (message) => logger.info(message),
          warn: (message) => logger.warn(message),
        });
      },
    },
  };
}
