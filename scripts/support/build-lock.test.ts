import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireBuildLock, LockHeldError } from './build-lock.ts';

let dir: string;
let lock: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-lock-'));
  lock = join(dir, '.dossier-build.lock');
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A real second process that holds the lock until it is told to let go (a line on stdin). */
async function otherBuilder(): Promise<ChildProcess> {
  const script = `
    import { acquireBuildLock } from ${JSON.stringify(join(import.meta.dirname, 'build-lock.ts'))};
    const release = await acquireBuildLock(${JSON.stringify(lock)}, { wait: false, say: () => {} });
    console.log('held');
    process.stdin.once('data', async () => { await release(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((held) => child.stdout!.once('data', () => held()));
  return child;
}

describe('acquireBuildLock', () => {
  test('a second build that will not wait fails with a message naming the holder', async () => {
    const other = await otherBuilder();
    const attempt = acquireBuildLock(lock, { wait: false, say: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(LockHeldError);
    await expect(attempt).rejects.toThrow(`Another build is running in this folder (process ${other.pid}`);
  });

  test('a second build waits, says so once, and goes on when the first lets go', async () => {
    const other = await otherBuilder();
    const said: string[] = [];
    let acquired = false;
    const waiting = acquireBuildLock(lock, { wait: true, say: (message) => said.push(message), pollMs: 20 }).then((release) => {
      acquired = true;
      return release;
    });
    await new Promise((wait) => setTimeout(wait, 200));
    expect(acquired).toBe(false);
    other.stdin!.write('go\n');
    const release = await waiting;
    expect(said).toEqual([expect.stringMatching(new RegExp(`^Waiting for the build of process ${other.pid} `))]);
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
    expect(existsSync(lock)).toBe(false);
  });

  test('the lock of a process that is gone is taken over, with a warning', async () => {
    const other = await otherBuilder();
    other.kill('SIGKILL');
    await new Promise((exited) => other.once('exit', exited));
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: other.pid });
    const said: string[] = [];
    const release = await acquireBuildLock(lock, { wait: false, say: (message) => said.push(message) });
    expect(said).toEqual([expect.stringContaining(`Took over the build lock of process ${other.pid}, which is gone`)]);
    await release();
  });

  test('releasing never removes a lock another build has since taken over', async () => {
    const release = await acquireBuildLock(lock, { wait: false, say: () => {} });
    await writeFile(lock, JSON.stringify({ pid: 1, started: 'later' }));
    await release();
    expect(existsSync(lock)).toBe(true);
  });
});
