import { batchPool } from '../../utils/batch-pool.ts';
import type { IngestOptions } from '../parse/ingest-document.ts';
import type { DossierMessage } from '../message.ts';
import { prepareDocument, type PreparedDocument } from '../parse/prepare-document.ts';

/**
 * Prepares documents (prepare-document.ts) on worker threads, one per core,
 * for ingests with many documents to parse: parsing is the ingest's work, and
 * documents are independent. A prepared document is its frontmatter and its
 * MDX text, cheap to copy back.
 */
export interface PrepareJob {
  bytes: Uint8Array;
  source: string;
}
export interface Prepared {
  prepared?: PreparedDocument;
  messages: DossierMessage[];
}

export interface PreparePool {
  prepare(bytes: Uint8Array, source: string): Promise<Prepared>;
  close(): Promise<void>;
}

export function preparePool(options: IngestOptions, threads: number): PreparePool {
  const pool = batchPool<PrepareJob, Prepared>({
    script: new URL('./prepare-worker.ts', import.meta.url),
    workerData: options,
    threads,
    batch: 32,
    name: 'parsing',
  });
  return { prepare: (bytes, source) => pool.run({ bytes, source }), close: () => pool.close() };
}

/** In this thread: for ingests with few documents to parse, where starting workers would cost more. */
export function prepareHere(options: IngestOptions): PreparePool {
  return {
    prepare: (bytes, source) => Promise.resolve(prepareDocument(bytes, source, options)),
    close: () => Promise.resolve(),
  };
}
