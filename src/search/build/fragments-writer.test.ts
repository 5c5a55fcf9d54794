import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fragmentsWriter } from './fragments-writer.ts';
import { pagefindBinary } from './pagefind-run.ts';
import { FRAGMENTS_FILE, readBundlePages } from './merge-bundles.ts';

const folder = mkdtempSync(join(tmpdir(), 'fragments-writer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const page = (title: string, section: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>` +
  `<span data-pagefind-filter="section">${section}</span><p>${title} by the lighthouse.</p></main></body></html>`;

test("a shard's fragments file, written in a worker thread or this one, holds each fragment's URL and filters", async () => {
  const site = join(folder, 'site');
  for (const [slug, section] of [
    ['keeper', 'History'],
    ['harbour', 'News'],
  ]) {
    mkdirSync(join(site, slug), { recursive: true });
    writeFileSync(join(site, slug, 'index.html'), page(slug, section!));
  }
  const bundle = join(folder, 'bundle');
  execFileSync(pagefindBinary(), ['--site', site, '--output-path', bundle, '--silent']);
  const writer = fragmentsWriter({ thread: true });
  try {
    await writer.write(bundle);
  } finally {
    await writer.close();
  }
  const written = JSON.parse(readFileSync(join(bundle, FRAGMENTS_FILE), 'utf8')) as Record<string, unknown>;
  rmSync(join(bundle, FRAGMENTS_FILE));
  await fragmentsWriter({ thread: false }).write(bundle);
  expect(readFileSync(join(bundle, FRAGMENTS_FILE), 'utf8')).toBe(JSON.stringify(written));
  const expected = Object.fromEntries((await readBundlePages(bundle)).map(({ id, fragment }) => [id, fragment]));
  expect(written).toEqual(expected);
  expect(Object.values(written)).toEqual(
    expect.arrayContaining([
      { url: '/keeper/', filters: { section: ['History'] } },
      { url: '/harbour/', filters: { section: ['News'] } },
    ]),
  );
});

test('a shard the worker cannot read fails its write, naming the file, and the writer goes on', async () => {
  const writer = fragmentsWriter({ thread: true });
  try {
    await expect(writer.write(join(folder, 'missing'))).rejects.toThrow(/missing/);
    await expect(writer.write(join(folder, 'missing-too'))).rejects.toThrow(/missing-too/);
  } finally {
    await writer.close();
  }
});
