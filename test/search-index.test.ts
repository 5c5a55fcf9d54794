import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchSortValue } from '../src/integrations/pagefind.ts';
import { mergeBundles } from '../src/search/build/merge-bundles.ts';
import { earlyIndexer } from '../src/search/build/early-indexer.ts';
import { buildSearchIndex, earlyStagingDir, indexablePages } from '../src/search/build/index-site.ts';
import { settledShards } from '../src/search/build/settled-shards.ts';
import { pagefindBinary } from '../src/search/build/pagefind-run.ts';
import { readIndex } from './helpers/search-index.ts';

/**
 * The search index of a site cut into shards is the index of the whole site:
 * Pagefind runs on a generated site once whole and once in shards of three
 * pages, and the two bundles must say the same (every word's postings, every
 * filter, the sort, by URL), with no file left over.
 */

const out = resolve(import.meta.dirname, '.output', `search-index.${process.pid}`);
const HUGE = { maxPages: 1e9, maxBytes: 1e12 };

interface TestPage {
  path: string;
  language: string;
  title: string;
  body: string;
  section: string;
  published?: string;
  author?: string;
}

/** Words `w0`… in base 36: enough of them fill several word chunks. */
const many = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `w${(from + i).toString(36)}`).join(' ');

const PAGES: TestPage[] = [
  {
    path: 'en/a/index.html',
    language: 'en',
    title: 'Lighthouse keepers',
    body: 'The lighthouse keepers wrote logs. Cafe owners read them.',
    section: 'History',
    published: '1923-05-01',
  },
  {
    path: 'en/b/index.html',
    language: 'en',
    title: 'Harbour fees',
    body: 'The harbour fees rise. A naïve plan, said the cafe owner.',
    section: 'News',
    published: '2025-11-12',
  },
  { path: 'en/c/index.html', language: 'en', title: 'Long list', body: many(0, 9000), section: 'News', published: '2025-11-12' },
  {
    path: 'en/d/index.html',
    language: 'en',
    title: 'Drones at the lighthouse',
    body: 'A quadcopter circled the lighthouse.',
    section: 'Technology',
    published: '2026-03-03',
    author: 'Mina Park',
  },
  { path: 'en/e/index.html', language: 'en', title: 'Undated guide', body: 'Keep the lamp clean. Lighthouse lore.', section: 'Guides' },
  {
    path: 'en/f/index.html',
    language: 'en',
    title: 'Longer list',
    body: many(6000, 9000),
    section: 'News',
    published: '2024-01-01',
    author: 'Jo Lee',
  },
  {
    path: 'en/g/index.html',
    language: 'en',
    title: 'Café society',
    body: 'The café opened. Naïve painters met at the café.',
    section: 'Culture',
    published: '2025-11-12',
  },
  {
    path: 'en/h/index.html',
    language: 'en',
    title: 'Midnight',
    body: 'Zéro is how the French write it. The lighthouse went dark.',
    section: 'World',
    published: '2020-02-02',
  },
  {
    path: 'ko/a/index.html',
    language: 'ko',
    title: '루멘 곶의 등대',
    body: '등대를 드론으로 점검했다. 협동조합이 모였다.',
    section: 'World',
    published: '2026-04-01',
  },
  {
    path: 'ko/b/index.html',
    language: 'ko',
    title: '천도교 강연',
    body: '농촌의 개벽과 협동조합.',
    section: 'History',
    published: '1923-05-01',
  },
  { path: 'ko/c/index.html', language: 'ko', title: '등대지기', body: '등대지기의 일기.', section: 'History' },
];

function html(page: TestPage): string {
  const filters = ['section[data-section]', ...(page.published ? ['year[data-year]', 'published[data-published]'] : [])].join(', ');
  return `<!doctype html><html lang="${page.language}"><head><meta charset="utf-8"><title>${page.title}</title></head><body>
<header><a href="/">Site header, on every page: lighthouse archive</a></header>
<main><article data-pagefind-body>
<h1 data-pagefind-meta="title">${page.title}</h1>
${page.author ? `<p data-pagefind-meta="author">${page.author}</p>` : ''}
<span hidden data-pagefind-filter="${filters}" data-pagefind-sort="date[data-sort]" data-section="${page.section}"${
    page.published ? ` data-year="${page.published.slice(0, 4)}" data-published="${page.published}"` : ''
  } data-sort="${page.published ?? '0000'}"></span>
<p>${page.body}</p>
<h2 id="more">More</h2><p>${page.title} again.</p>
</article></main></body></html>`;
}

const sortValue = (key: string, url: string): string => {
  const page = PAGES.find((candidate) => `/${candidate.path.replace(/index\.html$/, '')}` === url)!;
  return key === 'date' ? (page.published ?? '0000') : '';
};

let site: string;

beforeAll(async () => {
  site = join(out, 'site');
  await rm(out, { recursive: true, force: true });
  for (const page of PAGES) {
    await mkdir(join(site, page.path, '..'), { recursive: true });
    await writeFile(join(site, page.path), html(page));
  }
  // Not indexed: no data-pagefind-body.
  await writeFile(join(site, 'index.html'), '<!doctype html><html lang="en"><body><p>Home: lighthouse</p></body></html>');
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The files of a site's search bundle, relative to the site, in order. */
async function bundleFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'pagefind'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
    .sort();
}

async function indexCopy(name: string, budget: { maxPages: number; maxBytes: number }) {
  const copy = join(out, name);
  await cp(site, copy, { recursive: true });
  const result = await buildSearchIndex({ site: copy, budget, concurrency: 2, sortValue: searchSortValue });
  return { copy, result };
}

describe('a site indexed in shards', () => {
  test('has the index of the whole site, in the same files', async () => {
    const [whole, sharded] = await Promise.all([indexCopy('whole', HUGE), indexCopy('sharded', { maxPages: 3, maxBytes: 1e12 })]);
    expect(whole.result).toEqual({ pages: 11, shards: 1, noBody: false, reused: 0, early: 0, languagesReused: 0 });
    expect(sharded.result).toEqual({ pages: 11, shards: 6, noBody: false, reused: 0, early: 0, languagesReused: 0 });

    const [expected, actual] = await Promise.all([
      readIndex(join(whole.copy, 'pagefind'), sortValue),
      readIndex(join(sharded.copy, 'pagefind'), sortValue),
    ]);
    expect(actual.orphans).toEqual([]);
    expect(Object.keys(actual.languages)).toEqual(['en', 'ko']);
    const en = actual.languages.en!;
    // The cases the merge must get right are all there.
    expect(Object.keys(en.words).length).toBeGreaterThan(10000);
    expect(en.words.cafe).toEqual(expect.arrayContaining([expect.stringMatching(/^\/en\/a\//), expect.stringMatching(/^café: \/en\/g\//)]));
    expect(en.words.zero).toEqual([expect.stringMatching(/^zéro: \/en\/h\//)]);
    expect(en.metaFields).toEqual(['author', 'title']);
    // A meta field other shards lack: its id differs from shard to shard.
    expect(en.words.mina).toEqual(['/en/d/ -25,4 [author],0']);
    expect(en.sorts.date).toEqual([
      '0000',
      '1923-05-01',
      '2020-02-02',
      '2024-01-01',
      '2025-11-12',
      '2025-11-12',
      '2025-11-12',
      '2026-03-03',
    ]);
    expect(actual).toEqual(expected);

    // Everything but the index is the bundle Pagefind writes.
    const files = async (copy: string) => (await readdir(join(copy, 'pagefind'))).filter((file) => !/\.pf_meta$/.test(file)).sort();
    expect(await files(sharded.copy)).toEqual(await files(whole.copy));
    const order = JSON.parse(await readFile(join(sharded.copy, 'pagefind/dossier-date-order.json'), 'utf8')) as { newestFirst: string[] };
    expect(order.newestFirst).toHaveLength(11);
  });

  test('a language merged on a thread of its own and one merged on the calling thread are the same files, byte for byte', async () => {
    const copy = join(out, 'threads');
    await cp(site, copy, { recursive: true });
    await buildSearchIndex({
      site: copy,
      budget: { maxPages: 3, maxBytes: 1e12 },
      concurrency: 2,
      sortValue: searchSortValue,
      keepShards: true,
    });
    const kept = join(copy, '.dossier-search-shards');
    const shards = readdirSync(kept)
      .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]))
      .map((name) => join(kept, name));
    expect(shards.length).toBeGreaterThan(2);
    const merge = async (name: string, threadPages: number): Promise<Map<string, Buffer>> => {
      const output = join(out, 'threads-merged', name, 'pagefind');
      await mergeBundles({ shards, output, sortValue: searchSortValue, kept: new Set(shards), threadPages });
      const files = await bundleFiles(join(out, 'threads-merged', name));
      return new Map(
        await Promise.all(files.map(async (file) => [file, await readFile(join(out, 'threads-merged', name) + file)] as const)),
      );
    };
    // Every language on a thread, then none.
    const [threaded, here] = [await merge('threaded', 0), await merge('here', Number.POSITIVE_INFINITY)];
    expect([...here.keys()]).toEqual([...threaded.keys()]);
    for (const [file, bytes] of here) expect(bytes.equals(threaded.get(file)!), file).toBe(true);
  });

  test('a sort whose values are not the ones Pagefind sorted by fails the merge, rather than misorder the results', async () => {
    const copy = join(out, 'wrong-sort');
    await cp(site, copy, { recursive: true });
    await expect(
      buildSearchIndex({ site: copy, budget: { maxPages: 3, maxBytes: 1e12 }, concurrency: 2, sortValue: () => 'same' }),
    ).rejects.toThrow(/The values of the sort "date" do not give Pagefind's order/);
  });

  test('pages of two shards with the same id get ids of their own, as Pagefind lengthens ids that collide', async () => {
    // The same page in both shards: the same fragment, so the same id.
    const one = join(out, 'collide/one');
    const two = join(out, 'collide/two');
    const page = html(PAGES[0]!);
    await mkdir(join(one, 'a'), { recursive: true });
    await mkdir(join(two, 'a'), { recursive: true });
    await mkdir(join(two, 'b'), { recursive: true });
    await writeFile(join(one, 'a/index.html'), page);
    await writeFile(join(two, 'a/index.html'), page);
    await writeFile(join(two, 'b/index.html'), html(PAGES[1]!));
    const run = promisify(execFile);
    await run(pagefindBinary(), ['--site', one, '--output-path', join(out, 'collide/out-1'), '--silent']);
    await run(pagefindBinary(), ['--site', two, '--output-path', join(out, 'collide/out-2'), '--silent']);

    const bundle = join(out, 'collide/bundle');
    const pages = await mergeBundles({
      shards: [join(out, 'collide/out-1'), join(out, 'collide/out-2')],
      output: bundle,
      sortValue: searchSortValue,
    });
    const ids = pages.filter((indexed) => indexed.fragment.url === '/a/').map((indexed) => indexed.id);
    expect(pages).toHaveLength(3);
    expect(new Set(pages.map((indexed) => indexed.id)).size).toBe(3);
    expect(ids[1]!.startsWith(ids[0]!)).toBe(true);
    expect(ids[1]!.length).toBe(ids[0]!.length + 1);
    const contents = await readIndex(bundle, (_, url) => (url === '/a/' ? '1923-05-01' : '2025-11-12'));
    expect(contents.orphans).toEqual([]);
    const [first, second] = contents.languages.en!.words.keeper!;
    expect(second).toBe(first);
  });

  test("the caller's memory is given back before Pagefind runs on two or more shards, not for one or none", async () => {
    const copy = join(out, 'collect');
    await cp(site, copy, { recursive: true });
    const cacheDir = join(out, 'collect-cache');
    const budget = { maxPages: 3, maxBytes: 1e12 };
    const index = async (): Promise<{ calls: number; reused: number; shards: number }> => {
      let calls = 0;
      const result = await buildSearchIndex({
        site: copy,
        budget,
        concurrency: 2,
        sortValue: searchSortValue,
        cacheDir,
        beforeIndexing: () => calls++,
      });
      return { calls, reused: result.reused, shards: result.shards };
    };
    const first = await index();
    expect(first.shards).toBeGreaterThan(2);
    expect(first).toMatchObject({ calls: 1, reused: 0 });
    // Nothing changed: every shard from the cache.
    expect(await index()).toMatchObject({ calls: 0, reused: first.shards });
    // One page changed: its shard alone is indexed again.
    const page = join(copy, PAGES[0]!.path);
    await writeFile(page, (await readFile(page, 'utf8')).replace('</article>', '<p>One more line.</p></article>'));
    expect(await index()).toMatchObject({ calls: 0, reused: first.shards - 1 });
    // Every page changed: every shard is indexed again, so the memory goes back, once.
    for (const { path } of PAGES) {
      const file = join(copy, path);
      await writeFile(file, (await readFile(file, 'utf8')).replace('</article>', '<p>Another line.</p></article>'));
    }
    expect(await index()).toMatchObject({ calls: 1, reused: 0 });
  });

  test('a rebuild merges again only the languages whose shards changed, into the bundle a merge from scratch writes', async () => {
    const copy = join(out, 'languages');
    const fresh = join(out, 'languages-fresh');
    await cp(site, copy, { recursive: true });
    const cacheDir = join(out, 'languages-cache');
    // Two pages a shard: English in four shards, Korean in two.
    const budget = { maxPages: 2, maxBytes: 1e12 };
    const index = (dir: string, cache?: string) =>
      buildSearchIndex({ site: dir, budget, concurrency: 2, sortValue: searchSortValue, cacheDir: cache });
    expect(await index(copy, cacheDir)).toMatchObject({ reused: 0, languagesReused: 0 });
    // Nothing changed: both languages' merges from the cache.
    expect(await index(copy, cacheDir)).toMatchObject({ languagesReused: 2 });
    // An English page changed: English is merged again, Korean is not.
    const page = join(copy, PAGES[0]!.path);
    expect(PAGES[0]!.language).toBe('en');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</article>', '<p>One more lighthouse keeper.</p></article>'));
    expect(await index(copy, cacheDir)).toMatchObject({ languagesReused: 1 });

    // The same site indexed with no cache at all: the same index, in the same files, byte for byte.
    await rm(fresh, { recursive: true, force: true });
    await cp(copy, fresh, { recursive: true, filter: (from) => !from.includes('pagefind') });
    expect(await index(fresh)).toMatchObject({ languagesReused: 0 });
    const rebuilt = await bundleFiles(copy);
    expect(rebuilt).toEqual(await bundleFiles(fresh));
    expect(rebuilt.filter((file) => file.includes('/pagefind/pagefind.ko_'))).toHaveLength(1);
    for (const file of rebuilt) expect(await readFile(join(copy, file)), file).toEqual(await readFile(join(fresh, file)));
    expect(await readIndex(join(copy, 'pagefind'), sortValue)).toEqual(await readIndex(join(fresh, 'pagefind'), sortValue));
  });

  test('shards indexed while the pages render are the ones the build then plans, and the index is the one it writes without them', async () => {
    const copy = join(out, 'early');
    const fresh = join(out, 'early-fresh');
    const cacheDir = join(out, 'early-cache');
    await cp(site, copy, { recursive: true });
    await cp(site, fresh, { recursive: true });
    const budget = { maxPages: 2, maxBytes: 1e12 };
    const { pages } = await indexablePages(copy);
    const files = [...PAGES.map((page) => page.path), 'index.html'].sort();
    // The shards the indexer can settle once every page is written: all but the remainders.
    const settled = settledShards(files, new Map(files.map((file) => [file, pages.find((page) => page.path === file) ?? null])), budget);
    expect(settled.length).toBeGreaterThan(2);

    const early = earlyIndexer({ site: copy, cacheDir, staging: earlyStagingDir(copy), budget, shards: true });
    early.expect(files);
    for (const file of files) early.rendered(file);
    for (let waited = 0; !existsSync(cacheDir) || readdirSync(cacheDir).length < settled.length; waited += 100) {
      expect(waited, 'the early indexer indexes every shard the pages settle').toBeLessThan(30_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const indexed = await early.finish();
    expect(indexed.failure).toBeUndefined();
    expect(indexed.stored.size).toBe(settled.length);
    expect([...indexed.facts.keys()].sort()).toEqual(files);

    const result = await buildSearchIndex({ site: copy, budget, concurrency: 2, sortValue: searchSortValue, cacheDir, early: indexed });
    expect(result).toMatchObject({ pages: 11, early: settled.length, reused: 0 });
    // Where it only reads the pages: no shard, every page read, and the same index again.
    const reader = earlyIndexer({ site: fresh, cacheDir: `${cacheDir}-fresh`, staging: earlyStagingDir(fresh), budget, shards: false });
    reader.expect(files);
    for (const file of files) reader.rendered(file);
    const read = await reader.finish();
    expect(read.stored.size).toBe(0);
    expect([...read.facts.keys()].sort()).toEqual(files);
    const fromRead = await buildSearchIndex({
      site: fresh,
      budget,
      concurrency: 2,
      sortValue: searchSortValue,
      cacheDir: `${cacheDir}-fresh`,
      early: read,
    });
    expect(fromRead).toMatchObject({ pages: 11, early: 0, reused: 0 });
    const written = await bundleFiles(copy);
    expect(written).toEqual(await bundleFiles(fresh));
    for (const file of written) expect(await readFile(join(copy, file)), file).toEqual(await readFile(join(fresh, file)));
  });

  test('the binary is the one the pagefind package installed', () => {
    expect(pagefindBinary()).toMatch(/@pagefind[\\/][a-z]+-[a-z0-9]+[\\/]bin[\\/]pagefind(_extended)?(\.exe)?$/);
  });
});
