import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './process-alive.ts';

/**
 * A build writes a whole new site beside the published one and swaps it in
 * only when it is complete, search index and all: the published folder is
 * always a whole site, the last good one or the new one. On the same disk,
 * each move is a rename.
 */
export function stagingDir(site: string): string {
  return `${site}.building`;
}

function previousDir(site: string): string {
  return `${site}.previous`;
}

// A replaced site waits for its removal under a name no later build reuses: `dist.removing-PID-TIME`.
const REMOVING = /\.removing-(\d+)-(\d+)$/;

/**
 * Before a build: undo what a stopped build left. A half-written new site is
 * removed; a published site moved aside and never replaced (a build stopped
 * between the two renames) is moved back. Returns what it did, to be said.
 */
export async function recoverSite(site: string): Promise<string[]> {
  const done: string[] = [];
  const previous = previousDir(site);
  if (!existsSync(site) && existsSync(previous)) {
    await rename(previous, site);
    done.push(`Restored the last good site from ${previous}: a build had stopped while publishing.`);
  }
  if (existsSync(stagingDir(site))) {
    await rm(stagingDir(site), { recursive: true, force: true });
    done.push(`Removed ${stagingDir(site)}, the unfinished output of a build that stopped.`);
  }
  await rm(previous, { recursive: true, force: true });
  await removeAbandoned(site);
  return done;
}

/**
 * After a complete build: the new site becomes the published one, and the old one goes. Its tens
 * of thousands of files are removed by a process of its own, which the build does not wait for.
 */
export async function publishSite(site: string): Promise<void> {
  const previous = previousDir(site);
  await rm(previous, { recursive: true, force: true });
  if (existsSync(site)) await rename(site, previous);
  await rename(stagingDir(site), site);
  if (!existsSync(previous)) return;
  const removing = `${site}.removing-${process.pid}-${Date.now()}`;
  await rename(previous, removing);
  removeInBackground(removing);
}

function removeInBackground(folder: string): void {
  const remove = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  spawn(process.execPath, ['-e', remove, folder], { detached: true, stdio: 'ignore', windowsHide: true }).unref();
}

/**
 * Old sites whose removal stopped (a reboot, a killed job) are removed here. One whose remover may
 * still be at work (its build runs, or ended moments ago) is left to it.
 */
async function removeAbandoned(site: string): Promise<void> {
  const prefix = `${basename(site)}.removing-`;
  const names = existsSync(dirname(site)) ? await readdir(dirname(site)) : [];
  for (const name of names) {
    const match = REMOVING.exec(name);
    if (!name.startsWith(prefix) || !match) continue;
    const [, pid, time] = match;
    if (isAlive(Number(pid)) || Date.now() - Number(time) < REMOVER_GRACE_MS) continue;
    await rm(join(dirname(site), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

// Long enough for the removal of a large site; an abandoned one waits only this long for the next build to take it.
const REMOVER_GRACE_MS = 10 * 60 * 1000;
