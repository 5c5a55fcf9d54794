import { statSync, type BigIntStats } from 'node:fs';

/**
 * A file's size, inode and modification time to the nanosecond, as one
 * string, or undefined when it cannot be read. Equal stamps stand for equal
 * bytes, as git's index and make assume, so an unchanged file need not be
 * read. A file replaced by a rename (as the ingest writes entries) gets a new
 * inode, so its stamp changes even where times are coarse.
 */
export function fileStamp(path: string): string | undefined {
  try {
    return stampOf(statSync(path, { bigint: true }));
  } catch {
    return undefined;
  }
}

/** The stamp of a file already opened or stat'ed (`fstatSync(fd, { bigint: true })`). */
export function stampOf(stats: BigIntStats): string {
  return `${stats.size}:${stats.ino}:${stats.mtimeNs}`;
}

/**
 * Whether a stamp taken now may stand for the bytes a run that started at
 * `since` (ms) read: only if the file last changed well before that run began.
 * A file written while that run read it could keep its stamp yet change its
 * bytes (git's "racily clean" entries); such a file is read again.
 */
export function stampPredates(stamp: string, since: number | undefined, marginMs = 2000): boolean {
  if (since === undefined) return false;
  const mtimeMs = Number(BigInt(stamp.slice(stamp.lastIndexOf(':') + 1)) / 1_000_000n);
  return mtimeMs < since - marginMs;
}
