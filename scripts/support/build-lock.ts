import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './process-alive.ts';

/** Who holds the lock, as its file says. */
interface Holder {
  pid: number;
  started: string;
}

export interface LockOptions {
  /** Fail at once with a message, rather than wait, when another build holds the lock. */
  wait: boolean;
  /** Told once while waiting, and when a stale lock is taken over. */
  say: (message: string) => void;
  /** How often to look again while waiting. */
  pollMs?: number;
}

export class LockHeldError extends Error {}

/**
 * One build at a time: a lock file holding the builder's pid. A second build
 * waits for the first (saying so once), or fails with a message when asked not
 * to wait. A lock whose process is gone (a build that was killed) is taken
 * over with a warning. Returns the function that releases it.
 */
export async function acquireBuildLock(file: string, options: LockOptions): Promise<() => Promise<void>> {
  let told = false;
  for (;;) {
    // Written whole beside it, then linked into place: the lock never exists without its owner.
    const temporary = `${file}.${process.pid}.tmp`;
    const holder: Holder = { pid: process.pid, started: new Date().toISOString() };
    await writeFile(temporary, JSON.stringify(holder));
    const taken = await link(temporary, file).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    );
    await rm(temporary, { force: true });
    if (taken) {
      return async () => {
        // Only our own lock: a lock taken over after we were presumed dead is not ours to remove.
        const holder = await readHolder(file);
        if (typeof holder === 'object' && holder.pid === process.pid) await rm(file, { force: true });
      };
    }
    const owner = await readHolder(file);
    // Released between our attempt and our look: try again, with nothing to say.
    if (owner === 'gone') continue;
    if (owner === undefined || !isAlive(owner.pid)) {
      options.say(
        owner === undefined
          ? `Took over a build lock with no readable owner (${file}).`
          : `Took over the build lock of process ${owner.pid}, which is gone (a build that was stopped, started ${owner.started}).`,
      );
      await rm(file, { force: true });
      continue;
    }
    if (!options.wait) {
      throw new LockHeldError(
        `Another build is running in this folder (process ${owner.pid}, started ${owner.started}). ` +
          `Wait for it, or build without --no-wait to queue behind it.`,
      );
    }
    if (!told) {
      options.say(`Waiting for the build of process ${owner.pid} (started ${owner.started}) to finish…`);
      told = true;
    }
    await sleep(options.pollMs ?? 500);
  }
}

/** The lock's owner; `gone` when the lock was released meanwhile; undefined when its file says nothing readable. */
async function readHolder(file: string): Promise<Holder | 'gone' | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, started: String(holder.started ?? 'at an unknown time') } : undefined;
  } catch {
    return undefined;
  }
}
