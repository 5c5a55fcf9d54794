/**
 * Search shards: how the build cuts a large site into parts that Pagefind
 * indexes one at a time (two at once), before the parts' indexes are merged
 * into one (src/integrations/pagefind-merge.ts).
 *
 * Pagefind holds every page of an index in memory while it builds it: about
 * 0.4 MB per English article and 0.9 MB per Korean one, 4.7 GB for 10,000
 * documents. A shard's budget bounds that. Pages are grouped by language
 * first, because Pagefind splits an index by language anyway: a language that
 * fits in one shard keeps Pagefind's own files, and only the languages cut
 * across shards are merged. A site that fits in one shard is one Pagefind
 * run, as before.
 */

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
 * language's pages in path order, cut where the budget is full or, once a cut
 * holds 60 % of it, before a boundary page: one whose path hashes to a
 * multiple of 16. Boundaries depend on paths alone, so an edited, added or
 * removed page changes its own shard and rarely the next ones, and the other
 * shards' indexes are reused from the last build (search-index.ts). Each cut
 * then goes into the first shard it fits in, so a language's remainder shares
 * a shard with another's instead of making one more Pagefind run.
 */
export function planShards(pages: readonly IndexablePage[], budget: ShardBudget): ShardPlan[] {
  if (pages.length === 0) return [];
  const total = pages.reduce((sum, page) => sum + page.bytes, 0);
  if (total <= budget.maxBytes && pages.length <= budget.maxPages) {
    return [{ pages: pages.map((page) => page.path).sort(compareText), bytes: total }];
  }
  const byLanguage = new Map<string, IndexablePage[]>();
  for (const page of pages) {
    const group = byLanguage.get(page.language);
    if (group) group.push(page);
    else byLanguage.set(page.language, [page]);
  }
  const languages = [...byLanguage.keys()].sort((a, b) => byLanguage.get(b)!.length - byLanguage.get(a)!.length || compareText(a, b));

  const cuts: ShardPlan[] = [];
  for (const language of languages) {
    const sorted = byLanguage.get(language)!.sort((a, b) => compareText(a.path, b.path));
    let cut: ShardPlan = { pages: [], bytes: 0 };
    for (const page of sorted) {
      const full = cut.pages.length >= budget.maxPages || (cut.pages.length > 0 && cut.bytes + page.bytes > budget.maxBytes);
      const filled = cut.bytes >= budget.maxBytes * BOUNDARY_FILL || cut.pages.length >= budget.maxPages * BOUNDARY_FILL;
      if (full || (filled && isBoundary(page.path))) {
        cuts.push(cut);
        cut = { pages: [], bytes: 0 };
      }
      cut.pages.push(page.path);
      cut.bytes += page.bytes;
    }
    cuts.push(cut);
  }

  const shards: ShardPlan[] = [];
  for (const cut of cuts) {
    const room = shards.find(
      (shard) => shard.pages.length + cut.pages.length <= budget.maxPages && shard.bytes + cut.bytes <= budget.maxBytes,
    );
    if (!room) {
      shards.push({ pages: [...cut.pages], bytes: cut.bytes });
      continue;
    }
    room.pages = [...room.pages, ...cut.pages].sort(compareText);
    room.bytes += cut.bytes;
  }
  return shards;
}

const BOUNDARY_FILL = 0.6;
const BOUNDARY_EVERY = 16;

/** FNV-1a of the path's code units: cheap, and the same everywhere. */
export function isBoundary(path: string): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index++) hash = Math.imul(hash ^ path.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % BOUNDARY_EVERY === 0;
}

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
