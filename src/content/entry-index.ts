import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the ingest writes beside the entries (`entry-index.json`): each entry's
 * section, size in bytes and SHA-256, by entry id, in id order. Planning a
 * build in partitions needs no more, so it reads one small file rather than
 * every entry.
 */
export type EntryIndex = Record<string, [section: string[], bytes: number, hash: string]>;

export const ENTRY_INDEX_FILE = 'entry-index.json';

/** The entry index of an entries folder, or undefined when the ingest has not written one. */
export function readEntryIndex(entriesDir: string): EntryIndex | undefined {
  try {
    return JSON.parse(readFileSync(join(entriesDir, ENTRY_INDEX_FILE), 'utf8')) as EntryIndex;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read ${join(entriesDir, ENTRY_INDEX_FILE)}: ${(error as Error).message}`, { cause: error });
  }
}
