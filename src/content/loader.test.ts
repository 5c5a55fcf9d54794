import { createHash } from 'node:crypto';
import { mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generatedEntriesLoader } from './loader.ts';

// The loader against an in-memory content layer, as Astro keeps one between builds: its data
// store and its meta store survive from one `load` to the next.
interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string };
}

function contentLayer(root: string) {
  const entries = new Map<string, Stored>();
  const meta = new Map<string, string>();
  const errors: string[] = [];
  const infos: string[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => meta.set(key, value),
      has: (key: string) => meta.has(key),
      delete: (key: string) => meta.delete(key),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    logger: { info: (message: string) => infos.push(message), warn: () => {}, error: (message: string) => errors.push(message) },
    config: { root: pathToFileURL(`${root}/`) },
  } as unknown as LoaderContext;
  return { context, entries, errors, infos };
}

const entry = (title: string, body: string) => `---\ngenerator: dossier\ntitle: ${title}\nquotations: []\n---\n\n${body}\n`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-loader-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('generatedEntriesLoader across builds', () => {
  test('an entry file whose size, inode and time are unchanged is not read again; one replaced is', async () => {
    const { context, entries } = contentLayer(root);
    const loader = generatedEntriesLoader({ base: root });
    const file = join(root, 'one.mdx');
    await writeFile(file, entry('One', 'First body.'));
    // A time in whole milliseconds, which utimes can put back exactly.
    const mtime = new Date('2026-01-01T00:00:00Z');
    await utimes(file, mtime, mtime);
    await loader.load(context);
    expect(entries.get('one')?.rendered?.html).toContain('First body.');

    // The same size and time put back, in place (same inode): only reading could tell, and it is not read.
    await writeFile(file, entry('One', 'Other body.'));
    await utimes(file, mtime, mtime);
    await loader.load(context);
    expect(entries.get('one')?.rendered?.html).toContain('First body.');

    // Replaced as the ingest writes entries, a new file renamed over it, even with the same size
    // and time: a new inode, and it is read.
    await writeFile(`${file}.tmp`, entry('One', 'Third body.'));
    await utimes(`${file}.tmp`, mtime, mtime);
    await rename(`${file}.tmp`, file);
    await loader.load(context);
    expect(entries.get('one')?.rendered?.html).toContain('Third body.');
  });

  test('a deleted entry leaves the store, and an emptied store is filled again whatever the stamps say', async () => {
    const { context, entries } = contentLayer(root);
    const loader = generatedEntriesLoader({ base: root });
    await writeFile(join(root, 'one.mdx'), entry('One', 'Body one.'));
    await writeFile(join(root, 'two.mdx'), entry('Two', 'Body two.'));
    await loader.load(context);
    await rm(join(root, 'two.mdx'));
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['one']);
    entries.clear();
    await loader.load(context);
    expect(entries.get('one')?.rendered?.html).toContain('Body one.');
  });

  test('in a partition, entries another partition renders are not loaded, and a whole build over the same cache loads them', async () => {
    const { context, entries, infos } = contentLayer(root);
    await writeFile(join(root, 'mine.mdx'), entry('Mine', 'My body.'));
    await writeFile(join(root, 'theirs.mdx'), entry('Theirs', 'Their body.'));
    await generatedEntriesLoader({ base: root }).load(context);
    expect([...entries.keys()].sort()).toEqual(['mine', 'theirs']);

    // A partition drops what a whole build left in the store.
    await generatedEntriesLoader({ base: root }, (id) => id === 'mine').load(context);
    expect([...entries.keys()]).toEqual(['mine']);
    expect(infos.at(-1)).toBe('Rendered 0 of 2 entries; 1 unchanged since the last build; 1 left to other partitions.');

    // A whole build over the same cache loads and renders it again.
    await generatedEntriesLoader({ base: root }).load(context);
    expect(entries.get('theirs')?.rendered?.html).toContain('Their body.');
    expect(infos.at(-1)).toBe('Rendered 1 of 2 entries; 1 unchanged since the last build.');
  });
});

describe('generatedEntriesLoader on worker threads', () => {
  test('many entries are rendered on threads into the store, in order, as this thread renders them, and refused ones are named by file and line', async () => {
    const { context, entries, errors } = contentLayer(root);
    const quoted = (n: number) =>
      `---\ngenerator: dossier\ntitle: Entry ${n}\nquotations:\n  - text: we will\n    speaker: Jane Roe\n    paragraph: 2\n---\n\n## Part ${n}\n\nOpening ${n}.\n\nShe said "we will" and left.\n`;
    const names = Array.from({ length: 300 }, (_, n) => `e${String(n).padStart(3, '0')}`);
    await Promise.all(names.map((name, n) => writeFile(join(root, `${name}.mdx`), quoted(n))));
    // Refused, each with its place: MDX code on the file's line 9, not an entry the ingest wrote, no frontmatter.
    await writeFile(join(root, 'code.mdx'), entry('Code', 'Fine.\n\n{alert(1)}'));
    await writeFile(join(root, 'hand.mdx'), '---\ntitle: By hand\n---\n\nText.\n');
    await writeFile(join(root, 'none.mdx'), 'No frontmatter.\n');

    await generatedEntriesLoader({ base: root }).load(context);

    expect([...entries.keys()]).toEqual(names);
    const { renderEntryBody } = await import('./render-entry.ts');
    const expected = renderEntryBody('## Part 7\n\nOpening 7.\n\nShe said "we will" and left.\n', [
      { text: 'we will', speaker: 'Jane Roe', paragraph: 2 },
    ]);
    expect(entries.get('e007')?.rendered?.html).toBe(expected.html);
    expect(expected.html).toContain('<q');
    expect(errors).toEqual([
      expect.stringMatching(/^code\.mdx:9: Expected plain text in a generated entry, found MDX code/),
      expect.stringMatching(/^hand\.mdx:1: Not an entry the ingest wrote/),
      expect.stringMatching(/^none\.mdx:1: Expected YAML frontmatter/),
    ]);
  });
});
