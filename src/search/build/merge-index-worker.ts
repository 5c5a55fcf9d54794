import { parentPort, workerData } from 'node:worker_threads';
import { mergeIndexHere, type MergeIndexReply, type MergeIndexRequest } from './merge-index-thread.ts';

// In a thread of its own: the merge reads, gunzips and writes thousands of small chunks, and each
// buffer it allocates cost several times as much in the build's large heap (BENCHMARKS.md).
try {
  parentPort!.postMessage((await mergeIndexHere(workerData as MergeIndexRequest)) satisfies MergeIndexReply);
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies MergeIndexReply);
}
