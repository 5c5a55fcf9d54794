/** A worker of the prepare pool (prepare-pool.ts): bytes in, prepared document and diagnostics out. */
import { parentPort, workerData } from 'node:worker_threads';
import type { IngestOptions } from '../parse/ingest-document.ts';
import type { PrepareReply, PrepareRequest } from './prepare-pool.ts';
import { prepareDocument } from '../parse/prepare-document.ts';

const options = workerData as IngestOptions;
parentPort!.on('message', (batch: PrepareRequest[]) => {
  const replies: PrepareReply[] = batch.map(({ id, bytes, source }) => ({ id, ...prepareDocument(bytes, source, options) }));
  parentPort!.postMessage(replies);
});
