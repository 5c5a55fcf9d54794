import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitHistory {
  /** Path below the documents folder → the committer date of the last commit that touched it (ISO 8601 with offset). */
  lastCommit: Map<string, string>;
  /** The clone has only part of its history: older documents' dates are the clone's oldest commit. */
  shallow: boolean;
}

/**
 * When each document was last committed, from one `git log` over the whole
 * documents folder, whatever repository holds it (the project's, or the
 * folder as a repository of its own). Undefined outside git.
 */
export async function readGitHistory(documentsDir: string): Promise<GitHistory | undefined> {
  const git = (args: string[]) =>
    run('git', ['-c', 'core.quotePath=false', ...args], { cwd: documentsDir, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  let prefix: string;
  let shallow: boolean;
  try {
    const [top, isShallow] = await Promise.all([git(['rev-parse', '--show-prefix']), git(['rev-parse', '--is-shallow-repository'])]);
    prefix = top.stdout.trim();
    shallow = isShallow.stdout.trim() === 'true';
  } catch {
    return undefined;
  }
  const lastCommit = new Map<string, string>();
  try {
    // Newest first: a path's first appearance is its last commit. NUL-separated, so any name is safe.
    const { stdout } = await git(['log', '--format=%x00%cI', '--name-only', '-z', '--no-renames', '--', '.']);
    parseLog(stdout, prefix, lastCommit);
  } catch {
    // A repository with no commit yet: nothing is dated.
  }
  return { lastCommit, shallow };
}

/** `git log --format=%x00%cI --name-only -z` → path (below `prefix`) → its newest date. Pure. */
export function parseLog(log: string, prefix: string, into = new Map<string, string>()): Map<string, string> {
  let date: string | undefined;
  for (const field of log.split('\0')) {
    const text = field.replace(/^\n+/, '');
    if (text === '') continue;
    if (/^\d{4}-\d{2}-\d{2}T[\d:]+(?:Z|[+-]\d{2}:\d{2})$/.test(text)) {
      date = text;
      continue;
    }
    if (!date || !text.startsWith(prefix)) continue;
    const path = text.slice(prefix.length);
    if (!into.has(path)) into.set(path, date);
  }
  return into;
}
