import { Worker } from 'node:worker_threads';

/**
 * A fixed set of worker threads that each run one task at a time; tasks wait
 * in order for a free worker. Messages are `{ id, … }` both ways.
 */
export function createWorkerPool<Task extends { id: number }, Result>(script: URL, size: number) {
  const idle: Worker[] = [];
  const queue: { task: Task; transfer: ArrayBuffer[] }[] = [];
  const pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();
  const busy = new Map<Worker, number>();

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { task, transfer } = queue.shift()!;
      busy.set(worker, task.id);
      worker.postMessage(task, transfer);
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(script);
    worker.on('message', (message: Result & { id: number }) => {
      busy.delete(worker);
      pending.get(message.id)?.resolve(message);
      pending.delete(message.id);
      idle.push(worker);
      dispatch();
    });
    // A worker that fails or dies fails its task rather than leaving it waiting forever.
    const fail = (error: Error): void => {
      const id = busy.get(worker);
      if (id === undefined) return;
      busy.delete(worker);
      pending.get(id)?.reject(error);
      pending.delete(id);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`An ingest worker stopped (exit code ${code})`)));
    idle.push(worker);
  }

  return {
    run(task: Task, transfer: ArrayBuffer[] = []): Promise<Result> {
      return new Promise((resolve, reject) => {
        pending.set(task.id, { resolve, reject });
        queue.push({ task, transfer });
        dispatch();
      });
    },
    async close(): Promise<void> {
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
