import { mkdirSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { compareStrings } from '../../utils/compare-strings.ts';
import { fileStamp } from '../../utils/file-stamp.ts';
import type { EarlyIndexerRequest, EarlyIndexerMessage, EarlyIndexerReply, EarlyPage } from './early-indexer.ts';
import { writeFragmentsFile } from './merge-bundles.ts';
import { pagefindBinary, runPagefind, stagePages } from './pagefind-run.ts';
import type { IndexablePage } from './plan-shards.ts';
import { pageFactsOf, pageReader } from './read-page.ts';
import { settledShards } from './settled-shards.ts';
import { indexedWith, pagefindVersion, searchBuildCode, shardCache } from './shard-cache.ts';

// The early indexer's thread (early-indexer.ts): it reads the pages the build has rendered, and
// indexes each shard they settle into the shard cache, one at a time.

const { site, cacheDir, staging, budget, shards } = workerData as EarlyIndexerRequest;
/** How often it looks at what was rendered. */
const TICK_MS = 250;
/** A page rendered this long ago and still without a file has none at that path (the 404 page). */
const MISSING_MS = 2000;

// Below the rendering thread: this thread and the Pagefind runs it starts (a thread's priority is
// its children's) take what the build leaves of the machine. Not everywhere allowed; then as is.
try {
  setPriority(10);
} catch {
  // As is.
}

let expected: string[] = [];
/** Rendered pages not read yet, with when they were rendered. */
const rendered = new Map<string, number>();
const written = new Map<string, IndexablePage | null>();
const facts = new Map<string, EarlyPage>();
const digests = new Map<string, string>();
const tried = new Set<string>();
const stored: string[] = [];
let changed = false;
let busy = false;
let finishing = false;
let failure: string | undefined;
let shard = 0;
const read = pageReader();
const cache = shardCache(cacheDir, digests, indexedWith(pagefindVersion(pagefindBinary()), searchBuildCode()));

parentPort!.on('message', (message: EarlyIndexerMessage) => {
  if (message.type === 'expect') expected = [...message.pages].sort(compareStrings);
  else if (message.type === 'rendered') for (const page of message.pages) rendered.set(page, Date.now());
  else {
    finishing = true;
    if (!busy) reply();
  }
});
const timer = setInterval(() => void tick(), TICK_MS);

async function tick(): Promise<void> {
  if (busy || finishing || failure) return;
  readRendered();
  if (!changed || !shards) return;
  changed = false;
  const next = settledShards(expected, written, budget).find((candidate) => !tried.has(candidate.pages.join('\n')));
  if (!next) return;
  tried.add(next.pages.join('\n'));
  busy = true;
  try {
    await index(next.pages);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    busy = false;
    if (finishing) reply();
    else changed = true;
  }
}

/** Reads the facts of the pages rendered since the last tick whose files are there; `now` says when a page's file is given up for missing. */
function readRendered(now = Date.now()): void {
  for (const [page, when] of rendered) {
    const file = join(site, page);
    let bytes: Buffer;
    let stamp: string;
    try {
      ({ bytes, stamp } = read(file));
    } catch {
      if (now - when < MISSING_MS) continue;
      written.set(page, null);
      rendered.delete(page);
      changed = true;
      continue;
    }
    const known = pageFactsOf(bytes, true);
    facts.set(page, { stamp, facts: known });
    digests.set(page, known.digest);
    written.set(page, known.body >= 0 ? { path: page, bytes: known.size - known.body, language: known.language } : null);
    rendered.delete(page);
    changed = true;
  }
}

/** Indexes one shard into the cache, if its pages are still the bytes read (else it is left for the build). */
async function index(pages: string[]): Promise<void> {
  const unchanged = (): boolean => pages.every((page) => fileStamp(join(site, page)) === facts.get(page)?.stamp);
  if (!unchanged()) {
    // Read while Astro wrote it: read again, and the shard tried again if it still settles.
    for (const page of pages) {
      if (fileStamp(join(site, page)) === facts.get(page)?.stamp) continue;
      written.delete(page);
      rendered.set(page, Date.now());
    }
    tried.delete(pages.join('\n'));
    return;
  }
  shard++;
  const source = join(staging, `in-${shard}`);
  const output = join(staging, `out-${shard}`);
  try {
    mkdirSync(staging, { recursive: true });
    stagePages(site, source, pages);
    await runPagefind(['--site', source, '--output-path', output, '--silent'], staging, { idle: true });
    await writeFragmentsFile(output);
    if (!unchanged()) return;
    stored.push(cache.store(pages, output));
  } finally {
    rmSync(source, { recursive: true, force: true });
    rmSync(output, { recursive: true, force: true });
  }
}

function reply(): void {
  clearInterval(timer);
  // Every page rendered is read before the reply: the build's indexing then reads none of them again.
  readRendered(Infinity);
  parentPort!.postMessage({ facts: [...facts], stored, failure } satisfies EarlyIndexerReply);
  parentPort!.close();
}
