import { parentPort, workerData } from 'node:worker_threads';
import { mergeFilters } from './merge-filters.ts';
import { Writes } from './merge-parts.ts';
import { mergeWords } from './merge-words.ts';
import type { MergeIndexReply, MergeIndexRequest } from './merge-index-thread.ts';

// In a thread of its own: the merge reads, gunzips and writes thousands of small chunks, and each
// buffer it allocates cost several times as much in the build's large heap (BENCHMARKS.md).
const { language, parts, output } = workerData as MergeIndexRequest;
const writes = new Writes();
try {
  const chunks = await mergeWords(language, parts, output, writes);
  const filters = await mergeFilters(language, parts, output, writes);
  await writes.done();
  parentPort!.postMessage({ chunks, filters } satisfies MergeIndexReply);
} catch (error) {
  // Every write settled first, so that nothing is written into the bundle once the merge has failed.
  await writes.done().catch(() => undefined);
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies MergeIndexReply);
}
