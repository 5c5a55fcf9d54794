import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isBoundary, planShards, shardBudget, type IndexablePage } from './plan-shards.ts';

const page = (path: string, language = 'en', bytes = 10): IndexablePage => ({ path, language, bytes });

describe('planShards', () => {
  test('a site within the budget is one shard, languages together, in path order', () => {
    const pages = [page('b/index.html'), page('a/index.html', 'ko'), page('c/index.html', 'zh')];
    expect(planShards(pages, { maxPages: 3, maxBytes: 30 })).toEqual([
      { pages: ['a/index.html', 'b/index.html', 'c/index.html'], bytes: 30 },
    ]);
  });

  test('no page, no shard', () => {
    expect(planShards([], { maxPages: 10, maxBytes: 100 })).toEqual([]);
  });

  test('a language is cut before each boundary page', () => {
    // 40 pages of 10 bytes and a budget of 100: a boundary every 4 pages on average (half the budget, a power of two).
    const pages = Array.from({ length: 40 }, (_, index) => page(`p/${String(index).padStart(2, '0')}.html`, 'en', 10));
    const boundaries = pages.filter((item) => isBoundary(item.path, 4)).map((item) => item.path);
    const shards = planShards(pages, { maxPages: 100, maxBytes: 100 }).map((shard) =>
      shard.pages.map((path) => path.slice(2, 4)).join(' '),
    );
    expect(shards).toEqual([
      '00 01 02',
      '03 04 05 06',
      '07 08 09',
      '10 11 12 13',
      '14 15 16 17',
      '18 19 20',
      '21 22 23 24',
      '25 26 27 28',
      '29 30 31',
      '32 33 34 35',
      '36 37 38 39',
    ]);
    expect(boundaries.map((path) => path.slice(2, 4))).toEqual(['03', '07', '10', '14', '18', '21', '25', '29', '32', '36']);
  });

  test('languages are cut apart, and the last cuts share shards with each other, not with the shards cut before', () => {
    const pages = [
      ...['a', 'b', 'c'].map((name) => page(`en/${name}.html`, 'en')),
      ...['a', 'b'].map((name) => page(`ko/${name}.html`, 'ko')),
      page('zh/a.html', 'zh'),
    ];
    expect(planShards(pages, { maxPages: 2, maxBytes: 1000 }).map((shard) => shard.pages)).toEqual([
      ['en/a.html'],
      ['en/b.html'],
      ['ko/a.html'],
      ['en/c.html', 'ko/b.html'],
      ['zh/a.html'],
    ]);
  });

  test('the byte budget cuts too, and a page larger than it is a shard of its own', () => {
    const pages = [page('a.html', 'en', 40), page('b.html', 'en', 70), page('c.html', 'en', 500), page('d.html', 'en', 30)];
    expect(planShards(pages, { maxPages: 100, maxBytes: 100 })).toEqual([
      { pages: ['a.html'], bytes: 40 },
      { pages: ['b.html'], bytes: 70 },
      { pages: ['c.html'], bytes: 500 },
      { pages: ['d.html'], bytes: 30 },
    ]);
  });

  test('every page in exactly one shard, within the budget, whatever the input order', () => {
    const pages = fc.uniqueArray(
      fc.record({
        path: fc.string({ minLength: 1 }),
        language: fc.constantFrom('en', 'ko', 'zh', 'unknown'),
        bytes: fc.integer({ min: 1, max: 50 }),
      }),
      { selector: (candidate) => candidate.path, maxLength: 60 },
    );
    fc.assert(
      fc.property(pages, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 120 }), (list, maxPages, maxBytes) => {
        const budget = { maxPages, maxBytes };
        const shards = planShards(list, budget);
        expect(shards.flatMap((shard) => shard.pages).sort()).toEqual(list.map((item) => item.path).sort());
        for (const shard of shards) {
          expect(shard.pages.length).toBeLessThanOrEqual(maxPages);
          if (shard.pages.length > 1) expect(shard.bytes).toBeLessThanOrEqual(maxBytes);
        }
        expect(planShards([...list].reverse(), budget)).toEqual(shards);
      }),
    );
  });
});

describe('planShards on a changed site', () => {
  // 6,000 pages of 20 to 40 bytes (a fixed pseudo-random sequence), about 250 to a shard of
  // 8,000 bytes: as at 10,000 documents, where a shard holds about 300 Korean or 1,000 English pages.
  const sizes = Array.from({ length: 6000 }, (_, index) => 20 + ((index * 7919) % 21));
  const site = sizes.map((bytes, index) => page(`articles/${String(index).padStart(4, '0')}/index.html`, 'en', bytes));
  const budget = { maxPages: 2000, maxBytes: 8000 };
  const changedShards = (before: IndexablePage[], after: IndexablePage[]): number => {
    const key = (shard: { pages: string[]; bytes: number }) => `${shard.bytes}:${shard.pages.join(',')}`;
    const old = new Set(planShards(before, budget).map(key));
    return planShards(after, budget).filter((shard) => !old.has(key(shard))).length;
  };

  // Its own shard, sometimes the next, and the one its language's last cut joins (planShards).
  test.each([100, 2800, 5555])('a page edited (%i) changes at most three shards of twenty-odd', (at) => {
    expect(planShards(site, budget).length).toBeGreaterThan(20);
    const edited = site.map((item, index) => (index === at ? { ...item, bytes: item.bytes + 15 } : item));
    expect(changedShards(site, edited)).toBeLessThanOrEqual(3);
  });

  test.each([100, 2800, 5555])('a page added or removed (%i) changes at most three shards', (at) => {
    const added = [...site, page(`articles/${String(at).padStart(4, '0')}-new/index.html`, 'en', 30)];
    expect(changedShards(site, added)).toBeLessThanOrEqual(3);
    expect(
      changedShards(
        site,
        site.filter((_, index) => index !== at),
      ),
    ).toBeLessThanOrEqual(2);
  });
});

describe('shardBudget', () => {
  const defaults = { maxPages: 2000, maxBytes: 4 * 1024 * 1024 };

  test('the environment lowers or raises it', () => {
    expect(shardBudget({}, defaults)).toEqual(defaults);
    expect(shardBudget({ DOSSIER_SEARCH_SHARD_PAGES: '3' }, defaults)).toEqual({ ...defaults, maxPages: 3 });
    expect(shardBudget({ DOSSIER_SEARCH_SHARD_MB: '0.5' }, defaults)).toEqual({ ...defaults, maxBytes: 512 * 1024 });
  });

  test('ignores values that are not positive numbers', () => {
    expect(shardBudget({ DOSSIER_SEARCH_SHARD_PAGES: 'many', DOSSIER_SEARCH_SHARD_MB: '-1' }, defaults)).toEqual(defaults);
    expect(shardBudget({ DOSSIER_SEARCH_SHARD_PAGES: '0', DOSSIER_SEARCH_SHARD_MB: '' }, defaults)).toEqual(defaults);
  });
});
