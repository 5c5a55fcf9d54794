// A worker thread of the ingest: parses documents the main thread has read.
import { parentPort } from 'node:worker_threads';
import type { IngestOptions } from './ingest-document.ts';
import { prepareDocument } from './prepare-document.ts';

export interface IngestTask {
  id: number;
  bytes: Uint8Array;
  source: string;
  options: IngestOptions;
}

parentPort?.on('message', ({ id, bytes, source, options }: IngestTask) => {
  parentPort!.postMessage({ id, ...prepareDocument(bytes, source, options) });
});
