import { Worker } from 'node:worker_threads';
import type { IngestOptions } from '../parse/ingest-document.ts';
import type { DossierMessage } from '../message.ts';
import { prepareDocument, type PreparedDocument } from '../parse/prepare-document.ts';

/**
 * Prepares documents (prepare-document.ts) on worker threads, one per core,
 * for ingests with many documents to parse: parsing is the ingest's work, and
 * documents are independent. Documents travel in batches, so that a message
 * carries tens of documents rather than one; a prepared document is its
 * frontmatter and its MDX text, cheap to copy back.
 */
export interface PrepareRequest {
  id: number;
  bytes: Uint8Array;
  source: string;
}
export interface PrepareReply {
  id: number;
  prepared?: PreparedDocument;
  messages: DossierMessage[];
}
type Prepared = Omit<PrepareReply, 'id'>;

export interface PreparePool {
  prepare(bytes: Uint8Array, source: string): Promise<Prepared>;
  close(): Promise<void>;
}

const BATCH = 32;

export function preparePool(options: IngestOptions, size: number): PreparePool {
  const waiting = new Map<number, { resolve: (result: Prepared) => void; reject: (error: unknown) => void }>();
  // Once a thread has failed, every document fails with it, rather than wait for a thread that is gone.
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: options });
    worker.on('message', (replies: PrepareReply[]) => {
      for (const { id, ...result } of replies) {
        waiting.get(id)?.resolve(result);
        waiting.delete(id);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A parsing thread stopped (exit code ${code})`)));
    return worker;
  });
  let batch: PrepareRequest[] = [];
  let nextId = 0;
  let turn = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (batch.length === 0) return;
    workers[turn++ % workers.length]!.postMessage(batch);
    batch = [];
  };
  return {
    prepare(bytes, source) {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      const result = new Promise<Prepared>((resolve, reject) => waiting.set(id, { resolve, reject }));
      // Documents in flight may fail before the ingest awaits them, or never be awaited once one has failed.
      result.catch(() => undefined);
      batch.push({ id, bytes, source });
      if (batch.length >= BATCH) flush();
      else if (!scheduled) {
        // A part-filled batch goes once the caller stops adding (the ingest awaits a read).
        scheduled = true;
        setImmediate(flush);
      }
      return result;
    },
    async close() {
      flush();
      failure ??= new Error('The parsing threads were closed');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** In this thread: for ingests with few documents to parse, where starting workers would cost more. */
export function prepareHere(options: IngestOptions): PreparePool {
  return {
    prepare: (bytes, source) => Promise.resolve(prepareDocument(bytes, source, options)),
    close: () => Promise.resolve(),
  };
}
