/**
 * Search shards: how the build cuts a large site into parts that Pagefind
 * indexes one at a time (two at once), before the parts' indexes are merged
 * into one (merge-bundles.ts).
 *
 * Pagefind holds every page of an index in memory while it builds it, several
 * gigabytes for a large site (BENCHMARKS.md). A shard's budget bounds that. Pages are grouped by language
 * first, because Pagefind splits an index by language anyway: a language that
 * fits in one shard keeps Pagefind's own files, and only the languages cut
 * across shards are merged. A site that fits in one shard is one Pagefind
 * run, as before.
 */
import { compareStrings } from '../../utils/compare-strings.ts';

/** A page Pagefind will index. */
export interface IndexablePage {
  /** Path relative to the built site, `/`-separated (`articles/x/index.html`). */
  path: string;
  /** Bytes Pagefind will hold for it: the page from its `data-pagefind-body` element on. */
  bytes: number;
  /** `<html lang>`, lowercased; `unknown` without one. */
  language: string;
}

export interface ShardBudget {
  /** At most this many bytes (`IndexablePage.bytes`) in a shard, unless one page alone is larger. */
  maxBytes: number;
  /** At most this many pages in a shard. */
  maxPages: number;
}

export interface ShardPlan {
  /** Pages of the shard, in path order. */
  pages: string[];
  bytes: number;
}

/**
 * Cuts the pages into shards within the budget. The same pages always give
 * the same shards: languages by page count (most first, then by name), each
 * language's pages in path order, cut before each boundary page (one whose
 * path hashes to a multiple of `every`, a power of two that makes a cut about
 * half the budget on average) and wherever the budget is full. Boundaries
 * depend on paths alone, so an edited page changes its own shard only, an
 * added or removed one its own or two, and the other shards' indexes are
 * reused from the last build (index-site.ts). A language's last cut then
 * goes into the first remainder it fits in, so that a small language or a
 * remainder shares a shard instead of making one more Pagefind run.
 */
export function planShards(pages: readonly IndexablePage[], budget: ShardBudget): ShardPlan[] {
  if (pages.length === 0) return [];
  const total = pages.reduce((sum, page) => sum + page.bytes, 0);
  if (total <= budget.maxBytes && pages.length <= budget.maxPages) {
    return [{ pages: pages.map((page) => page.path).sort(compareStrings), bytes: total }];
  }
  const byLanguage = new Map<string, IndexablePage[]>();
  for (const page of pages) {
    const group = byLanguage.get(page.language);
    if (group) group.push(page);
    else byLanguage.set(page.language, [page]);
  }
  const languages = [...byLanguage.keys()].sort((a, b) => byLanguage.get(b)!.length - byLanguage.get(a)!.length || compareStrings(a, b));

  const shards: ShardPlan[] = [];
  const lastCuts: ShardPlan[] = [];
  for (const language of languages) {
    const sorted = byLanguage.get(language)!.sort((a, b) => compareStrings(a.path, b.path));
    const every = boundarySpacing(sorted, budget);
    let cut: ShardPlan = { pages: [], bytes: 0 };
    for (const page of sorted) {
      const full = cut.pages.length >= budget.maxPages || cut.bytes + page.bytes > budget.maxBytes;
      if (cut.pages.length > 0 && (full || isBoundary(page.path, every))) {
        shards.push(cut);
        cut = { pages: [], bytes: 0 };
      }
      cut.pages.push(page.path);
      cut.bytes += page.bytes;
    }
    lastCuts.push(cut);
  }

  // Remainders share shards among themselves, never one of the shards cut above: those depend on
  // their own pages alone, so that settled-shards.ts can find them, and the build index them, while the other pages render.
  const remainders: ShardPlan[] = [];
  for (const cut of lastCuts) {
    const room = remainders.find(
      (shard) => shard.pages.length + cut.pages.length <= budget.maxPages && shard.bytes + cut.bytes <= budget.maxBytes,
    );
    if (!room) {
      remainders.push(cut);
      continue;
    }
    room.pages = [...room.pages, ...cut.pages].sort(compareStrings);
    room.bytes += cut.bytes;
  }
  return [...shards, ...remainders];
}

/**
 * Pages between boundaries, on average: the power of two nearest half the
 * budget's worth of the language's pages. A power of two, so that it stays
 * the same as pages come and go, until their average size doubles or halves.
 */
export function boundarySpacing(pages: readonly IndexablePage[], budget: ShardBudget): number {
  const average = pages.reduce((sum, page) => sum + page.bytes, 0) / pages.length;
  const wanted = Math.min(budget.maxBytes / 2 / Math.max(average, 1), budget.maxPages / 2);
  return 2 ** Math.max(0, Math.round(Math.log2(Math.max(wanted, 1))));
}

/** Whether a cut starts at this page: FNV-1a of its path's code units (cheap, the same everywhere) is a multiple of `every`. */
export function isBoundary(path: string, every: number): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index++) hash = Math.imul(hash ^ path.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % every === 0;
}

/**
 * The budget, from the environment where it is set: `DOSSIER_SEARCH_SHARD_PAGES`
 * (pages in a shard) and `DOSSIER_SEARCH_SHARD_MB` (megabytes of
 * `IndexablePage.bytes` in a shard). Tests and benchmarks set a few pages to
 * get several shards out of a small site.
 */
export function shardBudget(env: Record<string, string | undefined>, defaults: ShardBudget): ShardBudget {
  const pages = Number(env.DOSSIER_SEARCH_SHARD_PAGES);
  const megabytes = Number(env.DOSSIER_SEARCH_SHARD_MB);
  return {
    maxPages: Number.isInteger(pages) && pages > 0 ? pages : defaults.maxPages,
    maxBytes: Number.isFinite(megabytes) && megabytes > 0 ? Math.round(megabytes * 1024 * 1024) : defaults.maxBytes,
  };
}
