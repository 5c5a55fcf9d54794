import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../scripts/support/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';
import { PARTITION_STAMP } from '../scripts/support/partitions.ts';
import { buildSite, fixtureEnv, runScript, type BuiltSite } from './helpers/build-site.ts';
import { readIndex } from './helpers/search-index.ts';
import { chooseFilter, filterOptions, openPage, POLL, resultTitles, search, summary } from './helpers/search-dialog.ts';

/**
 * A site built whole, and the same site built as the CI matrix builds it
 * (README, "Large archives"): `--plan 3`, then `--partition K/3` for each K,
 * then `npm run build:merge`. Readers must not tell them apart: every page,
 * the sitemap and the feed are the same bytes, and search answers the same.
 */

// The search fixture, and a council's news that quotes its people across documents.
const FIXTURES = ['search-site', 'quoted-people'].map((name) => join(import.meta.dirname, 'fixtures', name));
const DOCUMENTS_COUNT = 15;
const BASE = '/docs/';
const PARTITIONS = 3;

let whole: BuiltSite;
/** The same site built by `npm run build -- --partitions 3`: the partitions one after another on this machine. */
let oneMachine: BuiltSite | undefined;
let out: string;
let documents: string;
let merged: string;
let logs: string[];
let browser: Browser;
let servers: StaticServer[];

const parts = (): string[] => Array.from({ length: PARTITIONS }, (_, index) => join(out, 'parts', String(index + 1)));

beforeAll(async () => {
  out = resolve(import.meta.dirname, '.output', `partitioned.${process.pid}`);
  await rm(out, { recursive: true, force: true });
  documents = join(out, 'documents');
  for (const fixture of FIXTURES) await cp(fixture, documents, { recursive: true });
  const env = fixtureEnv(documents, out, { basePath: BASE });
  const partitioned = async (): Promise<string[]> => {
    const plan = await runScript('scripts/build.ts', ['--plan', String(PARTITIONS)], env);
    // As the matrix runs them: at once, each with its own caches.
    const built = await Promise.all(
      parts().map((dir, index) => runScript('scripts/build.ts', ['--partition', `${index + 1}/${PARTITIONS}`, '--outDir', dir], env)),
    );
    const merge = await runScript('scripts/build-merge.ts', ['--from', join(out, 'parts'), '--outDir', join(out, 'dist')], env);
    return [plan.stdout, ...built.map((build) => build.stdout), merge.stdout];
  };
  [whole, logs, oneMachine, browser] = await Promise.all([
    buildSite(documents, 'partitioned-whole', { basePath: BASE }),
    partitioned(),
    buildSite(documents, 'partitioned-one-machine', { basePath: BASE, args: ['--partitions', String(PARTITIONS)] }),
    launchChromium(),
  ]);
  merged = join(out, 'dist');
  servers = await Promise.all([serveStatic(whole.dist, BASE), serveStatic(merged, BASE)]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all((servers ?? []).map((server) => server.close()));
  await Promise.all([
    whole && rm(whole.out, { recursive: true, force: true }),
    oneMachine && rm(oneMachine.out, { recursive: true, force: true }),
    out && rm(out, { recursive: true, force: true }),
  ]);
});

async function filesOf(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('a site built in 3 partitions and merged', () => {
  test('the plan splits the documents, and each partition renders only its own entries', async () => {
    expect(logs[0]).toMatch(
      new RegExp(`Planned 3 partitions of ${DOCUMENTS_COUNT} documents \\(plan \\S+, made afresh\\): 1: \\d+, 2: \\d+, 3: \\d+\\.`),
    );
    const rendered = logs
      .slice(1, 1 + PARTITIONS)
      .map((log) => Number(new RegExp(`Rendered (\\d+) of ${DOCUMENTS_COUNT} entries`).exec(log)?.[1]));
    expect(rendered.reduce((sum, n) => sum + n, 0)).toBe(DOCUMENTS_COUNT);
    for (const n of rendered) expect(n).toBeLessThan(DOCUMENTS_COUNT);
    // Each article page comes from one partition only.
    const articles = await Promise.all(parts().map(async (dir) => (await readdir(join(dir, 'articles')).catch(() => [])).sort()));
    expect(articles.flat().sort()).toEqual((await readdir(join(whole.dist, 'articles'))).sort());
    expect(new Set(articles.flat()).size).toBe(articles.flat().length);
    expect(articles.map((list) => list.length)).toEqual(rendered);
  });

  test("each person's page comes from one partition, quoting documents that other partitions render", async () => {
    const quotedElsewhere: string[] = [];
    const pages: string[] = [];
    for (const dir of parts()) {
      const own = new Set(await readdir(join(dir, 'articles')).catch(() => []));
      const files = (await filesOf(join(dir, 'people')).catch(() => [])).filter((file) => file.includes('/'));
      for (const file of files) {
        pages.push(file);
        const html = await readFile(join(dir, 'people', file), 'utf8');
        const quoted = [...html.matchAll(/href="\/docs\/articles\/([^/"#]+)\//g)].map((match) => decodeURIComponent(match[1]!));
        if (quoted.some((id) => !own.has(id))) quotedElsewhere.push(file);
      }
    }
    // Their words come from the navigation manifest; the byte-for-byte test below holds them to the whole build's.
    expect(quotedElsewhere.length).toBeGreaterThan(0);
    expect(pages.sort()).toEqual((await filesOf(join(whole.dist, 'people'))).filter((file) => file.includes('/')));
  });

  const sites = [
    ['across CI jobs', () => merged],
    ['on one machine', () => oneMachine!.dist],
  ] as const;

  test.each(sites)(
    '%s: writes every file of the whole build, byte for byte, sitemap and feed included; only the search index is merged',
    async (_, site) => {
      const expected = (await filesOf(whole.dist)).filter((file) => !file.startsWith('pagefind/'));
      const actual = (await filesOf(site())).filter((file) => !file.startsWith('pagefind/'));
      expect(actual).toEqual(expected);
      expect(expected).toEqual(expect.arrayContaining(['sitemap-index.xml', 'sitemap-0.xml', 'rss.xml', 'index.html', '404.html']));
      for (const file of expected) {
        expect((await readFile(join(site(), file))).equals(await readFile(join(whole.dist, file))), file).toBe(true);
      }
    },
  );

  test.each(sites)('%s: the merged search index holds what the whole one does', async (_, site) => {
    const sortValue = (): string => '';
    const [expected, actual] = await Promise.all([
      readIndex(join(whole.dist, 'pagefind'), sortValue),
      readIndex(join(site(), 'pagefind'), sortValue),
    ]);
    expect(actual.orphans).toEqual([]);
    for (const [language, contents] of Object.entries(expected.languages)) {
      const { sorts: _sorts, ...rest } = contents;
      const { sorts: _mergedSorts, ...mergedRest } = actual.languages[language]!;
      expect(mergedRest, language).toEqual(rest);
    }
    expect(Object.keys(actual.languages).sort()).toEqual(Object.keys(expected.languages).sort());
  });

  test('on one machine, each partition rendered in its own process, then was indexed for search on its own', () => {
    const { stdout } = oneMachine!.build;
    expect(stdout).toMatch(`Planned 3 partitions of ${DOCUMENTS_COUNT} documents`);
    const partitionSync = new RegExp(
      `Rendered \\d+ of ${DOCUMENTS_COUNT} entries; 0 unchanged since the last build; \\d+ left to other partitions\\.`,
      'g',
    );
    expect(stdout.match(partitionSync)).toHaveLength(3);
    expect(stdout.match(/^Indexed \d+ pages for search in [\d.]+ s \(\d+ shards?\), left for the merge\.$/gm)).toHaveLength(3);
    expect(stdout).toMatch(/Merged 3 partitions: \d+ pages/);
  });

  test('search answers every query, filter and sort the same in Chromium', async () => {
    const [onMerged, onWhole] = await Promise.all([openPage(browser, servers[1]!), openPage(browser, servers[0]!)]);
    const answer = async (page: Page, query: string) => {
      await search(page, query, new RegExp(`^(\\d+ results?|No results) for ${query}$`));
      return { summary: await summary(page).textContent(), titles: await resultTitles(page) };
    };
    for (const query of ['lighthouse', 'lumen', 'keeper', '등대', '灯塔', 'the', 'nothingmatches']) {
      expect(await answer(onMerged.page, query), query).toEqual(await answer(onWhole.page, query));
    }
    for (const opened of [onMerged, onWhole]) await search(opened.page, 'lighthouse', '5 results for lighthouse');
    for (const filter of ['section', 'year'])
      expect(await filterOptions(onMerged.page, filter)).toEqual(await filterOptions(onWhole.page, filter));
    for (const opened of [onMerged, onWhole]) await chooseFilter(opened.page, 'section', /^News \/ Technology/);
    await expect.poll(() => summary(onMerged.page).textContent(), { timeout: POLL }).toBe('1 result for lighthouse');
    expect(await resultTitles(onMerged.page)).toEqual(await resultTitles(onWhole.page));
    for (const opened of [onMerged, onWhole]) await chooseFilter(opened.page, 'section', /^News \/ Technology/);
    for (const opened of [onMerged, onWhole]) {
      await expect.poll(() => summary(opened.page).textContent(), { timeout: POLL }).toBe('5 results for lighthouse');
    }
    await expect.poll(() => resultTitles(onWhole.page), { timeout: POLL }).toHaveLength(5);
    const byRelevance = await resultTitles(onWhole.page);
    for (const opened of [onMerged, onWhole]) await opened.page.locator('select[data-sort]').selectOption('date');
    // Newest first is not the relevance order here, so the whole site's list changes once sorted; only
    // then is it the answer the merged site must give (read too early, it was the unsorted list).
    await expect.poll(() => resultTitles(onWhole.page), { timeout: POLL }).not.toEqual(byRelevance);
    await expect.poll(() => resultTitles(onMerged.page), { timeout: POLL }).toEqual(await resultTitles(onWhole.page));
    expect([...onMerged.problems, ...onWhole.problems]).toEqual([]);
    await Promise.all([onMerged.page.close(), onWhole.page.close()]);
  });

  test('a merge stops, naming them, when a partition is missing, unfinished, or of another plan', async () => {
    const env = fixtureEnv(documents, out, { basePath: BASE });
    const mergeOf = (dirs: string[]) =>
      runScript('scripts/build-merge.ts', ['--outDir', join(out, 'bad-dist'), ...dirs], env).then(
        () => '',
        (error: { stderr: string; code: number }) => `${error.code}: ${error.stderr.trim()}`,
      );
    const [first, second, third] = parts() as [string, string, string];
    expect(await mergeOf([first, second])).toMatch(/^1: Missing partition 3\/3 of plan \S+; found 1, 2\.$/);

    const foreign = join(out, 'foreign');
    await cp(third, foreign, { recursive: true });
    const stamp = JSON.parse(await readFile(join(foreign, PARTITION_STAMP), 'utf8')) as { planId: string };
    await writeFile(join(foreign, PARTITION_STAMP), JSON.stringify({ ...stamp, planId: 'another-plan' }));
    expect(await mergeOf([first, second, foreign])).toMatch(
      /^1: Partitions of different plans cannot be merged: .*partition 3\/3 of plan another-plan/,
    );

    await rm(join(foreign, PARTITION_STAMP));
    expect(await mergeOf([first, second, foreign])).toMatch(/^1: Not the whole output of a partition .*foreign$/);
    expect(await mergeOf([first, second, second])).toMatch(/^1: Partition 2\/3 of plan \S+ is there twice/);
    // Nothing was published.
    await expect(readdir(join(out, 'bad-dist'))).rejects.toThrow(/ENOENT/);
  });
});
