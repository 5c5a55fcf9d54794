import { copyFileSync, linkSync, renameSync } from 'node:fs';

/** A hard link where the file system allows one, else a copy (another device, or no links at all). */
export function linkOrCopySync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** A rename where it can be one, else a copy: the source may be on another file system. */
export function moveOrCopySync(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
