import { Worker } from 'node:worker_threads';
import type { FragmentsReply, FragmentsRequest } from './fragments-worker.ts';
import { writeFragmentsFile } from './merge-bundles.ts';

/**
 * Writes shards' fragments files (merge-bundles.ts, FRAGMENTS_FILE), one after another, on a worker
 * thread (`thread`: for as many pages as merge on one, `THREAD_PAGES`; in the build's large heap,
 * thousands of small gunzips were several times slower, BENCHMARKS.md) or this one.
 */
export interface FragmentsWriter {
  write(dir: string): Promise<void>;
  /** Ends the worker, if one was started. */
  close(): Promise<void>;
}

export function fragmentsWriter({ thread }: { thread: boolean }): FragmentsWriter {
  if (!thread) return { write: writeFragmentsFile, close: async () => undefined };
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const start = (): Worker => {
    const started = new Worker(new URL('./fragments-worker.ts', import.meta.url));
    started.on('message', ({ id, error }: FragmentsReply) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(error));
    });
    const fail = (error: Error): void => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      if (worker === started) worker = undefined;
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`The fragments worker stopped (exit code ${code})`)));
    return started;
  };
  return {
    write(dir) {
      worker ??= start();
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, dir } satisfies FragmentsRequest);
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
