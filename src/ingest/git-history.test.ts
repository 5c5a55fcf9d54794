import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseLog, readGitHistory } from './git-history.ts';

const run = promisify(execFile);
let root: string;

/** A real repository with commits at known dates; documents live in `docs/`. */
async function commit(repo: string, message: string, date: string): Promise<void> {
  await run('git', ['add', '-A'], { cwd: repo });
  await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', message], {
    cwd: repo,
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-git-'));
  const repo = join(root, 'repo');
  await mkdir(join(repo, 'docs/news'), { recursive: true });
  await run('git', ['init', '-q', repo]);
  await writeFile(join(repo, 'docs/news/harbour.txt'), 'Harbour\n\nText.\n');
  await writeFile(join(repo, 'docs/a b ü.md'), '# Odd name\n');
  await writeFile(join(repo, 'README.md'), 'Not a document of docs/.\n');
  await commit(repo, 'first', '2024-01-02T10:00:00+02:00');
  await writeFile(join(repo, 'docs/news/harbour.txt'), 'Harbour\n\nText, corrected.\n');
  await commit(repo, 'second', '2024-03-04T05:06:07+00:00');
  await run('git', ['clone', '-q', '--depth', '1', `file://${repo}`, join(root, 'shallow')]);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('readGitHistory', () => {
  test('one git log for the folder: each document dated by its last commit, paths below the documents folder', async () => {
    const history = await readGitHistory(join(root, 'repo/docs'));
    expect(history).toEqual({
      shallow: false,
      lastCommit: new Map([
        ['news/harbour.txt', '2024-03-04T05:06:07+00:00'],
        ['a b ü.md', '2024-01-02T10:00:00+02:00'],
      ]),
    });
  });

  test('a shallow clone says so', async () => {
    const history = await readGitHistory(join(root, 'shallow/docs'));
    expect(history?.shallow).toBe(true);
    expect(history?.lastCommit.get('news/harbour.txt')).toBe('2024-03-04T05:06:07+00:00');
  });

  test('outside git, nothing', async () => {
    const outside = join(root, 'outside');
    await mkdir(outside, { recursive: true });
    expect(await readGitHistory(outside)).toBeUndefined();
  });

  test('parseLog keeps the newest date of each path', () => {
    const log = '\0' + '2024-03-04T05:06:07+00:00\0\ndocs/x.txt\0\0' + '2024-01-02T10:00:00+02:00\0\ndocs/x.txt\0docs/y.txt\0';
    expect(parseLog(log, 'docs/')).toEqual(
      new Map([
        ['x.txt', '2024-03-04T05:06:07+00:00'],
        ['y.txt', '2024-01-02T10:00:00+02:00'],
      ]),
    );
  });
});
