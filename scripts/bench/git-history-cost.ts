import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitHistory } from '../../src/ingest/git-history.ts';

/**
 * The cost of dating every document by its last commit: a repository of
 * `size` documents in 100 folders, committed in 50 commits, then one more
 * commit that changes a hundredth of them; the median of three reads of the
 * whole history. Milliseconds.
 */
export async function gitHistoryCost(size: number): Promise<number> {
  const repo = mkdtempSync(join(tmpdir(), 'dossier-bench-git-'));
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    for (let commit = 0; commit < 50; commit++) {
      for (let index = commit; index < size; index += 50) {
        mkdirSync(join(repo, `folder-${index % 100}`), { recursive: true });
        writeFileSync(join(repo, `folder-${index % 100}`, `document-${index}.txt`), `Document ${index}\n\nText.\n`);
      }
      git('add', '-A');
      git('commit', '-q', '-m', `commit ${commit}`);
    }
    for (let index = 0; index < size; index += 100)
      writeFileSync(join(repo, `folder-${index % 100}`, `document-${index}.txt`), 'Changed.\n');
    git('commit', '-q', '-am', 'changes');
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const history = await readGitHistory(repo);
      times.push(performance.now() - started);
      if (history?.lastCommit.size !== size) throw new Error(`Expected ${size} dated documents, found ${history?.lastCommit.size}`);
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
