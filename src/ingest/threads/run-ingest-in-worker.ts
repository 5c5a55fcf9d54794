import { Worker } from 'node:worker_threads';
import type { DossierMessage } from '../message.ts';
import type { IngestRunOptions, IngestSummary } from '../run-ingest.ts';

/**
 * The ingest in a worker thread, for builds. Two reasons: a build can start
 * it before Astro has even loaded (scripts/build.ts), so that the two share
 * the machine's two cores; and the memory the ingest used (half a gigabyte
 * for 10,000 documents parsed anew) goes back to the system when the worker
 * ends, instead of staying in the heap of the process that goes on to build
 * the site.
 */
export type IngestWorkerMessage =
  | { kind: 'message'; message: DossierMessage }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; summary: IngestSummary };

export function runIngestInWorker({ onMessage, onProgress, ...options }: IngestRunOptions): Promise<IngestSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ingest-worker.ts', import.meta.url), { workerData: options });
    const messages: DossierMessage[] = [];
    let summary: IngestSummary | undefined;
    worker.on('message', (event: IngestWorkerMessage) => {
      if (event.kind === 'message') {
        messages.push(event.message);
        onMessage?.(event.message);
      } else if (event.kind === 'progress') onProgress?.(event.done, event.total);
      else summary = { ...event.summary, messages };
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (summary) resolve(summary);
      else reject(new Error(`The ingest worker stopped (exit code ${code}) before it finished`));
    });
  });
}
