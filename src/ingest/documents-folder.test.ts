import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DocumentsFolderError, documentsFolderProblem, listFiles } from './documents-folder.ts';
import { formatMessage, type DossierMessage } from './message.ts';
import { runIngest } from './run-ingest.ts';

let root: string;
let documents: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-folder-'));
  documents = join(root, 'documents');
  await mkdir(documents);
});
afterEach(async () => {
  await chmod(join(documents, 'locked'), 0o755).catch(() => {});
  await rm(root, { recursive: true, force: true });
});

async function list(): Promise<{ sources: string[]; messages: string[] }> {
  const messages: DossierMessage[] = [];
  const files = await listFiles(documents, (message) => messages.push(message));
  return { sources: files.map((file) => file.source), messages: messages.map(formatMessage) };
}

describe('listFiles', () => {
  test('follows symbolic links to files and folders, in a stable order, skipping hidden ones', async () => {
    const elsewhere = join(root, 'elsewhere');
    await mkdir(join(elsewhere, 'deep'), { recursive: true });
    await writeFile(join(elsewhere, 'deep', 'b.txt'), 'B');
    await writeFile(join(root, 'outside.txt'), 'O');
    await writeFile(join(documents, 'a.txt'), 'A');
    await writeFile(join(documents, '.hidden.txt'), 'H');
    await symlink(elsewhere, join(documents, 'linked-folder'));
    await symlink(join(root, 'outside.txt'), join(documents, 'linked.txt'));
    expect(await list()).toEqual({ sources: ['a.txt', 'linked-folder/deep/b.txt', 'linked.txt'], messages: [] });
  });

  test('a link loop and a link to nothing are warnings naming each one, and the rest is listed', async () => {
    await mkdir(join(documents, 'news'));
    await writeFile(join(documents, 'news', 'a.txt'), 'A');
    await symlink(documents, join(documents, 'news', 'loop'));
    await symlink(join(root, 'gone.txt'), join(documents, 'broken.txt'));
    expect(await list()).toEqual({
      sources: ['news/a.txt'],
      messages: [
        'broken.txt: warning: A symbolic link to nothing; skipped [broken-link]',
        'news/loop: warning: A symbolic link to a folder already read (a loop, or a second way in); skipped [link-loop]',
      ],
    });
  });

  test('an unreadable folder is one diagnostic, and the rest is listed', async () => {
    await mkdir(join(documents, 'locked'));
    await writeFile(join(documents, 'locked', 'secret.txt'), 'S');
    await writeFile(join(documents, 'open.txt'), 'O');
    const messages: DossierMessage[] = [];
    // As root, permissions do not stop readdir: the failure is the one a locked folder gives.
    const files = await listFiles(
      documents,
      (message) => messages.push(message),
      async (dir) => {
        if (dir.endsWith('locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return readdir(dir, { withFileTypes: true });
      },
    );
    expect(files.map((file) => file.source)).toEqual(['open.txt']);
    expect(messages.map(formatMessage)).toEqual([
      'locked: warning: Cannot read the folder (EACCES); its documents are left out [unreadable-folder]',
    ]);
  });

  test.skipIf(userInfo().uid === 0)('a folder whose permissions forbid reading it, for real', async () => {
    await mkdir(join(documents, 'locked'));
    await writeFile(join(documents, 'locked', 'secret.txt'), 'S');
    await writeFile(join(documents, 'open.txt'), 'O');
    await chmod(join(documents, 'locked'), 0o000);
    expect(await list()).toEqual({
      sources: ['open.txt'],
      messages: ['locked: warning: Cannot read the folder (EACCES); its documents are left out [unreadable-folder]'],
    });
  });

  test('a missing documents folder, or a file, is one line naming it and what was expected', async () => {
    const missing = join(root, 'nope');
    expect(documentsFolderProblem(missing)).toBe(
      `The documents folder ${missing} does not exist; expected a folder of documents (.txt, .md, .mdx). Set DOCUMENTS_DIR to one.`,
    );
    await writeFile(join(root, 'file.txt'), 'x');
    expect(documentsFolderProblem(join(root, 'file.txt'))).toMatch(/ is a file; expected a folder of documents/);
    expect(documentsFolderProblem(documents)).toBeUndefined();
    await expect(listFiles(missing)).rejects.toBeInstanceOf(DocumentsFolderError);
  });
});

describe('an empty documents folder', () => {
  test('is a warning (so STRICT fails the build), not a quiet empty site', async () => {
    const summary = await runIngest({ documentsDir: documents, entriesDir: join(root, 'entries'), defaultLanguage: 'en', history: false });
    expect(summary.messages.map(formatMessage)).toEqual([
      `.: warning: No documents in ${documents} (expected .txt, .md or .mdx files); the site has none [no-documents]`,
    ]);
  });
});
