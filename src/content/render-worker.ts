/** A worker of the render pool (render-pool.ts): entry texts in, prepared entries out. */
import { workerData } from 'node:worker_threads';
import { serveBatches } from '../utils/batch-pool.ts';
import { prepareEntry } from './prepare-entry.ts';
import type { RenderOptions } from './render-entry.ts';

const options = workerData as RenderOptions;
serveBatches((text: string) => prepareEntry(text, options));
