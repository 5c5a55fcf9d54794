import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { watchPeakMemory } from './process-tree-memory.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface MeasuredBuild {
  /** Seconds. */
  wall: number;
  /** Bytes: the process tree's peak RSS. */
  peakRss: number;
  /** What it printed, stdout and stderr together. */
  output: string;
}

/**
 * One `npm run build` (scripts/build.ts) of the documents in `documents`, with its entries, caches
 * and site in `work`, in its own process: timed, its memory watched. Throws with the log's end if it fails.
 */
export async function measuredBuild(
  work: string,
  documents: string,
  args: string[] = [],
  extra: NodeJS.ProcessEnv = {},
): Promise<MeasuredBuild> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
    DOCUMENTS_DIR: documents,
    DOSSIER_ENTRIES_DIR: join(work, 'entries'),
    DOSSIER_CACHE_DIR: join(work, 'cache'),
    NODE_ENV: 'production',
  };
  delete env.CI; // The phase timings come from the info-level log.
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', join(work, 'dist'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchPeakMemory(child.pid!);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const wall = (performance.now() - started) / 1000;
  const peakRss = memory.stop();
  if (code !== 0) throw new Error(`Build failed (exit ${code}):\n${output.slice(-4000)}`);
  return { wall, peakRss, output };
}

/** Bytes of the files in a folder. */
export async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
