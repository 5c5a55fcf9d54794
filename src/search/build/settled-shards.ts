/**
 * The shards of the final plan (plan-shards.ts) that the pages written so far already fix, so that
 * they can be indexed while the other pages render (early-indexer.ts).
 *
 * `planShards` cuts each language's pages, in path order, before each boundary page and wherever
 * the budget is full. A cut before a boundary page depends on that page's path alone, and a cut
 * where the budget is full on the pages since the last cut; so a shard is fixed once every page
 * from its first one to the first page of the next shard of its language is written, and its first
 * page starts a cut for certain: a boundary page, its language's first page with every page before
 * it written, or the page after a fixed shard. Remainders are left out: they share shards with each
 * other at the end. The guess is the boundary spacing, from the sizes of the pages written so far;
 * a wrong guess costs only the work, since the build looks the shards up by their pages and bytes.
 */
import { boundarySpacing, isBoundary, type IndexablePage, type ShardBudget, type ShardPlan } from './plan-shards.ts';

/**
 * @param expected Every page the build will write, in path order (`compareStrings`).
 * @param written The pages written so far: what indexing needs of them, or null for a page it skips.
 */
export function settledShards(
  expected: readonly string[],
  written: ReadonlyMap<string, IndexablePage | null>,
  budget: ShardBudget,
): ShardPlan[] {
  const byLanguage = new Map<string, IndexablePage[]>();
  let total = 0;
  let count = 0;
  for (const page of written.values()) {
    if (!page) continue;
    total += page.bytes;
    count++;
    const group = byLanguage.get(page.language);
    if (group) group.push(page);
    else byLanguage.set(page.language, [page]);
  }
  // A site that may yet fit in one shard is indexed whole (planShards).
  if (total <= budget.maxBytes && count <= budget.maxPages) return [];
  const every = new Map([...byLanguage].map(([language, pages]) => [language, boundarySpacing(pages, budget)]));

  interface Cut extends ShardPlan {
    /** Index in `expected` of its first page. */
    start: number;
    /** Whether the final plan starts a cut at its first page. */
    certain: boolean;
  }
  const open = new Map<string, Cut>();
  const settled: ShardPlan[] = [];
  let lastUnwritten = -1;
  for (let index = 0; index < expected.length; index++) {
    const path = expected[index]!;
    const page = written.get(path);
    if (page === undefined) {
      lastUnwritten = index;
      continue;
    }
    if (page === null) continue;
    const cut = open.get(page.language);
    const start = (certain: boolean): void => {
      open.set(page.language, { pages: [path], bytes: page.bytes, start: index, certain });
    };
    if (!cut) {
      start(lastUnwritten < 0);
      continue;
    }
    const full = cut.pages.length >= budget.maxPages || cut.bytes + page.bytes > budget.maxBytes;
    const boundary = isBoundary(path, every.get(page.language)!);
    if (full || boundary) {
      const fixed = cut.certain && lastUnwritten < cut.start;
      if (fixed) settled.push({ pages: cut.pages, bytes: cut.bytes });
      start(boundary || fixed);
      continue;
    }
    cut.pages.push(path);
    cut.bytes += page.bytes;
  }
  return settled;
}
