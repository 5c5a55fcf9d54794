import { readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compareStrings } from '../utils/compare-strings.ts';
import type { DossierMessage } from './message.ts';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the documents folder, with `/` separators on every OS. */
  source: string;
}

/**
 * What is wrong with the documents folder as a whole, in one line, or
 * undefined when it is a folder that can be read.
 */
export function documentsFolderProblem(root: string): string | undefined {
  const where = resolve(root);
  try {
    if (!statSync(where).isDirectory())
      return `The documents folder ${where} is a file; expected a folder of documents (.txt, .md, .mdx). Set DOCUMENTS_DIR to one.`;
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `The documents folder ${where} does not exist; expected a folder of documents (.txt, .md, .mdx). Set DOCUMENTS_DIR to one.`
      : `Cannot open the documents folder ${where} (${code}); expected a folder that can be read.`;
  }
}

export class DocumentsFolderError extends Error {}

/**
 * Every file under `root`, in a stable order, skipping hidden files and
 * folders (`.git`, `.DS_Store`). Symbolic links are followed, to files and to
 * folders, once each: a link back to a folder already read is a warning, as
 * is a link to nothing. A folder that cannot be read is one diagnostic, and
 * the rest is listed. A missing documents folder is a DocumentsFolderError.
 */
export async function listFiles(
  root: string,
  report: (message: DossierMessage) => void = () => {},
  // The file system's readdir; a test passes one that fails where permissions cannot (as root).
  readFolder: (dir: string) => Promise<import('node:fs').Dirent[]> = (dir) => readdir(dir, { withFileTypes: true }),
): Promise<FoundFile[]> {
  const problem = documentsFolderProblem(root);
  if (problem) throw new DocumentsFolderError(problem);
  const files: FoundFile[] = [];
  const seen = new Set<string>([await realpath(root)]);
  const warn = (file: string, reason: string, ruleId: string): void => report({ reason, file, ruleId, fatal: false });

  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readFolder(dir);
    } catch (error) {
      warn(
        prefix || '.',
        `Cannot read the folder (${(error as NodeJS.ErrnoException).code}); its documents are left out`,
        'unreadable-folder',
      );
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const source = prefix ? `${prefix}/${entry.name}` : entry.name;
      let kind: 'file' | 'folder' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other';
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (!target) {
          warn(source, 'A symbolic link to nothing; skipped', 'broken-link');
          continue;
        }
        kind = target.isFile() ? 'file' : target.isDirectory() ? 'folder' : 'other';
      }
      if (kind === 'file') files.push({ path, source });
      else if (kind === 'folder') {
        const real = await realpath(path).catch(() => path);
        if (seen.has(real)) {
          warn(source, 'A symbolic link to a folder already read (a loop, or a second way in); skipped', 'link-loop');
          continue;
        }
        seen.add(real);
        await walk(path, source);
      }
    }
  };
  await walk(resolve(root), '');
  return files.sort((a, b) => compareStrings(a.source, b.source));
}

/** A file's bytes, or why they could not be read. */
export interface ReadResult {
  file: FoundFile;
  bytes?: Uint8Array;
  error?: Error;
}

/**
 * Reads files one at a time, as they are asked for: bounded memory, no EMFILE on a large archive.
 * Synchronously: for thousands of small files, `fs/promises`' `readFile`, whose open, stat, read
 * and close each go through libuv's pool, costs several times the CPU (BENCHMARKS.md).
 */
export function* readFiles(files: readonly FoundFile[]): Generator<ReadResult, void> {
  for (const file of files) {
    let result: ReadResult;
    try {
      result = { file, bytes: readFileSync(file.path) };
    } catch (error) {
      // Node lists a name that is not UTF-8 with U+FFFD in it, and then cannot open it by that name.
      const misnamed = (error as NodeJS.ErrnoException).code === 'ENOENT' && file.source.includes('\uFFFD');
      result = { file, error: misnamed ? new Error('its name is not valid UTF-8, so it cannot be opened; rename it') : (error as Error) };
    }
    yield result;
  }
}
