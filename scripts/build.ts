#!/usr/bin/env node
// `npm run build`: Astro's build, which ingests the documents first and
// indexes the pages for search last (see astro.config.mjs). One build at a
// time per project (a lock in the cache folder); the new site is written
// beside the published one and swapped in only when it is whole, so a build
// that fails or is stopped leaves the last good site as it was. In CI the log
// keeps warnings, diagnostics and the summary line; `--verbose` shows all.
//
// An archive of more than `partitionSize` documents (dossier.config.ts) is
// built in partitions, one after another, then merged (README, "Large
// archives"); `--partitions N` asks for N. Across CI jobs, the same steps run
// apart: `--plan N` ingests and plans, `--partition K/N` builds one part,
// and `npm run build:merge` puts them together.
// Usage: node scripts/build.ts [--verbose] [--outDir DIR] [--no-wait] [--partitions N | --plan N | --partition K/N]
import './support/compile-cache.ts';
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir, config, documentsDir, entriesDir } from '../src/config.ts';
import { documentsFolderProblem } from '../src/ingest/documents-folder.ts';
import { startIngest } from '../src/ingest/threads/early-ingest.ts';
import { parsePartition, readPlanFile } from '../src/site/partition.ts';
import { indexBuiltSite, shardCacheDir } from '../src/integrations/pagefind.ts';
import { confirmPublished } from '../src/integrations/published-pages.ts';
import { collectGarbage } from '../src/utils/collect-garbage.ts';
import { limitHeapGrowth } from '../src/utils/heap-growth.ts';
import { acquireBuildLock, LockHeldError } from './support/build-lock.ts';
import { mergePartitions, MergeError, partitionsFor, writeStamp } from './support/partitions.ts';
import { publishSite, recoverSite, stagingDir } from './support/publish-site.ts';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    outDir: { type: 'string' },
    'no-wait': { type: 'boolean', default: false },
    partitions: { type: 'string' },
    plan: { type: 'string' },
    partition: { type: 'string' },
    // Inside `npm run build` in partitions: render now, index later (with `--index-partition`), so
    // that one partition's indexing runs beside the next one's rendering.
    'index-later': { type: 'boolean', default: false },
    'index-partition': { type: 'string' },
    'index-concurrency': { type: 'string', default: '2' },
  },
});
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Garbage is collected before it doubles the heap: a build's peak memory (heap-growth.ts).
limitHeapGrowth();
const strict = process.env.STRICT === '1' || process.env.STRICT === 'true';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const count = (text: string, flag: string): number => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : fail(`--${flag} takes a whole number from 1 up, not "${text}"`);
};

if (values.partition || values['index-partition']) {
  let partition: { index: number; count: number };
  try {
    partition = parsePartition((values.partition ?? values['index-partition'])!);
  } catch (error) {
    fail((error as Error).message);
  }
  const outDir = resolve(values.outDir ?? `dist.partition-${partition!.index}`);
  if (values.partition) await buildPartition(partition!.index, partition!.count, outDir);
  else await indexPartition(partition!.index, partition!.count, outDir);
} else {
  const missing = documentsFolderProblem(documentsDir());
  if (missing) fail(missing);
  const site = resolve(values.outDir ?? 'dist');
  await withLock(astroCacheDir(), async (stopped) => {
    if (values.plan) return ingest(count(values.plan, 'plan'));
    const partitions = values.partitions
      ? count(values.partitions, 'partitions')
      : await partitionsFor(documentsDir(), config.partitionSize);
    if (partitions > 1 || values.partitions) await buildInPartitions(site, partitions);
    else await buildWhole(site, stopped);
  });
}

/** The build as one Astro build: the ingest starts in a worker while Astro loads. */
async function buildWhole(site: string, stopped: boolean): Promise<void> {
  await recoverOutput(site, astroCacheDir(), stopped);
  // The ingest runs in a worker while Astro loads (a second); the build's ingest integration takes it over.
  startIngest({
    documentsDir: documentsDir(),
    entriesDir: entriesDir(),
    defaultLanguage: config.defaultLanguage,
    folderSections: config.folderSections,
  });
  // Astro's incremental build finds the published site's unchanged pages linked into its output (published-pages.ts).
  process.env.DOSSIER_PUBLISHED_SITE = site;
  const { build } = await import('astro');
  await build({ logLevel: logLevel(), outDir: stagingDir(site) });
  await publishSite(site);
  confirmPublished(astroCacheDir(), site);
}

/**
 * One machine, less memory: ingest, plan, each partition in its own process
 * one after another (its memory goes back when it ends), then the merge. Each
 * partition loads its own entries and the navigation manifest's lines for the
 * others, so its memory grows with its share and only slowly with the archive
 * (BENCHMARKS.md, "Building in partitions").
 */
async function buildInPartitions(site: string, partitions: number): Promise<void> {
  for (const note of await recoverSite(site)) console.warn(note);
  // This process waits from here on: what loading and counting the documents left goes back first.
  collectGarbage();
  await ingest(partitions);
  const outputs = Array.from({ length: partitions }, (_, index) => join(astroCacheDir(), 'partitions', 'out', String(index + 1)));
  // A heap of bounded size: V8 collects as it goes rather than growing while pages render.
  const heap = [`--max-old-space-size=${config.partitionHeapMb}`];
  const verbose = values.verbose ? ['--verbose'] : [];
  // Each partition's pages are indexed for search while the next one's render: Pagefind and Astro each keep one core busy.
  let indexing: Promise<void> = Promise.resolve();
  for (const [index, outDir] of outputs.entries()) {
    const which = `${index + 1}/${partitions}`;
    const args = [process.argv[1]!, '--partition', which, '--index-later', '--outDir', outDir, ...verbose];
    await run(
      args,
      `Partition ${which} (with a heap of ${config.partitionHeapMb} MB: if it ran out, set a smaller partitionSize or a larger partitionHeapMb)`,
      heap,
    );
    await indexing;
    const last = index === partitions - 1;
    indexing = run(
      [process.argv[1]!, '--index-partition', which, '--index-concurrency', last ? '2' : '1', '--outDir', outDir, ...verbose],
      `Indexing partition ${which} for search`,
    );
  }
  await indexing;
  await rm(stagingDir(site), { recursive: true, force: true });
  await merge(outputs, site);
}

/** One partition, into its own output folder, with its own caches (of its own pages and search shards). */
async function buildPartition(index: number, partitions: number, outDir: string): Promise<void> {
  const plan = readPlanFile(entriesDir());
  if (!plan) fail(`No partition plan in ${entriesDir()}: make one with \`npm run build -- --plan ${partitions}\` first.`);
  if (plan!.count !== partitions) fail(`The plan in ${entriesDir()} is for ${plan!.count} partitions, not ${partitions}.`);
  const cache = partitionCacheDir(index, partitions);
  process.env.DOSSIER_CACHE_DIR = cache;
  process.env.DOSSIER_PARTITION = `${index}/${partitions}`;
  if (values['index-later']) process.env.DOSSIER_INDEX_LATER = '1';
  await withLock(cache, async (stopped) => {
    await recoverOutput(outDir, cache, stopped);
    const { build } = await import('astro');
    await build({ logLevel: logLevel(), outDir: stagingDir(outDir) });
    // Unstamped and unpublished until `--index-partition` has indexed it.
    if (!values['index-later']) await finishPartition(outDir, plan!.id, index, partitions);
  });
}

/** Indexes for search a partition built with `--index-later`, then stamps and publishes it. */
async function indexPartition(index: number, partitions: number, outDir: string): Promise<void> {
  const plan = readPlanFile(entriesDir());
  if (!plan) fail(`No partition plan in ${entriesDir()}.`);
  const cache = partitionCacheDir(index, partitions);
  await withLock(cache, async () => {
    await indexBuiltSite(stagingDir(outDir), shardCacheDir(cache), {
      concurrency: count(values['index-concurrency']!, 'index-concurrency'),
      keepShards: true,
      log: (message) => console.log(message),
      warn: (message) => console.warn(message),
    });
    await finishPartition(outDir, plan!.id, index, partitions);
  });
}

function partitionCacheDir(index: number, partitions: number): string {
  return join(astroCacheDir(), 'partitions', `${index}-of-${partitions}`);
}

/** The partition's stamp, written last, and its output published. */
async function finishPartition(outDir: string, planId: string, index: number, partitions: number): Promise<void> {
  const pages = (await readdir(stagingDir(outDir), { recursive: true })).filter((file) => String(file).endsWith('.html')).length;
  await writeStamp(stagingDir(outDir), { planId, index, count: partitions, pages });
  await publishSite(outDir);
}

async function merge(outputs: string[], site: string): Promise<void> {
  try {
    await mergePartitions(outputs, stagingDir(site), (message) => console.log(message));
  } catch (error) {
    if (error instanceof MergeError) fail(error.message);
    throw error;
  }
  await publishSite(site);
  // A merged site is not the one whose pages the last whole build recorded.
  confirmPublished(astroCacheDir(), site);
}

/**
 * The ingest and the plan of `partitions`, in a process of their own (scripts/ingest.ts), whose memory
 * goes back when it ends: the partitions come after it.
 */
async function ingest(partitions: number): Promise<void> {
  const flags = [...(values.verbose ? ['--verbose'] : []), ...(strict ? ['--strict'] : []), '--plan', String(partitions)];
  await run([join(import.meta.dirname, 'ingest.ts'), ...flags], 'The ingest');
}

/** Runs a script of this project in its own Node process; stops the build if it fails. */
async function run(args: string[], what: string, nodeOptions: string[] = []): Promise<void> {
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, failed) => {
    const child = spawn(process.execPath, [...nodeOptions, ...args], { stdio: 'inherit' });
    child.on('error', failed);
    child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal]));
  });
  // V8 aborts a process out of heap (SIGABRT): say so in words.
  const how = signal
    ? `was stopped by ${signal}${signal === 'SIGABRT' ? ', as when it runs out of memory' : ''}`
    : `exited with code ${code}`;
  if (code !== 0) fail(`${what} failed: it ${how}. The published site is unchanged.`);
}

function logLevel(): 'debug' | 'warn' | 'info' {
  return values.verbose ? 'debug' : process.env.CI ? 'warn' : 'info';
}

/** Runs `work` holding the build lock of a cache folder; `stopped` says a build before it was stopped half-way. */
async function withLock(cache: string, work: (stopped: boolean) => Promise<void>): Promise<void> {
  await mkdir(cache, { recursive: true });
  let release: () => Promise<void>;
  let stopped = false;
  try {
    release = await acquireBuildLock(join(cache, '.dossier-build.lock'), {
      wait: !values['no-wait'],
      say: (message) => {
        if (message.startsWith('Took over')) stopped = true;
        console.warn(message);
      },
    });
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    return fail(error.message);
  }
  try {
    await work(stopped);
  } finally {
    await release!();
  }
}

/** Undoes what a stopped build left of an output folder; after a stop, its page cache is not trusted. */
async function recoverOutput(outDir: string, cache: string, stopped: boolean): Promise<void> {
  const notes = await recoverSite(outDir);
  for (const note of notes) console.warn(note);
  if (stopped || notes.length > 0) {
    // A stopped build may have written pages into Astro's incremental page cache without its
    // manifest; kept, they would come back under the old keys. Render every page once instead.
    await rm(join(cache, 'incremental-build.json'), { force: true });
    await rm(join(cache, 'dist'), { recursive: true, force: true });
    console.warn('Rendering every page again: the page cache of a stopped build cannot be trusted.');
  }
}
