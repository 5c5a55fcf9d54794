import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareStrings } from '../../utils/compare-strings.ts';
import { planShards, type IndexablePage, type ShardPlan } from './plan-shards.ts';
import { settledShards } from './settled-shards.ts';

const key = (shard: ShardPlan): string => `${shard.bytes}:${shard.pages.join(',')}`;

/** A site: pages of a few languages, each language's pages of one size (so the boundary spacing is the same from any part of them), some with nothing to index. */
const site = fc
  .uniqueArray(
    fc.record({
      path: fc.stringMatching(/^[a-z0-9/-]{1,12}$/),
      language: fc.constantFrom('en', 'ko', 'zh'),
      indexed: fc.boolean(),
    }),
    { selector: (page) => page.path, minLength: 1, maxLength: 300 },
  )
  .map((pages) => {
    const sizes: Record<string, number> = { en: 10, ko: 25, zh: 7 };
    return pages.map(({ path, language, indexed }) => ({
      path,
      page: indexed ? ({ path, language, bytes: sizes[language]! } satisfies IndexablePage) : null,
    }));
  });

describe('settledShards', () => {
  test('every shard it settles is a shard of the final plan, whichever pages are written', () => {
    fc.assert(
      fc.property(
        site,
        fc.infiniteStream(fc.boolean()),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 20, max: 400 }),
        (pages, coin, maxPages, maxBytes) => {
          const budget = { maxPages, maxBytes };
          const expected = pages.map(({ path }) => path).sort(compareStrings);
          const all = pages.flatMap(({ page }) => (page ? [page] : []));
          const final = new Set(planShards(all, budget).map(key));
          const draws = coin[Symbol.iterator]();
          const written = new Map(pages.filter(() => draws.next().value).map(({ path, page }) => [path, page]));
          for (const shard of settledShards(expected, written, budget)) expect(final).toContain(key(shard));
        },
      ),
    );
  });

  test('once every page is written, it settles the whole plan but the remainders', () => {
    fc.assert(
      fc.property(site, fc.integer({ min: 2, max: 40 }), fc.integer({ min: 20, max: 400 }), (pages, maxPages, maxBytes) => {
        const budget = { maxPages, maxBytes };
        const expected = pages.map(({ path }) => path).sort(compareStrings);
        const all = pages.flatMap(({ page }) => (page ? [page] : []));
        const plan = planShards(all, budget);
        const settled = settledShards(expected, new Map(pages.map(({ path, page }) => [path, page])), budget);
        const languages = new Set(all.map((page) => page.language)).size;
        if (plan.length === 1) expect(settled).toEqual([]);
        else expect(plan.length - settled.length).toBeLessThanOrEqual(languages);
        const final = new Set(plan.map(key));
        for (const shard of settled) expect(final).toContain(key(shard));
      }),
    );
  });

  test('as pages are written in path order, the shards behind them settle', () => {
    const pages = Array.from({ length: 3000 }, (_, index) => ({
      path: `articles/${String(index).padStart(4, '0')}/index.html`,
      language: index % 3 === 0 ? 'ko' : 'en',
      bytes: 100,
    }));
    const budget = { maxPages: 2000, maxBytes: 20_000 };
    const expected = pages.map((page) => page.path);
    const plan = planShards(pages, budget);
    const written = (count: number) => new Map(pages.slice(0, count).map((page) => [page.path, page]));
    const half = settledShards(expected, written(1500), budget);
    expect(half.length).toBeGreaterThan(plan.length / 3);
    expect(half.every((shard) => shard.pages.every((path) => path < expected[1500]!))).toBe(true);
    // A page not yet written holds back the shards that might hold it, and no others.
    const gap = written(3000);
    gap.delete(expected[10]!);
    const held = settledShards(expected, gap, budget);
    expect(held.length).toBeGreaterThan(0);
    expect(held.some((shard) => shard.pages[0]! <= expected[10]!)).toBe(false);
  });

  test('nothing while the site may still fit in one shard', () => {
    const pages = ['a', 'b', 'c'].map((path) => ({ path, language: 'en', bytes: 10 }));
    const written = new Map(pages.map((page) => [page.path, page]));
    expect(settledShards(['a', 'b', 'c', 'd'], written, { maxPages: 4, maxBytes: 100 })).toEqual([]);
    // Beyond the budget, every cut but the last (the remainder) settles.
    const many = Array.from({ length: 40 }, (_, index) => ({
      path: `p/${String(index).padStart(2, '0')}.html`,
      language: 'en',
      bytes: 10,
    }));
    const all = new Map(many.map((page) => [page.path, page]));
    expect(settledShards([...all.keys()], all, { maxPages: 100, maxBytes: 100 }).map((shard) => shard.pages.length)).toEqual([
      3, 4, 3, 4, 4, 3, 4, 4, 3, 4,
    ]);
  });
});
