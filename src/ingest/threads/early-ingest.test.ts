import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startIngest, takeStartedIngest } from './early-ingest.ts';
import type { DossierMessage } from '../message.ts';

let root: string;
let documents: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-early-'));
  documents = join(root, 'documents');
  await mkdir(documents);
  await writeFile(join(documents, 'one.txt'), 'NEWS / LOCAL\nFirst story\nPublished: Jan 08, 2026 08:28 PM\n\nBody.\n');
  await writeFile(join(documents, 'two.txt'), 'NEWS / LOCAL\nSecond story\nPublished: sometime\n\nBody.\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

const entryNames = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();

describe('an ingest started before Astro loads', () => {
  test('is taken over by a build with the same options, which hears every diagnostic, even those found before', async () => {
    const options = { documentsDir: documents, entriesDir: join(root, 'entries'), defaultLanguage: 'en' };
    startIngest(options);
    // Taken over only once it has written its entries: its diagnostics were all found before.
    await expect.poll(() => entryNames(options.entriesDir), { timeout: 10_000, interval: 50 }).toHaveLength(2);
    const heard: DossierMessage[] = [];
    const taken = await takeStartedIngest({ ...options }, { onMessage: (message) => heard.push(message) });
    const summary = await taken!.summary;
    expect(summary).toMatchObject({ documents: 2, written: 2, warnings: 1 });
    expect(heard.map((message) => `${message.file}:${message.line} ${message.ruleId}`)).toEqual(['two.txt:3 unparsed-date']);
    expect(summary.messages).toEqual(heard);
    expect(await takeStartedIngest(options, {})).toBeUndefined();
  });

  test('with other options is left to finish first, so that two ingests never write at once', async () => {
    const started = { documentsDir: documents, entriesDir: join(root, 'first'), defaultLanguage: 'en' };
    startIngest(started);
    expect(await takeStartedIngest({ ...started, entriesDir: join(root, 'second') }, {})).toBeUndefined();
    expect(await entryNames(join(root, 'first'))).toEqual(['first-story.mdx', 'second-story.mdx']);
  });

  test('reports a failure to the build that takes it over', async () => {
    const options = { documentsDir: documents, entriesDir: join(documents, 'one.txt', 'entries'), defaultLanguage: 'en' };
    startIngest(options);
    const taken = await takeStartedIngest(options, {});
    await expect(taken!.summary).rejects.toThrow();
  });
});
