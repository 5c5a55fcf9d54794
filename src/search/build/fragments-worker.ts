import { parentPort } from 'node:worker_threads';
import { writeFragmentsFile } from './merge-bundles.ts';

/** A request: write the fragments file of the shard bundle in `dir`. */
export interface FragmentsRequest {
  id: number;
  dir: string;
}

export interface FragmentsReply {
  id: number;
  error?: string;
}

// Off the main thread, whose large heap made each of thousands of small gunzips several times
// slower than in a thread of its own (BENCHMARKS.md), while Pagefind indexes the next shards.
parentPort!.on('message', ({ id, dir }: FragmentsRequest) => {
  writeFragmentsFile(dir).then(
    () => parentPort!.postMessage({ id } satisfies FragmentsReply),
    (error: unknown) =>
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FragmentsReply),
  );
});
