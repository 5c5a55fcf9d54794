import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

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
  return done;
}

/** After a complete build: the new site becomes the published one, and the old one goes. */
export async function publishSite(site: string): Promise<void> {
  const previous = previousDir(site);
  await rm(previous, { recursive: true, force: true });
  if (existsSync(site)) await rename(site, previous);
  await rename(stagingDir(site), site);
  await rm(previous, { recursive: true, force: true });
}
