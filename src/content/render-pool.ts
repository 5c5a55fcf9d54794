import { Worker } from 'node:worker_threads';
import { prepareEntry, type PreparedEntry } from './prepare-entry.ts';
import type { RenderOptions } from './render-entry.ts';

/**
 * Prepares entries (prepare-entry.ts: YAML read, body rendered) on worker threads, one per core,
 * while the loader's thread reads the files and hands Astro what they made: on a first build, the
 * content sync was one thread's work while the other cores waited. Entries travel in batches.
 */
export interface RenderPool {
  prepare(text: string): Promise<PreparedEntry>;
  close(): Promise<void>;
}

export interface RenderRequest {
  id: number;
  text: string;
}
export interface RenderReply {
  id: number;
  prepared: PreparedEntry;
}

const BATCH = 16;

export function renderPool(options: RenderOptions, size: number): RenderPool {
  const waiting = new Map<number, { resolve: (prepared: PreparedEntry) => void; reject: (error: unknown) => void }>();
  // Once a thread has failed, every entry fails with it, rather than wait for a thread that is gone.
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: options });
    worker.on('message', (replies: RenderReply[]) => {
      for (const { id, prepared } of replies) {
        waiting.get(id)?.resolve(prepared);
        waiting.delete(id);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`An entry-rendering thread stopped (exit code ${code})`)));
    return worker;
  });
  let batch: RenderRequest[] = [];
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
    prepare(text) {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      const prepared = new Promise<PreparedEntry>((resolve, reject) => waiting.set(id, { resolve, reject }));
      // Entries read ahead may fail before the loader awaits them, or never be awaited once one has failed.
      prepared.catch(() => undefined);
      batch.push({ id, text });
      if (batch.length >= BATCH) flush();
      else if (!scheduled) {
        // A part-filled batch goes once the caller stops adding.
        scheduled = true;
        setImmediate(flush);
      }
      return prepared;
    },
    async close() {
      flush();
      failure ??= new Error('The entry-rendering threads were closed');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** In this thread: for a few entries, where starting workers would cost more than they save. */
export function renderHere(options: RenderOptions): RenderPool {
  return {
    prepare: (text) => Promise.resolve(prepareEntry(text, options)),
    close: () => Promise.resolve(),
  };
}
