import { execFile, spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { splitEntry } from '../content/entry-file.ts';
import { EntryFrontmatterSchema } from '../content/entry-schema.ts';
import { formatMessage } from './message.ts';
import { runIngest } from './run-ingest.ts';
import { formatSummary } from './summary.ts';
import { isGeneratedEntry } from './to-mdx.ts';

const CLI = join(import.meta.dirname, '../../scripts/ingest.ts');
const run = promisify(execFile);

let root: string;
let documents: string;
let entries: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-ingest-'));
  documents = join(root, 'documents');
  entries = join(root, 'entries');
  await mkdir(documents);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const article = (title: string, body = 'Body text.'): string => `NEWS / LOCAL\n${title}\nPublished: Jan 08, 2026 08:28 PM\n\n${body}\n`;
const ingest = () => runIngest({ documentsDir: documents, entriesDir: entries, defaultLanguage: 'en' });
const entryNames = async () => (await readdir(entries)).filter((name) => name.endsWith('.mdx')).sort();

describe('runIngest with a people file', () => {
  test('people.yml renames speakers in every entry; a bad entry is a warning naming the file and line', async () => {
    await writeFile(join(documents, 'one.txt'), article('First story', '"We are ready," said Tony Blair.'));
    await writeFile(join(documents, 'people.yml'), '- name: Anthony Blair\n  aliases: [Tony Blair]\n- nme: typo\n');
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 1, written: 1, warnings: 1 });
    expect(summary.messages.map(formatMessage)).toEqual([
      'people.yml:3: warning: Expected only `name`, `aliases` and `in`, found `nme`; this person is left out [invalid-people-file]',
    ]);
    expect(await readFile(join(entries, 'first-story.mdx'), 'utf8')).toContain('speaker: Anthony Blair');
    // A changed rule re-reads the documents it renames.
    await writeFile(join(documents, 'people.yml'), '- name: Tony Blair (PM)\n  aliases: [Tony Blair]\n');
    expect(await ingest()).toMatchObject({ written: 1 });
    expect(await readFile(join(entries, 'first-story.mdx'), 'utf8')).toContain('speaker: Tony Blair (PM)');
  });
});

describe('runIngest', () => {
  test('writes one entry per document, in nested folders with awkward names', async () => {
    await mkdir(join(documents, 'a b/(c) & d/한글'), { recursive: true });
    await writeFile(join(documents, 'one.txt'), article('First story'));
    await writeFile(join(documents, 'a b/(c) & d/한글/두 번째.txt'), article('두 번째 이야기'));
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 2, written: 2, unchanged: 0, removed: 0, errors: 0, warnings: 0 });
    expect(await entryNames()).toEqual(['first-story.mdx', '두-번째-이야기.mdx']);
  });

  test('is deterministic and incremental: a second run rewrites nothing', async () => {
    await writeFile(join(documents, 'one.txt'), article('First story'));
    await writeFile(join(documents, 'two.txt'), article('Second story'));
    await ingest();
    const before = await readFile(join(entries, 'first-story.mdx'), 'utf8');
    expect(await ingest()).toMatchObject({ written: 0, unchanged: 2 });
    expect(await readFile(join(entries, 'first-story.mdx'), 'utf8')).toBe(before);

    await writeFile(join(documents, 'two.txt'), article('Second story', 'Changed body.'));
    expect(await ingest()).toMatchObject({ written: 1, unchanged: 1 });
  });

  test('removes the entry of a deleted document, never a hand-written entry', async () => {
    await writeFile(join(documents, 'one.txt'), article('First story'));
    await writeFile(join(documents, 'two.txt'), article('Second story'));
    await ingest();
    const handWritten = '---\ntitle: Written by hand\n---\n\nMine.\n';
    await writeFile(join(entries, 'by-hand.mdx'), handWritten);
    await rm(join(documents, 'two.txt'));
    expect(await ingest()).toMatchObject({ written: 0, unchanged: 1, removed: 1 });
    expect(await entryNames()).toEqual(['by-hand.mdx', 'first-story.mdx']);
    expect(await readFile(join(entries, 'by-hand.mdx'), 'utf8')).toBe(handWritten);
  });

  test('a generated entry never takes the slug of a hand-written one', async () => {
    await mkdir(entries);
    await writeFile(join(entries, 'first-story.mdx'), '---\ntitle: Mine\n---\n');
    await writeFile(join(documents, 'one.txt'), article('First story'));
    await ingest();
    expect(await entryNames()).toEqual(['first-story-one.mdx', 'first-story.mdx']);
  });

  test('two documents with the same title both keep their pages', async () => {
    await writeFile(join(documents, 'notice-1.txt'), '社告\n本社의 알림입니다.\n');
    await writeFile(join(documents, 'notice-2.txt'), '社告\n또 다른 알림입니다.\n');
    await ingest();
    expect(await entryNames()).toEqual(['社告-notice-2.mdx', '社告.mdx']);
  });

  test('an unchanged document is not parsed again, yet its diagnostics are reported again', async () => {
    await writeFile(join(documents, 'one.txt'), article('First story'));
    await writeFile(join(documents, 'bad-date.txt'), 'NEWS / LOCAL\nDated badly\nPublished: someday\n\nBody.\n');
    const first = await ingest();
    const second = await ingest();
    expect(second).toMatchObject({ written: 0, unchanged: 2, warnings: 1 });
    expect(second.messages).toEqual(first.messages);
    // An entry deleted behind the cache's back is written again: the cache never stands in for a file.
    await rm(join(entries, 'first-story.mdx'));
    expect(await ingest()).toMatchObject({ written: 1, unchanged: 1 });
    expect(await entryNames()).toEqual(['dated-badly.mdx', 'first-story.mdx']);
  });

  describe('reading only what changed', () => {
    const path = () => join(documents, 'one.txt');
    // Same size, other bytes, and the old modification time put back: only reading the file could tell.
    const swapBehindItsStamp = async (title: string, mtime: Date) => {
      await writeFile(path(), article(title));
      await utimes(path(), mtime, mtime);
    };

    test('a document whose size and time are as the last run saw them, well before it, is not read again', async () => {
      await writeFile(path(), article('First story'));
      const old = new Date(Date.now() - 60_000);
      await utimes(path(), old, old);
      await ingest();
      await swapBehindItsStamp('Other story', old);
      expect(await ingest()).toMatchObject({ written: 0, unchanged: 1 });
      expect(await entryNames()).toEqual(['first-story.mdx']);
      // A new time, and it is read: the stamp stands for the bytes, never for a change.
      const now = new Date(Date.now() - 30_000);
      await utimes(path(), now, now);
      expect(await ingest()).toMatchObject({ written: 1, removed: 1 });
      expect(await entryNames()).toEqual(['other-story.mdx']);
    });

    test('a document changed just before the last run began is read again, whatever its stamp', async () => {
      await writeFile(path(), article('First story'));
      const recent = (await stat(path())).mtime;
      await ingest();
      // Its stamp is as the last run saw it, but that run may have read it mid-write: not trusted.
      await swapBehindItsStamp('Other story', recent);
      expect(await ingest()).toMatchObject({ written: 1, removed: 1 });
      expect(await entryNames()).toEqual(['other-story.mdx']);
    });

    test('an entry changed since the last run is read: one made hand-written keeps its name, and the document takes another', async () => {
      await writeFile(path(), article('First story'));
      const old = new Date(Date.now() - 60_000);
      await utimes(path(), old, old);
      await ingest();
      await writeFile(join(entries, 'first-story.mdx'), '---\ntitle: Mine now\n---\n\nWritten by hand.\n');
      expect(await ingest()).toMatchObject({ written: 1 });
      expect(await entryNames()).toEqual(['first-story-one.mdx', 'first-story.mdx']);
      expect(await readFile(join(entries, 'first-story.mdx'), 'utf8')).toContain('Written by hand.');
    });
  });

  test('a cached document whose slug is taken by a new one is written again under its new slug', async () => {
    await writeFile(join(documents, 'b.txt'), article('Same title', 'From b.'));
    await ingest();
    await writeFile(join(documents, 'a.txt'), article('Same title', 'From a.'));
    expect(await ingest()).toMatchObject({ written: 2, removed: 0 });
    expect(await readFile(join(entries, 'same-title.mdx'), 'utf8')).toContain('From a.');
    expect(await readFile(join(entries, 'same-title-b.mdx'), 'utf8')).toContain('From b.');
  });

  test('a broken document is reported by name and the rest still ingest', async () => {
    await writeFile(join(documents, 'good.txt'), article('Good story'));
    await writeFile(join(documents, 'empty.txt'), '');
    await writeFile(join(documents, 'blank.txt'), '  \n\n\t\n');
    await writeFile(join(documents, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    await writeFile(join(documents, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 4, written: 1, errors: 3, warnings: 1 });
    expect(summary.messages.map((message) => [message.file, message.ruleId])).toEqual([
      ['photo.png', 'unsupported-file'],
      ['binary.txt', 'binary-file'],
      ['blank.txt', 'empty-document'],
      ['empty.txt', 'empty-document'],
    ]);
    expect(formatSummary(summary, 'docs')).toBe('Ingested 4 documents from docs: 1 written, 0 unchanged, 0 removed; 3 errors, 1 warning.');
  });

  test('parsing on worker threads writes the same entries and reports the same diagnostics, in the same order', async () => {
    // Documents of every kind the golden tests hold, many times over, so that every thread gets some.
    const fixtures = join(import.meta.dirname, '../../test/fixtures/documents');
    const kinds = (await readdir(fixtures)).sort();
    for (let copy = 0; copy < 12; copy++) {
      for (const kind of kinds) {
        const input = (await readdir(join(fixtures, kind))).find((name) => name.startsWith('input'))!;
        await writeFile(join(documents, `${kind}-${copy}${input.slice(input.indexOf('.'))}`), await readFile(join(fixtures, kind, input)));
      }
    }
    const here = await runIngest({ documentsDir: documents, entriesDir: join(root, 'here'), defaultLanguage: 'en', parseThreads: 1 });
    const threads = await runIngest({ documentsDir: documents, entriesDir: entries, defaultLanguage: 'en', parseThreads: 3 });
    expect(threads).toEqual(here);
    expect(threads.messages.length).toBeGreaterThan(kinds.length);
    const names = (await readdir(join(root, 'here'))).filter((name) => name.endsWith('.mdx')).sort();
    expect(await entryNames()).toEqual(names);
    for (const name of names) expect(await readFile(join(entries, name), 'utf8')).toBe(await readFile(join(root, 'here', name), 'utf8'));
  });

  test('bodies that wait for their slugs on disk, past the budget, make the same entries, and the spill file goes', async () => {
    for (let n = 0; n < 30; n++)
      await writeFile(join(documents, `story-${n}.txt`), article(`Story ${n}`, `Body ${n}: «Ünïcödé» 東京 — ${'x'.repeat(n * 50)}`));
    const here = await runIngest({ documentsDir: documents, entriesDir: join(root, 'here'), defaultLanguage: 'en' });
    const spilled = await runIngest({ documentsDir: documents, entriesDir: entries, defaultLanguage: 'en', draftCharactersInMemory: 500 });
    expect(spilled).toEqual(here);
    const names = (await readdir(join(root, 'here'))).filter((name) => name.endsWith('.mdx')).sort();
    expect(names).toHaveLength(30);
    expect(await entryNames()).toEqual(names);
    for (const name of names) expect(await readFile(join(entries, name), 'utf8')).toBe(await readFile(join(root, 'here', name), 'utf8'));
    expect((await readdir(entries)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test.runIf(process.platform === 'linux')('a file whose name is not UTF-8 is reported as such, and the rest still ingest', async () => {
    await writeFile(join(documents, 'good.txt'), article('Good story'));
    await writeFile(Buffer.concat([Buffer.from(`${documents}/bad`), Buffer.from([0xff]), Buffer.from('name.txt')]), article('Bad name'));
    const summary = await ingest();
    expect(summary).toMatchObject({ documents: 2, written: 1, errors: 1 });
    expect(summary.messages.map(formatMessage)).toEqual([
      'bad\uFFFDname.txt: error: Cannot read the file: its name is not valid UTF-8, so it cannot be opened; rename it [unreadable-file]',
    ]);
  });

  test('a 5 MB document and a 300 KB line without a break ingest fine', async () => {
    const paragraph = 'All work and no play makes a dull archive. '.repeat(100);
    await writeFile(join(documents, 'large.txt'), `Large document\n\n${`${paragraph}\n\n`.repeat(1200)}`);
    await writeFile(join(documents, 'long-line.txt'), `Long line\n\n${'x{<'.repeat(100_000)}\n`);
    const summary = await ingest();
    expect(summary).toMatchObject({ written: 2, errors: 0 });
    const large = await readFile(join(entries, 'large-document.mdx'), 'utf8');
    expect(large.length).toBeGreaterThan(5_000_000);
  }, 30_000);
});

describe('the ingest command', () => {
  test('prints diagnostics with file and line, and --strict turns them into a failing exit code', async () => {
    await writeFile(join(documents, 'good.txt'), article('Good story'));
    await writeFile(join(documents, 'bad-date.txt'), 'NEWS / LOCAL\nTitle\nPublished: someday\n\nBody.\n');
    const relaxed = await run(process.execPath, [CLI, '--out', entries, documents]);
    expect(relaxed.stderr).toContain('bad-date.txt:3: warning: Expected a date such as');
    expect(relaxed.stdout).toMatch(/Ingested 2 documents from .*: 2 written, 0 unchanged, 0 removed; 0 errors, 1 warning\./);

    const strict = await run(process.execPath, [CLI, '--strict', '--out', entries, documents]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(strict).toMatchObject({ code: 1 });
    expect((strict as { stderr: string }).stderr).toContain('[unparsed-date]');
  }, 30_000);

  test('an ingest killed half-way leaves every entry whole, old or new', async () => {
    const count = 300;
    const write = async (body: string) => {
      for (let i = 0; i < count; i++) await writeFile(join(documents, `doc-${i}.txt`), article(`Story ${i}`, body.repeat(500)));
    };
    await write('Old body. ');
    await run(process.execPath, [CLI, '--out', entries, documents]);
    const entryTexts = async () => {
      const names = (await readdir(entries)).filter((name) => name.endsWith('.mdx'));
      return Promise.all(names.map((name) => readFile(join(entries, name), 'utf8')));
    };

    // Kill it while it writes: once some entry is new, SIGKILL. A loaded machine may let it finish
    // first; then the bodies flip and it runs again, until a kill lands with some entries still old.
    let texts: string[] = [];
    let rewritten = 0;
    for (let attempt = 0, body = 'New body. '; attempt < 5; attempt++, body = body === 'New body. ' ? 'Old body. ' : 'New body. ') {
      await write(body);
      const child = spawn(process.execPath, [CLI, '--out', entries, documents], { stdio: 'pipe' });
      await expect
        .poll(async () => (await readFile(join(entries, 'story-0.mdx'), 'utf8')).includes(body), { timeout: 20_000, interval: 2 })
        .toBe(true);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      texts = await entryTexts();
      rewritten = texts.filter((text) => text.includes(body)).length;
      if (rewritten < count) break;
    }
    // It was stopped in the middle: some entries new, some not yet.
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(count);
    expect(texts).toHaveLength(count);
    for (const text of texts) {
      expect(isGeneratedEntry(text)).toBe(true);
      expect(text).toMatch(/\n\n(?:(?:Old body\. )+|(?:New body\. )+)?(?:Old|New) body\.\n$/);
    }
    // The next run finishes the job and sweeps up any temporary file.
    await run(process.execPath, [CLI, '--out', entries, documents]);
    expect((await readdir(entries)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

test('the schema accepts what the ingest writes', async () => {
  await writeFile(join(documents, 'one.txt'), article('First story'));
  await ingest();
  const text = await readFile(join(entries, 'first-story.mdx'), 'utf8');
  const { parse } = await import('yaml');
  expect(EntryFrontmatterSchema.safeParse(parse(splitEntry(text)!.frontmatter)).success).toBe(true);
});
