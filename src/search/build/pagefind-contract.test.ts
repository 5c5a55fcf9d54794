import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pagefindBinary } from './pagefind-run.ts';
import {
  checkPagefindVersion,
  encodeFilter,
  encodeMeta,
  PAGEFIND_FORMAT_VERSION,
  pagefindPayload,
  readFilter,
  readFragment,
  readMeta,
  readWordChunk,
} from './pagefind-format.ts';
import { pagefindVersion } from './shard-cache.ts';

// The contract with Pagefind's private index format: the installed Pagefind
// indexes a small real site, and every file of its bundle reads, and the
// metadata and filters encode back to the same bytes.
let site: string;
let bundle: string;
beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'dossier-pagefind-contract-'));
  const page = (title: string, body: string, filter: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body>` +
    `<h1 data-pagefind-meta="title">${title}</h1><p data-pagefind-filter="section">${filter}</p><p>${body}</p></main></body></html>`;
  for (const [slug, title, body, filter] of [
    ['harbour', 'Harbour freight rebounds', 'Container traffic rose in February, the busiest in a decade.', 'Economy'],
    ['library', 'Library opens late', 'The library will stay open until nine in the evening.', 'Culture'],
    ['ferry', 'Ferry fares rise', 'Fuel costs have doubled since the autumn, the operator said.', 'Economy'],
  ]) {
    await mkdir(join(site, slug), { recursive: true });
    await writeFile(join(site, slug, 'index.html'), page(title!, body!, filter!));
  }
  execFileSync(pagefindBinary(), ['--site', site], { cwd: site, stdio: 'ignore' });
  bundle = join(site, 'pagefind');
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe('the installed Pagefind and the format Dossier merges', () => {
  test('the installed Pagefind is the version the format was written for', async () => {
    expect(pagefindVersion(pagefindBinary())).toBe(PAGEFIND_FORMAT_VERSION);
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { version: string };
    expect(entry.version).toBe(PAGEFIND_FORMAT_VERSION);
  });

  test('metadata and filter files encode back to the bytes Pagefind wrote', async () => {
    const files = await readdir(bundle, { recursive: true });
    const metas = files.filter((file) => String(file).endsWith('.pf_meta'));
    const filters = files.filter((file) => String(file).endsWith('.pf_filter'));
    expect(metas.length).toBeGreaterThan(0);
    expect(filters.length).toBeGreaterThan(0);
    for (const file of metas) {
      const payload = pagefindPayload(await readFile(join(bundle, String(file))));
      expect(encodeMeta(readMeta(payload)).equals(payload), String(file)).toBe(true);
    }
    for (const file of filters) {
      const payload = pagefindPayload(await readFile(join(bundle, String(file))));
      expect(encodeFilter(readFilter(payload)).equals(payload), String(file)).toBe(true);
    }
  });

  test('every fragment and word chunk reads, and the words of the pages are in them', async () => {
    const files = (await readdir(bundle, { recursive: true })).map(String);
    const urls = [];
    for (const file of files.filter((name) => name.endsWith('.pf_fragment'))) {
      urls.push(readFragment(pagefindPayload(await readFile(join(bundle, file)))).url);
    }
    expect(urls.sort()).toEqual(['/ferry/', '/harbour/', '/library/']);
    const words = [];
    for (const file of files.filter((name) => name.endsWith('.pf_index'))) {
      words.push(...readWordChunk(pagefindPayload(await readFile(join(bundle, file)))).map((entry) => entry.word));
    }
    expect(words).toEqual(expect.arrayContaining(['harbour', 'librari', 'ferri', 'fuel']));
  });

  test('another Pagefind version stops the merge with a message naming both and the fix', () => {
    expect(() => checkPagefindVersion('1.7.0', 'the binary at /opt/pagefind')).toThrow(
      "Dossier merges search indexes in Pagefind 1.6.0's format, but the binary at /opt/pagefind is Pagefind 1.7.0. Install the pinned version (`npm ci`), or unset PAGEFIND_BINARY_PATH.",
    );
  });

  test('a binary outside the package (PAGEFIND_BINARY_PATH) is asked its version', async () => {
    const fake = join(site, 'fake-pagefind');
    await writeFile(fake, '#!/bin/sh\necho "pagefind 1.7.0"\n', { mode: 0o755 });
    expect(pagefindVersion(fake)).toBe('1.7.0');
    expect(() => checkPagefindVersion(pagefindVersion(fake), `the binary at ${fake}`)).toThrow(/is Pagefind 1\.7\.0/);
  });

  test('a field the format does not have is an error, not dropped', async () => {
    const files = (await readdir(bundle, { recursive: true })).map(String);
    const fragment = pagefindPayload(
      await readFile(
        join(
          bundle,
          files.find((name) => name.endsWith('.pf_fragment'))!,
        ),
      ),
    );
    const withMore = Buffer.from(JSON.stringify({ ...JSON.parse(fragment.toString('utf8')), ranking: 2 }));
    expect(() => readFragment(withMore)).toThrow(/fields Pagefind 1\.6\.0 does not \(ranking\)/);
  });
});
