import { parentPort, Worker } from 'node:worker_threads';

/**
 * Independent jobs on worker threads, in batches, so that a message carries tens of jobs rather
 * than one. The worker module serves them with {@link serveBatches}.
 */
export interface BatchPool<Job, Result> {
  run(job: Job): Promise<Result>;
  /** Ends the threads; any job run after this fails. */
  close(): Promise<void>;
}

interface Sent<Job> {
  id: number;
  job: Job;
}
interface Returned<Result> {
  id: number;
  result: Result;
}

export interface BatchPoolOptions {
  /** The worker module, which calls `serveBatches`. */
  script: URL;
  workerData: unknown;
  threads: number;
  /** Jobs a message carries at most. */
  batch: number;
  /** What the threads do, for errors: `parsing`. */
  name: string;
}

export function batchPool<Job, Result>({ script, workerData, threads, batch: batchSize, name }: BatchPoolOptions): BatchPool<Job, Result> {
  const waiting = new Map<number, { resolve: (result: Result) => void; reject: (error: unknown) => void }>();
  // Once a thread has failed, every job fails with it, rather than wait for a thread that is gone.
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(script, { workerData });
    worker.on('message', (returned: Returned<Result>[]) => {
      for (const { id, result } of returned) {
        waiting.get(id)?.resolve(result);
        waiting.delete(id);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A ${name} thread stopped (exit code ${code})`)));
    return worker;
  });
  let batch: Sent<Job>[] = [];
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
    run(job) {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      const result = new Promise<Result>((resolve, reject) => waiting.set(id, { resolve, reject }));
      // Jobs sent ahead may fail before the caller awaits them, or never be awaited once one has failed.
      result.catch(() => undefined);
      batch.push({ id, job });
      if (batch.length >= batchSize) flush();
      else if (!scheduled) {
        // A part-filled batch goes once the caller stops adding (awaits a read, say).
        scheduled = true;
        setImmediate(flush);
      }
      return result;
    },
    async close() {
      flush();
      failure ??= new Error(`The ${name} threads were closed`);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** In a worker module of a {@link batchPool}: does each job of each batch with `work`. */
export function serveBatches<Job, Result>(work: (job: Job) => Result): void {
  parentPort!.on('message', (batch: Sent<Job>[]) => {
    parentPort!.postMessage(batch.map(({ id, job }): Returned<Result> => ({ id, result: work(job) })));
  });
}
