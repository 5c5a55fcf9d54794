import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { confirmPublished, pageFile, withoutBase } from './published-pages.ts';

test('the file of a page is where Astro writes it, from its pathname or from its URL', () => {
  expect(pageFile('/articles/story/')).toBe('articles/story/index.html');
  expect(pageFile('/articles/story')).toBe('articles/story/index.html');
  expect(pageFile('/')).toBe('index.html');
  expect(pageFile('/articles/한글-기사/')).toBe('articles/한글-기사/index.html');
  expect(pageFile('/articles/%ED%95%9C%EA%B8%80-%EA%B8%B0%EC%82%AC/', true)).toBe('articles/한글-기사/index.html');
  expect(pageFile('/tags/100%25-sure/', true)).toBe('tags/100%-sure/index.html');
  expect(pageFile('/tags/100%-sure/')).toBe('tags/100%-sure/index.html');
});

test("a request's pathname loses the site's base path, and only it", () => {
  expect(withoutBase('/docs/articles/x/', '/docs/')).toBe('/articles/x/');
  expect(withoutBase('/docs/articles/x/', '/docs')).toBe('/articles/x/');
  expect(withoutBase('/articles/x/', '/')).toBe('/articles/x/');
  expect(withoutBase('/docsy/x/', '/docs/')).toBe('/docsy/x/');
});

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function cacheWithPending(site: string, pid: number): string {
  const cache = mkdtempSync(join(tmpdir(), 'published-pages-'));
  folders.push(cache);
  mkdirSync(site, { recursive: true });
  writeFileSync(join(cache, 'dossier-published-pages.json'), JSON.stringify({ site, pid, manifest: 'old', pages: ['old/index.html'] }));
  writeFileSync(join(cache, 'dossier-published-pages.pending.json'), JSON.stringify({ site, pid, manifest: 'm', pages: ['a/index.html'] }));
  return cache;
}

test("a build's pages are confirmed as the published site's only by the process that built them, for that site", () => {
  const site = join(mkdtempSync(join(tmpdir(), 'published-site-')), 'dist');
  folders.push(join(site, '..'));
  const mine = cacheWithPending(site, process.pid);
  confirmPublished(mine, site);
  const record = JSON.parse(readFileSync(join(mine, 'dossier-published-pages.json'), 'utf8')) as { pages: string[]; siteInode: string };
  expect(record.pages).toEqual(['a/index.html']);
  expect(record.siteInode).toMatch(/^\d+$/);
  expect(existsSync(join(mine, 'dossier-published-pages.pending.json'))).toBe(false);

  // Another process's pending pages, or another site's: the old record goes, and none takes its place.
  const others = cacheWithPending(site, process.pid + 1);
  confirmPublished(others, site);
  expect(existsSync(join(others, 'dossier-published-pages.json'))).toBe(false);
  const elsewhere = cacheWithPending(site, process.pid);
  confirmPublished(elsewhere, `${site}-other`);
  expect(existsSync(join(elsewhere, 'dossier-published-pages.json'))).toBe(false);
});
