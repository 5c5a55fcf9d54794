/**
 * Runs one ingest in a worker thread (see run-ingest-in-worker.ts): the
 * options arrive as workerData; each diagnostic, progress step and the
 * summary go back as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runIngest, type IngestRunOptions } from '../run-ingest.ts';
import type { IngestWorkerMessage } from './run-ingest-in-worker.ts';

const post = (message: IngestWorkerMessage): void => parentPort!.postMessage(message);
const options = workerData as Omit<IngestRunOptions, 'onMessage' | 'onProgress'>;

const summary = await runIngest({
  ...options,
  onMessage: (message) => post({ kind: 'message', message }),
  onProgress: (done, total) => post({ kind: 'progress', done, total }),
});
// The summary repeats every diagnostic already sent: send only the counts.
post({ kind: 'done', summary: { ...summary, messages: [] } });
