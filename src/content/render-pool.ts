import { batchPool } from '../utils/batch-pool.ts';
import { prepareEntry, type PreparedEntry } from './prepare-entry.ts';
import type { RenderOptions } from './render-entry.ts';

/**
 * Prepares entries (prepare-entry.ts: YAML read, body rendered) on worker threads, one per core,
 * while the loader's thread reads the files and hands Astro what they made: on a first build, the
 * content sync was one thread's work while the other cores waited.
 */
export interface RenderPool {
  prepare(text: string): Promise<PreparedEntry>;
  close(): Promise<void>;
}

export function renderPool(options: RenderOptions, threads: number): RenderPool {
  const pool = batchPool<string, PreparedEntry>({
    script: new URL('./render-worker.ts', import.meta.url),
    workerData: options,
    threads,
    batch: 16,
    name: 'entry-rendering',
  });
  return { prepare: (text) => pool.run(text), close: () => pool.close() };
}

/** In this thread: for a few entries, where starting workers would cost more than they save. */
export function renderHere(options: RenderOptions): RenderPool {
  return {
    prepare: (text) => Promise.resolve(prepareEntry(text, options)),
    close: () => Promise.resolve(),
  };
}
