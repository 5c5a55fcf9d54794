#!/usr/bin/env node
// One `npm run build` of a documents folder, with the time of each phase and
// the memory of the whole process tree over time: where a build's time and
// peak go. Figures, not assertions (BENCHMARKS.md).
// Usage: node scripts/bench/build-timeline.ts DOCUMENTS_DIR [WORK_DIR]
//   WORK_DIR (default .bench/timeline) keeps entries, caches and dist: run it twice for a rebuild.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { processTreeRss } from './process-tree-memory.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const [documents, workArgument] = process.argv.slice(2);
if (!documents) throw new Error('Usage: node scripts/bench/build-timeline.ts DOCUMENTS_DIR [WORK_DIR]');
const work = resolve(workArgument ?? join(ROOT, '.bench/timeline'));

const PHASES = /Ingested|Synced content|Collecting build info|✓ Completed|to index|Indexed|Merged|^Built/;
const started = performance.now();
const clock = (): string => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DOCUMENTS_DIR: resolve(documents),
  DOSSIER_ENTRIES_DIR: join(work, 'entries'),
  DOSSIER_CACHE_DIR: join(work, 'cache'),
  NODE_ENV: 'production',
};
delete env.CI; // The phase lines are info-level.
const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', join(work, 'dist')], {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});

let peak = { rss: 0, at: '' };
let lastPrinted = 0;
const sample = (): void => {
  const rss = processTreeRss(child.pid!);
  if (rss > peak.rss) peak = { rss, at: clock().trim() };
  // A line every second, beside the phases.
  if (performance.now() - lastPrinted >= 1000) {
    lastPrinted = performance.now();
    console.log(`${clock()} s  ${(rss / 1024 / 1024).toFixed(0).padStart(5)} MB`);
  }
};
const timer = setInterval(sample, 100);
let pending = '';
child.stdout.on('data', (chunk: Buffer) => {
  const lines = (pending + chunk.toString()).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) if (PHASES.test(line)) console.log(`${clock()} s  ${line.replace(/^\d\d:\d\d:\d\d /, '')}`);
});
const code = await new Promise<number | null>((done) => child.on('exit', done));
clearInterval(timer);
console.log(`${clock()} s  exit ${code}; peak ${(peak.rss / 1024 / 1024).toFixed(0)} MB (process tree) at ${peak.at} s`);
process.exitCode = code ?? 1;
