import { Worker } from 'node:worker_threads';
import type { PageFacts } from './page-facts.ts';
import type { ShardBudget } from './plan-shards.ts';

/**
 * Indexes search shards while the pages render, on the core that rendering leaves idle.
 *
 * Astro renders pages on one thread; search then needs Pagefind's runs, tens of seconds on two
 * cores at 10,000 documents (BENCHMARKS.md). The build's prerenderer says which pages it will write
 * and which it has rendered (render-progress.ts); a worker thread reads them, and each shard of the
 * final plan that they already settle (settled-shards.ts) is indexed by Pagefind at a lower
 * priority than rendering and kept in the shard cache, where the build's indexing finds it by its
 * pages and bytes (index-site.ts). A guess that the final plan proves wrong costs only its work:
 * the build's indexing looks up nothing but the shards it plans, and prunes the rest. Where there
 * is no core to spare, it only reads the pages as they are written, which the build's indexing
 * would otherwise do after the last one.
 */
export interface EarlyIndexer {
  /** The pages the build will write: files relative to the site. */
  expect(pages: readonly string[]): void;
  /** A page rendered: its file is being written. */
  rendered(page: string): void;
  /** Starts no more shards; resolves when the one running ends, with what the indexer learnt. */
  finish(): Promise<EarlyIndexResult>;
}

export interface EarlyIndexerOptions {
  /** The site being written. */
  site: string;
  /** The shard cache. */
  cacheDir: string;
  /** A folder of its own for Pagefind's input and output. */
  staging: string;
  budget: ShardBudget;
  /** Whether it indexes shards, or only reads the pages (the build's indexing then reads none of them). */
  shards: boolean;
}

export interface EarlyIndexResult {
  /** What was read of each page, with the stamp of the file it was read from. */
  facts: Map<string, EarlyPage>;
  /** The cache folders of the shards it indexed. */
  stored: Set<string>;
  /** Why it stopped early, if it did: the build's indexing then does the rest, and says why if it fails too. */
  failure?: string;
}

export interface EarlyPage {
  stamp: string;
  facts: PageFacts;
}

export type EarlyIndexerRequest = EarlyIndexerOptions;
export type EarlyIndexerMessage = { type: 'expect'; pages: readonly string[] } | { type: 'rendered'; pages: string[] } | { type: 'finish' };
export interface EarlyIndexerReply {
  facts: [string, EarlyPage][];
  stored: string[];
  failure?: string;
}

/** Rendered pages are told to the worker in batches, at most this long after they render. */
const BATCH_MS = 100;

export function earlyIndexer(options: EarlyIndexerOptions): EarlyIndexer {
  const worker = new Worker(new URL('./early-index-worker.ts', import.meta.url), { workerData: options satisfies EarlyIndexerRequest });
  // It never keeps a build's process alive: a build that fails leaves it behind.
  worker.unref();
  const send = (message: EarlyIndexerMessage): void => worker.postMessage(message);
  let batch: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length > 0) send({ type: 'rendered', pages: batch });
    batch = [];
  };
  const reply = new Promise<EarlyIndexResult>((resolve) => {
    const stopped = (failure: string): void => resolve({ facts: new Map(), stored: new Set(), failure });
    worker.on('message', (message: EarlyIndexerReply) =>
      resolve({ facts: new Map(message.facts), stored: new Set(message.stored), failure: message.failure }),
    );
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`its thread stopped (exit code ${code})`));
  });
  return {
    expect(pages) {
      send({ type: 'expect', pages });
    },
    rendered(page) {
      batch.push(page);
      timer ??= setTimeout(flush, BATCH_MS);
    },
    async finish() {
      worker.ref();
      flush();
      send({ type: 'finish' });
      return reply;
    },
  };
}
