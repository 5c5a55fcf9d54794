import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';
import { listFiles } from './helpers/site-files.ts';

const DOCUMENTS = join(import.meta.dirname, '.output', `incremental-documents.${process.pid}`);
const story = (title: string, date: string, body: string) => `NEWS / LOCAL\n${title}\nPublished: ${date}\n\n${body}\n`;
let first: BuiltSite;
let second: BuiltSite;
const page = (site: BuiltSite, slug: string) => readFile(join(site.dist, 'articles', slug, 'index.html'), 'utf8');
let full: BuiltSite;
// The search index in shards of at most two pages: [about], [alpha], [bravo], [charlie], [yankee],
// [zulu]. The rebuild reuses [about], [yankee] and [zulu]; [alpha] keeps its page's path, not its bytes.
const SHARDS = { DOSSIER_SEARCH_SHARD_PAGES: '2' };
// The first build indexes what it can while its pages render, whatever the machine; the full
// build does what the machine's cores call for (src/integrations/pagefind.ts, earlyWork).
const EARLY = { ...SHARDS, DOSSIER_EARLY_INDEX: '1' };
// John Roe is quoted in the story whose title changes, Jane Doe in one that stays as it was.
const BRAVO_BODY = 'Bravo body.\n\n"The title may change," said John Roe, the editor.';

const PUBLISHED_FILES = { 'articles/alpha-story/index.html': 'alpha.kept', 'sections/news/local/index.html': 'section.kept' };
const publishedBefore: Record<string, string> = {};

beforeAll(async () => {
  await mkdir(DOCUMENTS, { recursive: true });
  await writeFile(join(DOCUMENTS, 'a.txt'), story('Alpha story', 'Jan 03, 2026 09:00 AM', 'Alpha body.'));
  await writeFile(join(DOCUMENTS, 'b.txt'), story('Bravo story', 'Jan 02, 2026 09:00 AM', BRAVO_BODY));
  await writeFile(join(DOCUMENTS, 'c.txt'), story('Charlie story', 'Jan 01, 2026 09:00 AM', 'Charlie body.'));
  await writeFile(
    join(DOCUMENTS, 'y.txt'),
    'OTHER / DESK\nYankee story\nPublished: Jan 05, 2026 09:00 AM\n\n"Nothing here will change," said Jane Doe, the mayor.\n',
  );
  await writeFile(join(DOCUMENTS, 'z.txt'), 'OTHER / DESK\nZulu story\nPublished: Jan 04, 2026 09:00 AM\n\nZulu body.\n');
  // Under a base path, as a project site is: the pages Astro renders again are found by their URLs.
  first = await buildSite(DOCUMENTS, 'incremental', { env: EARLY, basePath: '/docs/' });

  // The published files of two pages the rebuild renders again, held by links of our own: the
  // rebuild links them into its output, and must write new files rather than into these.
  for (const [file, keep] of Object.entries(PUBLISHED_FILES)) {
    await link(join(first.dist, file), join(first.out, keep));
    publishedBefore[file] = await readFile(join(first.out, keep), 'utf8');
  }

  // Two bodies edited, one title renamed: the rebuild must show them wherever they appear.
  await writeFile(join(DOCUMENTS, 'a.txt'), story('Alpha story', 'Jan 03, 2026 09:00 AM', 'Alpha body, edited.'));
  await writeFile(join(DOCUMENTS, 'c.txt'), story('Charlie story', 'Jan 01, 2026 09:00 AM', 'Charlie body, edited.'));
  await writeFile(join(DOCUMENTS, 'b.txt'), story('Bravo story renamed', 'Jan 02, 2026 09:00 AM', BRAVO_BODY));
  second = await buildSite(DOCUMENTS, 'incremental', { rebuild: true, env: SHARDS, basePath: '/docs/' });
  full = await buildSite(DOCUMENTS, 'incremental-full', { env: SHARDS, basePath: '/docs/' });
});

afterAll(async () => {
  await rm(DOCUMENTS, { recursive: true, force: true });
  await rm(first.out, { recursive: true, force: true });
  await rm(full.out, { recursive: true, force: true });
});

// Astro says "(cached)" of a page it skips because it found it in its output folder: linked there
// from the published site (src/integrations/published-pages.ts), not copied ("(restored)").
test('a rebuild takes unchanged article pages from the published site, linked, instead of rendering them', () => {
  expect(first.build.stdout).not.toMatch(/Linked \d+ pages/);
  expect(second.build.stdout).toMatch(/Linked \d+ pages of the published site into the new one/);
  expect(second.build.stdout).toMatch(/\/articles\/zulu-story\/index\.html \(cached\)/);
  expect(second.build.stdout).not.toMatch(/\/articles\/alpha-story\/index\.html \((restored|cached)\)/);
  expect(second.build.stdout).not.toMatch(/\/articles\/charlie-story\/index\.html \((restored|cached)\)/);
});

// The pages read the content layer's data store from its file when they render
// (src/integrations/data-store-file.ts): the edits this file checks come through it.
test("a build's pages read the data store from that build's cache, not from a copy bundled with the code", () => {
  for (const site of [first, second]) {
    const file = join(site.out, 'cache', 'data-store.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(site.build.stdout).toMatch(new RegExp(`The data store is read from ${file} \\([\\d.]+ MB\\) as pages render, not bundled`));
  }
});

test('the published files of the pages a rebuild renders again are never written: the rebuild writes new ones', async () => {
  for (const [file, keep] of Object.entries(PUBLISHED_FILES)) {
    expect(await readFile(join(first.out, keep), 'utf8'), file).toBe(publishedBefore[file]);
    expect(await readFile(join(second.dist, file), 'utf8'), file).not.toBe(publishedBefore[file]);
  }
  expect(publishedBefore['articles/alpha-story/index.html']).not.toContain('Alpha body, edited.');
});

test('a list page is restored when what it lists is unchanged, and rendered again when a document it lists changes', () => {
  expect(second.build.stdout).toMatch(/\/sections\/other\/desk\/index\.html \(cached\)/);
  expect(second.build.stdout).toMatch(/\/sections\/news\/local\/index\.html/);
  expect(second.build.stdout).not.toMatch(/\/sections\/news\/local\/index\.html \((restored|cached)\)/);
});

test('an edited body shows on its page', async () => {
  expect(await page(second, 'charlie-story')).toContain('Charlie body, edited.');
});

test('a renamed neighbour shows in the sidebar and links of the pages around it', async () => {
  for (const slug of ['alpha-story', 'charlie-story']) {
    const html = await page(second, slug);
    expect(html).toContain('Bravo story renamed');
    expect(html).not.toMatch(/>\s*Bravo story\s*</);
  }
});

test("a person's page is restored when what it lists is unchanged, and rendered again when a document it lists is renamed", () => {
  expect(second.build.stdout).toMatch(/\/people\/jane-doe\/index\.html \(cached\)/);
  expect(second.build.stdout).toMatch(/\/people\/john-roe\/index\.html/);
  expect(second.build.stdout).not.toMatch(/\/people\/john-roe\/index\.html \((restored|cached)\)/);
});

test('every page of the rebuild is byte for byte what a full build makes', async () => {
  const pages = (site: BuiltSite) => listFiles(site.dist, '.html');
  const rebuilt = await pages(second);
  expect(rebuilt).toEqual(await pages(full));
  expect(rebuilt).toContain('people/john-roe/index.html');
  for (const file of rebuilt) {
    expect(await readFile(join(second.dist, file), 'utf8'), file).toBe(await readFile(join(full.dist, file), 'utf8'));
  }
});

test('a first build reads every page for search as it renders; a rebuild does not', async () => {
  const pages = (await listFiles(first.dist, '.html')).filter((file) => file.endsWith('index.html'));
  expect(first.build.stdout).toMatch(
    new RegExp(`Read ${pages.length} pages( and indexed \\d+ shards of them)? while the pages rendered\\.`),
  );
  expect(full.build.stdout).toMatch(
    new RegExp(`Read ${pages.length} pages( and indexed \\d+ shards of them)? while the pages rendered\\.`),
  );
  expect(second.build.stdout).not.toMatch(/while the pages rendered/);
});

test('a rebuild indexes for search only the shards whose pages changed, and writes the index a full build writes', async () => {
  expect(second.build.stdout).toMatch(/Indexed the shards, \d at a time; 3 unchanged since the last build/);
  const files = async (site: BuiltSite) =>
    (await readdir(join(site.dist, 'pagefind'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(site.dist.length))
      .sort();
  const rebuilt = await files(second);
  expect(rebuilt).toEqual(await files(full));
  // What the merge keeps beside each shard stays out of the bundle.
  expect(rebuilt.filter((file) => file.includes('dossier-fragments'))).toEqual([]);
  expect(rebuilt).toContain('/pagefind/dossier-date-order.json');
  for (const file of rebuilt) expect(await readFile(join(second.dist, file)), file).toEqual(await readFile(join(full.dist, file)));
});
