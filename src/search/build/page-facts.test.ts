import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { indexablePages } from './index-site.ts';
import { pageFactsCache } from './page-facts.ts';

let site: string;
let factsFile: string;
const page = (lang: string, text: string) =>
  `<!DOCTYPE html><html lang="${lang}"><body><main data-pagefind-body>${text}</main></body></html>`;
// A time well before the facts are taken: such stamps are trusted (file-stamp.ts, stampPredates).
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

function writePage(path: string, html: string, time = LONG_AGO): void {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), html);
  utimesSync(join(site, path), time, time);
}

const index = (version = 'v1') => {
  const facts = pageFactsCache(factsFile, version);
  return indexablePages(site, { digests: true, facts }).finally(() => facts.save());
};

beforeEach(() => {
  const folder = mkdtempSync(join(tmpdir(), 'page-facts-'));
  site = join(folder, 'site');
  factsFile = join(folder, 'facts.json');
  writePage('a/index.html', page('en', 'Alpha'));
  writePage('b/index.html', page('en', 'Bravo'));
});
afterEach(() => rmSync(join(site, '..'), { recursive: true, force: true }));

test('a page whose file keeps its stamp is not read again; one whose stamp changed is', async () => {
  const first = await index();
  // Same size, same inode, same time: bytes the cache cannot see. Git's index would not either.
  writePage('a/index.html', page('ko', 'Alpha'));
  // Other bytes, another size.
  writePage('b/index.html', page('ko', 'Bravo, longer'));
  const second = await index();
  const language = (result: typeof first, path: string) => result.pages.find((item) => item.path === path)?.language;
  expect(language(first, 'a/index.html')).toBe('en');
  expect(language(second, 'a/index.html')).toBe('en');
  expect(language(second, 'b/index.html')).toBe('ko');
  expect(second.digests.get('a/index.html')).toBe(first.digests.get('a/index.html'));
  expect(second.digests.get('b/index.html')).not.toBe(first.digests.get('b/index.html'));
});

test('a page written moments before its facts were taken is read again, however unchanged its stamp', async () => {
  const now = new Date();
  writePage('a/index.html', page('en', 'Alpha'), now);
  await index();
  writePage('a/index.html', page('ko', 'Alpha'), now);
  expect((await index()).pages.find((item) => item.path === 'a/index.html')?.language).toBe('ko');
});

test('the facts of another version of the code are not used, nor those of pages gone from the site', async () => {
  await index('v1');
  writePage('a/index.html', page('ko', 'Alpha'));
  expect((await index('v2')).pages.find((item) => item.path === 'a/index.html')?.language).toBe('ko');
  rmSync(join(site, 'b'), { recursive: true });
  expect((await index('v2')).pages.map((item) => item.path)).toEqual(['a/index.html']);
});
