import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareStrings } from '../utils/compare-strings.ts';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the documents folder, with `/` separators on every OS. */
  source: string;
}

/** Every file under `root`, in a stable order, skipping hidden files and folders (`.git`, `.DS_Store`). */
export async function listFiles(root: string): Promise<FoundFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: FoundFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const source = relative(root, path).split(sep).join('/');
    if (source.split('/').some((part) => part.startsWith('.'))) continue;
    files.push({ path, source });
  }
  return files.sort((a, b) => compareStrings(a.source, b.source));
}

/** Reads files a few at a time: bounded memory, and no EMFILE on large archives. */
export async function* readFiles(
  files: readonly FoundFile[],
  concurrency = 16,
): AsyncGenerator<{ file: FoundFile; bytes?: Uint8Array; error?: Error }> {
  for (let start = 0; start < files.length; start += concurrency) {
    const batch = files.slice(start, start + concurrency);
    const results = await Promise.all(
      batch.map(async (file) => {
        try {
          return { file, bytes: await readFile(file.path) };
        } catch (error) {
          // Node lists a name that is not UTF-8 with U+FFFD in it, and then cannot open it by that name.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT' && file.source.includes('\uFFFD')) {
            return { file, error: new Error('its name is not valid UTF-8, so it cannot be opened; rename it') };
          }
          return { file, error: error as Error };
        }
      }),
    );
    yield* results;
  }
}
