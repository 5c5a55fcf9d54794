import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrent } from '../utils/map-concurrent.ts';

// Enough parallel file operations to hide disk latency, few enough to never hit EMFILE.
export const FILE_CONCURRENCY = 32;

/**
 * The `.mdx` entries directly in `dir`, by file name, with their text; those
 * `known(name)` vouches for are listed but not read (their text undefined).
 * A missing folder is an empty one.
 */
export async function readEntries(dir: string, known: (name: string) => boolean = () => false): Promise<Map<string, string | undefined>> {
  const entries = new Map<string, string | undefined>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return entries;
    throw error;
  }
  const mdx = names.filter((name) => name.endsWith('.mdx')).sort();
  const texts = await mapConcurrent(mdx, FILE_CONCURRENCY, async (name) =>
    known(name) ? undefined : await readFile(join(dir, name), 'utf8'),
  );
  mdx.forEach((name, index) => entries.set(name, texts[index]));
  return entries;
}

/**
 * Writes beside the target and renames over it: a rename is atomic on one
 * file system, so a killed ingest leaves the old entry or the new one, never
 * half of one.
 */
export async function writeEntryAtomically(dir: string, name: string, text: string): Promise<void> {
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, join(dir, name));
}

export async function removeEntry(dir: string, name: string): Promise<void> {
  await rm(join(dir, name), { force: true });
}

/** Leftovers of an ingest killed between write and rename. */
export async function removeTemporaryFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => /^\..+\.\d+\.tmp$/.test(name)).map((name) => rm(join(dir, name), { force: true })));
}
