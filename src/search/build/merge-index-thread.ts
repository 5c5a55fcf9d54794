import { Worker } from 'node:worker_threads';
import { mergeFilters } from './merge-filters.ts';
import { Writes, type Part } from './merge-parts.ts';
import { mergeWords } from './merge-words.ts';
import type { PagefindMeta } from './pagefind-format.ts';

/** One language's word chunks and filters to merge from its shards' parts into `output`. */
export interface MergeIndexRequest {
  language: string;
  parts: readonly Part[];
  output: string;
}

export type MergedIndex = { chunks: PagefindMeta['chunks']; filters: PagefindMeta['filters'] };
export type MergeIndexReply = MergedIndex | { error: string };

/**
 * A language of this many pages or more is merged on a thread of its own, and the fragments files of
 * this many new pages are written on one (fragments-writer.ts). In the build's large heap, every
 * buffer the merge allocates costs more, and languages merge at once; less work is done on the
 * calling thread, where it takes less than a thread takes to start (BENCHMARKS.md).
 */
export const THREAD_PAGES = 2000;

/** Merges one language's words and filters (merge-words.ts, merge-filters.ts), on a thread of its own if it is large. */
export function mergeIndex(request: MergeIndexRequest, threadPages = THREAD_PAGES): Promise<MergedIndex> {
  const pages = request.parts.reduce((sum, part) => sum + part.meta.pages.length, 0);
  return pages >= threadPages ? mergeIndexInWorker(request) : mergeIndexHere(request);
}

/** Merges on this thread; every write has settled when it returns or throws. */
export async function mergeIndexHere({ language, parts, output }: MergeIndexRequest): Promise<MergedIndex> {
  const writes = new Writes();
  try {
    const chunks = await mergeWords(language, parts, output, writes);
    const filters = await mergeFilters(language, parts, output, writes);
    await writes.done();
    return { chunks, filters };
  } catch (error) {
    // Every write settled first, so that nothing is written into the bundle once the merge has failed.
    await writes.done().catch(() => undefined);
    throw error;
  }
}

function mergeIndexInWorker(request: MergeIndexRequest): Promise<MergedIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./merge-index-worker.ts', import.meta.url), { workerData: request });
    let reply: MergeIndexReply | undefined;
    worker.on('message', (message: MergeIndexReply) => (reply = message));
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (reply === undefined) reject(new Error(`Merging the ${request.language} search index stopped (exit code ${code})`));
      else if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply);
    });
  });
}
