import { Worker } from 'node:worker_threads';
import type { PagefindMeta } from './pagefind-format.ts';
import type { Part } from './merge-parts.ts';

/** One language's word chunks and filters to merge from its shards' parts into `output`. */
export interface MergeIndexRequest {
  language: string;
  parts: readonly Part[];
  output: string;
}

export type MergeIndexReply = { chunks: PagefindMeta['chunks']; filters: PagefindMeta['filters'] } | { error: string };

/** Merges one language's words and filters (merge-words.ts, merge-filters.ts) in a worker thread of its own. */
export function mergeIndexInWorker(
  request: MergeIndexRequest,
): Promise<{ chunks: PagefindMeta['chunks']; filters: PagefindMeta['filters'] }> {
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
