/** A worker of the render pool (render-pool.ts): entry texts in, prepared entries out. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareEntry } from './prepare-entry.ts';
import type { RenderOptions } from './render-entry.ts';
import type { RenderReply, RenderRequest } from './render-pool.ts';

const options = workerData as RenderOptions;
parentPort!.on('message', (batch: RenderRequest[]) => {
  const replies: RenderReply[] = batch.map(({ id, text }) => ({ id, prepared: prepareEntry(text, options) }));
  parentPort!.postMessage(replies);
});
