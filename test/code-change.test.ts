import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { childEnv } from './helpers/child-env.ts';

// Caches follow the code: a rebuild after a change to the renderer, or to a library's version in
// the lockfile, renders the pages again; an untouched rebuild renders nothing. The project is
// copied into a temporary folder (its node_modules linked), so that its code can be edited.
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(import.meta.dirname, '.output', `code-change.${process.pid}`);
const PROJECT = join(OUT, 'project');
const DOCUMENTS = join(OUT, 'documents');
const run = promisify(execFile);

async function build(): Promise<string> {
  const env = childEnv({
    DOCUMENTS_DIR: DOCUMENTS,
    // Not the default below node_modules, which is the real project's, linked.
    DOSSIER_CACHE_DIR: join(PROJECT, '.cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  });
  const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts'], { cwd: PROJECT, env, maxBuffer: 64 * 1024 * 1024 });
  return stdout + stderr;
}

const page = (slug: string) => readFile(join(PROJECT, 'dist', 'articles', slug, 'index.html'), 'utf8');
// A page Astro skips is "(restored)" from its cache, or "(cached)" when it found it linked from the published site.
const articlePages = (log: string) => [...log.matchAll(/\/articles\/([^/]+)\/index\.html( \((?:restored|cached)\))?/g)];
const restored = (log: string) => articlePages(log).filter((match) => match[2]).length;

/** Replaces one exact text in a file of the copied project, failing if it is not there. */
async function edit(file: string, from: string, to: string): Promise<void> {
  const path = join(PROJECT, file);
  const text = await readFile(path, 'utf8');
  expect(text, `${file} no longer holds ${from}`).toContain(from);
  await writeFile(path, text.replace(from, to));
}

const logs: Record<'first' | 'untouched' | 'renderer' | 'lockfile', string> = { first: '', untouched: '', renderer: '', lockfile: '' };

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(PROJECT, { recursive: true });
  for (const item of [
    'package.json',
    'package-lock.json',
    'astro.config.mjs',
    'dossier.config.ts',
    'tsconfig.json',
    'src',
    'scripts',
    'public',
  ]) {
    await cp(join(ROOT, item), join(PROJECT, item), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
  }
  await cp(join(ROOT, 'content', 'pages'), join(PROJECT, 'content', 'pages'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(PROJECT, 'node_modules'), 'dir');
  await mkdir(DOCUMENTS);
  const story = (title: string, body: string) => `NEWS / LOCAL\n${title}\nPublished: Jan 03, 2026 09:00 AM\n\n${body}\n`;
  await writeFile(join(DOCUMENTS, 'a.txt'), story('Alpha story', '"We will rebuild," said Jane Doe, the mayor.'));
  await writeFile(join(DOCUMENTS, 'b.txt'), story('Bravo story', 'Nothing was said.'));

  logs.first = await build();
  logs.untouched = await build();
  // A class added to the quotations' markup, as a fix to the renderer would change it.
  await edit('src/content/rehype-quotations.ts', "className: ['quote']", "className: ['quote', 'quote-v2']");
  logs.renderer = await build();
  // A library's version moves in the lockfile, and nothing else.
  await edit(
    'package-lock.json',
    '"node_modules/hast-util-to-html": {\n      "version": "9.0.6"',
    '"node_modules/hast-util-to-html": {\n      "version": "9.0.7"',
  );
  logs.lockfile = await build();
}, 300_000);

afterAll(() => rm(OUT, { recursive: true, force: true }));

describe('a rebuild with no change', () => {
  test('renders no entry, restores every article page, and reuses the search index', () => {
    expect(logs.untouched).toContain('Rendered 0 of 2 entries; 2 unchanged since the last build.');
    expect(articlePages(logs.untouched)).toHaveLength(2);
    expect(restored(logs.untouched)).toBe(2);
    expect(logs.untouched).toMatch(/Indexed \d+ pages for search in [\d.]+ s \(unchanged\)/);
  });
});

describe('a rebuild after the renderer changed', () => {
  test('renders every entry and page again, and the pages show the change', async () => {
    expect(logs.renderer).toContain('Rendered 2 of 2 entries; 0 unchanged since the last build.');
    expect(restored(logs.renderer)).toBe(0);
    expect(await page('alpha-story')).toMatch(/class="quote quote-v2"/);
    expect(logs.renderer).not.toMatch(/Indexed \d+ pages for search in [\d.]+ s \(unchanged\)/);
  });
});

describe('a rebuild after a library version changed in the lockfile', () => {
  test('renders every entry and page again, and indexes the pages again', () => {
    expect(logs.lockfile).toContain('Rendered 2 of 2 entries; 0 unchanged since the last build.');
    expect(articlePages(logs.lockfile)).toHaveLength(2);
    expect(restored(logs.lockfile)).toBe(0);
    expect(logs.lockfile).not.toMatch(/Indexed \d+ pages for search in [\d.]+ s \(unchanged\)/);
  });
});
