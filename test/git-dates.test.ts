import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { select } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';
import { readPage } from './helpers/html.ts';

// A documents folder that is a git repository of its own, with commits at
// known dates, built twice: from the repository, and from a shallow clone.
const run = promisify(execFile);
let root: string;
let site: BuiltSite;
let shallow: BuiltSite;
const EDIT_URL = 'https://github.com/example/archive/edit/main/';

async function commit(repo: string, message: string, date: string): Promise<void> {
  await run('git', ['add', '-A'], { cwd: repo });
  await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', message], {
    cwd: repo,
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-git-site-'));
  const repo = join(root, 'documents');
  await mkdir(join(repo, 'news'), { recursive: true });
  await run('git', ['init', '-q', repo]);
  await writeFile(join(repo, 'news/harbour fees.txt'), 'Harbour fees rise\n\nThe harbour trust raised its fees.\n');
  await writeFile(join(repo, 'news/bridge.txt'), 'Bridge reopens\nUpdated: Jun 1, 2025\n\nThe bridge reopened.\n');
  await writeFile(join(repo, 'news/old.txt'), 'An old note\n\nUnchanged since the start.\n');
  await commit(repo, 'first', '2025-01-02T10:00:00+02:00');
  await writeFile(join(repo, 'news/harbour fees.txt'), 'Harbour fees rise\n\nThe harbour trust raised its fees, again.\n');
  await commit(repo, 'second', '2025-03-04T05:06:07+00:00');
  await run('git', ['clone', '-q', '--depth', '1', `file://${repo}`, join(root, 'shallow')]);
  [site, shallow] = await Promise.all([
    buildSite(repo, 'git-site', { env: { EDIT_URL } }),
    buildSite(join(root, 'shallow'), 'git-site-shallow'),
  ]);
}, 300_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await Promise.all([site, shallow].map((built) => built && rm(built.out, { recursive: true, force: true })));
});

const graph = (page: Root) =>
  (JSON.parse(toString(select('script[type="application/ld+json"]', page)!)) as { '@graph': Record<string, unknown>[] })['@graph'];
const text = (page: Root, selector: string) =>
  toString(select(selector, page) ?? { type: 'root', children: [] })
    .replace(/\s+/g, ' ')
    .trim();

describe('last updated, from git', () => {
  test("each article shows its document's last commit, in its JSON-LD dateModified and the sitemap's lastmod", async () => {
    const page = await readPage(site.dist, 'articles/harbour-fees-rise/');
    expect(select('.page-meta time', page)?.properties.dateTime).toBe('2025-03-04T05:06:07');
    expect(text(page, '.page-meta')).toContain('Last updated Mar 4, 2025, 5:06 AM');
    expect(graph(page)[0]).toMatchObject({ dateModified: '2025-03-04T05:06:07' });
    const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/articles/harbour-fees-rise/</loc><lastmod>2025-03-04T00:00:00.000Z</lastmod>');
    expect(sitemap).toContain('<loc>https://example.org/articles/an-old-note/</loc><lastmod>2025-01-02T00:00:00.000Z</lastmod>');
  });

  test("a document's own Updated: line wins over git", async () => {
    const page = await readPage(site.dist, 'articles/bridge-reopens/');
    expect(select('.page-meta time', page)?.properties.dateTime).toBe('2025-06-01');
  });

  test('a shallow clone warns once, and still dates what its history holds', async () => {
    const warnings = `${shallow.build.stdout}\n${shallow.build.stderr}`.match(/shallow clone/g) ?? [];
    expect(warnings).toHaveLength(1);
    const page = await readPage(shallow.dist, 'articles/harbour-fees-rise/');
    expect(select('.page-meta time', page)?.properties.dateTime).toBe('2025-03-04T05:06:07');
  });
});

describe('edit links', () => {
  test('EDIT_URL gives each article a link to its document, its path encoded', async () => {
    const page = await readPage(site.dist, 'articles/harbour-fees-rise/');
    const link = select('.page-meta a', page)!;
    expect(toString(link).trim()).toBe('Edit this document');
    expect(link.properties.href).toBe(`${EDIT_URL}news/harbour%20fees.txt`);
  });

  test('without one, no link', async () => {
    const page = await readPage(shallow.dist, 'articles/harbour-fees-rise/');
    expect(select('.page-meta a', page)).toBeUndefined();
  });
});
