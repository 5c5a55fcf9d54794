import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { EntryFrontmatter } from './entry-schema.ts';
import type { EntryIndex } from './entry-index.ts';
import { NAVIGATION_FILE, readNavigationManifest, writeNavigationManifest } from './navigation-manifest.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-navigation-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function frontmatter(title: string, overrides: Partial<EntryFrontmatter> = {}): EntryFrontmatter {
  return {
    generator: 'dossier',
    slug: title.toLowerCase(),
    title,
    section: ['News', 'Council'],
    published: '2025-03-03T09:15:00',
    byline: 'Jane Doe',
    summary: `What ${title} says first.`,
    language: 'en',
    wordCount: 120,
    readingTime: 1,
    quotations: [
      { text: 'We found the money', speaker: 'Mara Osei', role: 'council leader', paragraph: 0 },
      { text: 'and kept the libraries', continued: true, paragraph: 1 },
    ],
    source: `${title}.txt`,
    tags: ['budget'],
    ...overrides,
  };
}

/** Writes the entries as the ingest does, and the index it writes beside them. */
async function writeEntries(entries: Record<string, string>): Promise<EntryIndex> {
  const index: EntryIndex = {};
  for (const [id, text] of Object.entries(entries)) {
    await writeFile(join(dir, `${id}.mdx`), text);
    index[id] = [['News'], Buffer.byteLength(text), createHash('sha256').update(text).digest('hex')];
  }
  return index;
}

const entry = (data: EntryFrontmatter | Record<string, unknown>): string =>
  `---\n${stringify(data)}---\n\nThe body, which navigation never holds.\n`;

describe('the navigation manifest', () => {
  test('holds what navigation shows of each entry, in id order, and none of its body or other fields', async () => {
    const index = await writeEntries({ zeta: entry(frontmatter('Zeta')), alpha: entry(frontmatter('Alpha', { order: 2, draft: true })) });
    const summary = await writeNavigationManifest(dir, index);
    expect(summary).toMatchObject({ entries: 2, read: 2, refused: 0 });
    const text = await readFile(join(dir, NAVIGATION_FILE), 'utf8');
    expect(summary.bytes).toBe(Buffer.byteLength(text));
    expect(text).not.toContain('body');
    const lines = await readNavigationManifest(dir, () => true);
    expect(lines.map((line) => line.id)).toEqual(['alpha', 'zeta']);
    expect(lines[0]!.data).toEqual({
      title: 'Alpha',
      section: ['News', 'Council'],
      published: '2025-03-03T09:15:00',
      language: 'en',
      order: 2,
      tags: ['budget'],
      summary: 'What Alpha says first.',
      draft: true,
      quotations: frontmatter('Alpha').quotations,
    });
    expect(lines[0]!.hash).toBe(index.alpha![2]);
  });

  test('reads again only the entries whose hash changed, and drops the removed ones', async () => {
    const index = await writeEntries({ a: entry(frontmatter('A')), b: entry(frontmatter('B')), c: entry(frontmatter('C')) });
    await writeNavigationManifest(dir, index);
    const next = await writeEntries({ b: entry(frontmatter('B, corrected')), d: entry(frontmatter('D')) });
    const { a: _removed, ...kept } = index;
    const summary = await writeNavigationManifest(dir, { ...kept, ...next });
    expect(summary).toMatchObject({ entries: 3, read: 2 });
    const lines = await readNavigationManifest(dir, () => true);
    expect(lines.map((line) => [line.id, line.data.title])).toEqual([
      ['b', 'B, corrected'],
      ['c', 'C'],
      ['d', 'D'],
    ]);
  });

  test('leaves out entries with no frontmatter or frontmatter the schema refuses, as the loader does', async () => {
    const index = await writeEntries({
      good: entry(frontmatter('Good')),
      bare: 'No frontmatter at all.\n',
      wrong: entry({ ...frontmatter('Wrong'), readingTime: 0 }),
    });
    expect(await writeNavigationManifest(dir, index)).toMatchObject({ entries: 1, read: 3, refused: 2 });
    expect((await readNavigationManifest(dir, () => true)).map((line) => line.id)).toEqual(['good']);
  });

  test('a partition reads the entries it asks for, with only the quotations words it asks for', async () => {
    await writeNavigationManifest(dir, await writeEntries({ mine: entry(frontmatter('Mine')), theirs: entry(frontmatter('Theirs')) }));
    const lines = await readNavigationManifest(
      dir,
      (id) => id === 'theirs',
      (_, index) => index === 1,
    );
    expect(lines.map((line) => line.id)).toEqual(['theirs']);
    expect(lines[0]!.data.quotations.map((quotation) => quotation.text)).toEqual(['', 'and kept the libraries']);
    expect(lines[0]!.data.quotations[0]).toMatchObject({ speaker: 'Mara Osei', role: 'council leader' });
  });

  test('with no manifest, a partition is told to make the plan again', async () => {
    await expect(readNavigationManifest(dir, () => true)).rejects.toThrow(`No navigation manifest in ${join(dir, NAVIGATION_FILE)}`);
  });
});
