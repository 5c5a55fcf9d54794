import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { childEnv } from './helpers/child-env.ts';
import { readIndex } from './helpers/search-index.ts';
import { listFiles } from './helpers/site-files.ts';

// Rebuilds that go wrong: a build stopped while it renders, and two builds at
// once. Real builds of a small folder, with the real `scripts/build.ts`.
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(import.meta.dirname, '.output', `build-safety.${process.pid}`);
const DOCUMENTS = join(OUT, 'documents');
const DIST = join(OUT, 'dist');
const env = childEnv({
  DOCUMENTS_DIR: DOCUMENTS,
  DOSSIER_ENTRIES_DIR: join(OUT, 'entries'),
  DOSSIER_CACHE_DIR: join(OUT, 'cache'),
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
});
const story = (section: string, title: string, body: string) => `${section}\n${title}\nPublished: Jan 03, 2026 09:00 AM\n\n${body}\n`;

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function startBuild(...args: string[]): Run {
  // Its own process group, so that stopping it stops its workers too.
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', DIST, ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exit };
}

async function until(condition: () => boolean, what: string, timeoutMs = 120_000, intervalMs = 25): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((wait) => setTimeout(wait, intervalMs));
  }
}

async function allHtml(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true })).map(String).filter((file) => file.endsWith('.html'));
  return (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('\n');
}

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(DOCUMENTS, { recursive: true });
  for (const name of ['one', 'two', 'three', 'four']) {
    await writeFile(join(DOCUMENTS, `${name}.txt`), story('NEWS / LOCAL', `Story ${name}`, `Body of story ${name}.`));
  }
  // A file put among the generated entries by hand: refused by name, never deleted, and the rest builds.
  await mkdir(join(OUT, 'entries'), { recursive: true });
  await writeFile(join(OUT, 'entries', 'handmade.mdx'), '---\ntitle: My own page\n---\n\nWritten by hand.\n');
  const first = startBuild();
  expect(await first.exit, first.output()).toBe(0);
  firstOutput = first.output();
});
let firstOutput = '';

test('an entry written by hand among the generated ones is refused with its file and line, and kept', async () => {
  expect(firstOutput).toMatch(/entries\/handmade\.mdx:1: Not an entry the ingest wrote .*content\/pages\/, skipped \[hand-written-entry\]/);
  expect(firstOutput).toMatch(/Rendered 4 of 5 entries; 0 unchanged since the last build; 1 refused\./);
  expect(existsSync(join(OUT, 'entries', 'handmade.mdx'))).toBe(true);
  expect(existsSync(join(DIST, 'articles', 'story-one', 'index.html'))).toBe(true);
});
afterAll(() => rm(OUT, { recursive: true, force: true }));

/** Every file of the published site, by path: a kill must leave it exactly as it was. */
async function siteFiles(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir, '');
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'latin1')] as const)));
}

// A kill while the ingest writes entries, and one while Pagefind indexes the new pages. Each
// time a change is made, the build is stopped, the change is undone, and the next build runs.
describe.each([
  {
    moment: 'ingests',
    // Enough documents that the ingest is still writing when the first new entry appears.
    documents: 400,
    started: () => existsSync(join(OUT, 'entries', 'ghost-story-1.mdx')),
    // Some of its entries were never written.
    inFlight: async () => (await readdir(join(OUT, 'entries'))).filter((name) => name.startsWith('ghost-story')).length < 400,
  },
  {
    moment: 'indexes for search',
    documents: 3,
    started: () => existsSync(join(`${DIST}.building`, '.dossier-search-staging')),
    // Pagefind's staging folder goes when indexing ends: if it is still there, indexing was cut short.
    inFlight: async () => existsSync(join(`${DIST}.building`, '.dossier-search-staging')),
  },
])('a build stopped while it $moment', ({ documents, started, inFlight }) => {
  let before: Map<string, string>;
  let killedInFlight: boolean;
  let afterKill: Map<string, string>;
  let after: Run;

  beforeAll(async () => {
    before = await siteFiles(DIST);
    for (let i = 1; i <= documents; i++) {
      await writeFile(join(DOCUMENTS, `ghost-${i}.txt`), story('GHOSTS / HAUNTED', `Ghost story ${i}`, 'Only for a moment.'));
    }
    const killed = startBuild();
    await until(started, 'the moment to stop the build', 120_000, 5);
    process.kill(-killed.child.pid!, 'SIGKILL');
    await killed.exit;
    killedInFlight = await inFlight();
    afterKill = await siteFiles(DIST);
    for (let i = 1; i <= documents; i++) await rm(join(DOCUMENTS, `ghost-${i}.txt`));
    after = startBuild();
    expect(await after.exit, after.output()).toBe(0);
  });

  test('it was stopped half-way, and the published site stayed whole, file for file', () => {
    expect(killedInFlight).toBe(true);
    expect(afterKill).toEqual(before);
  });

  test('the next build cleans up, and publishes a whole site without the undone documents', async () => {
    expect(existsSync(`${DIST}.building`)).toBe(false);
    const html = await allHtml(DIST);
    expect(html).toContain('Story one');
    expect(html).not.toMatch(/Ghost story|Ghosts|ghost-story/);
    expect(existsSync(join(DIST, 'sections', 'ghosts'))).toBe(false);
    expect(await readdir(join(OUT, 'entries'))).not.toContainEqual(expect.stringMatching(/^ghost/));
    const index = await readIndex(join(DIST, 'pagefind'), () => '');
    const indexed = Object.values(index.languages).flatMap((language) => Object.keys(language.pages));
    const articles = indexed.filter((url) => url.startsWith('/articles/')).sort();
    expect(articles).toEqual((await readdir(join(DIST, 'articles'))).map((slug) => `/articles/${slug}/`).sort());
    expect(index.orphans).toEqual([]);
  });
});

describe('a build stopped while it renders', () => {
  let before: string;
  let killed: Run;
  let after: Run;

  beforeAll(async () => {
    before = await readFile(join(DIST, 'index.html'), 'utf8');
    // A document with a new section, then a build stopped once it has written pages.
    await writeFile(join(DOCUMENTS, 'ghost.txt'), story('GHOSTS / HAUNTED', 'Ghost story', 'Only for a moment.'));
    killed = startBuild();
    const staging = `${DIST}.building`;
    await until(() => existsSync(join(staging, 'articles', 'ghost-story', 'index.html')), 'the killed build to write a page');
    process.kill(-killed.child.pid!, 'SIGKILL');
    await killed.exit;
    // The change is undone, and the next build runs.
    await rm(join(DOCUMENTS, 'ghost.txt'));
    after = startBuild();
    expect(await after.exit, after.output()).toBe(0);
  });

  test('it was stopped in the middle: its new pages were written, its site never published', () => {
    expect(killed.output()).not.toMatch(/Built \d+ documents/);
  });

  test('the next build cleans up after it and says so', () => {
    expect(after.output()).toMatch(/Took over the build lock of process \d+, which is gone/);
    expect(after.output()).toMatch(/Removed .*dist\.building, the unfinished output of a build that stopped/);
    expect(after.output()).toContain('Rendering every page again: the page cache of a stopped build cannot be trusted.');
    expect(existsSync(`${DIST}.building`)).toBe(false);
  });

  test('no page mentions the undone document or its section', async () => {
    const html = await allHtml(DIST);
    expect(html).toContain('Story one');
    expect(html).not.toMatch(/Ghost story|Ghosts|ghost-story/);
    expect(existsSync(join(DIST, 'sections', 'ghosts'))).toBe(false);
  });

  test('the site is whole: its home page as before, and its search index', async () => {
    expect(await readFile(join(DIST, 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});

describe('two builds at once', () => {
  test('a second build that will not wait fails with one line; the first completes', async () => {
    await writeFile(join(DOCUMENTS, 'five.txt'), story('NEWS / LOCAL', 'Story five', 'Body of story five.'));
    const first = startBuild();
    await until(() => existsSync(join(OUT, 'cache', '.dossier-build.lock')), 'the first build to take the lock');
    const second = startBuild('--no-wait');
    expect(await second.exit).toBe(1);
    expect(second.output().trim()).toMatch(/^Another build is running in this folder \(process \d+, started [^)]+\)\. /);
    expect(await first.exit, first.output()).toBe(0);
    expect(await allHtml(DIST)).toContain('Story five');
  });

  test('a second build that waits runs after the first, and the site holds both changes', async () => {
    await writeFile(join(DOCUMENTS, 'six.txt'), story('NEWS / LOCAL', 'Story six', 'Body of story six.'));
    const first = startBuild();
    await until(() => existsSync(join(OUT, 'cache', '.dossier-build.lock')), 'the first build to take the lock');
    await writeFile(join(DOCUMENTS, 'seven.txt'), story('NEWS / LOCAL', 'Story seven', 'Body of story seven.'));
    const second = startBuild();
    await until(() => second.output().includes('Waiting for the build of process'), 'the second build to wait');
    expect(await first.exit, first.output()).toBe(0);
    expect(await second.exit, second.output()).toBe(0);
    const html = await allHtml(DIST);
    expect(html).toContain('Story six');
    expect(html).toContain('Story seven');
    // Every article is in the search index, and the index names no file it lacks.
    const index = await readIndex(join(DIST, 'pagefind'), () => '');
    const indexed = Object.values(index.languages).flatMap((language) => Object.keys(language.pages));
    for (const slug of await readdir(join(DIST, 'articles'))) expect(indexed).toContain(`/articles/${slug}/`);
    expect(index.orphans).toEqual([]);
  });
});

describe('a rebuild after a document is removed', () => {
  let rebuild: Run;
  beforeAll(async () => {
    await rm(join(DOCUMENTS, 'four.txt'));
    rebuild = startBuild();
    expect(await rebuild.exit, rebuild.output()).toBe(0);
  });

  test('the pages linked from the published site leave out its page, and nothing lists it', async () => {
    expect(rebuild.output()).toMatch(/Linked \d+ pages of the published site into the new one/);
    expect(existsSync(join(DIST, 'articles', 'story-four'))).toBe(false);
    expect(existsSync(join(DIST, 'articles', 'story-one', 'index.html'))).toBe(true);
    expect(await allHtml(DIST)).not.toContain('Story four');
  });
});
