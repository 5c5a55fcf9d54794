/** A worker of the prepare pool (prepare-pool.ts): bytes in, prepared document and diagnostics out. */
import { workerData } from 'node:worker_threads';
import { serveBatches } from '../../utils/batch-pool.ts';
import type { IngestOptions } from '../parse/ingest-document.ts';
import { prepareDocument } from '../parse/prepare-document.ts';
import type { PrepareJob } from './prepare-pool.ts';

const options = workerData as IngestOptions;
serveBatches(({ bytes, source }: PrepareJob) => prepareDocument(bytes, source, options));
