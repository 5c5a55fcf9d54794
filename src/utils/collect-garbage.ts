import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection that also returns the freed memory to the system, for a process about to
 * sit idle beside children that need the memory: idle, V8 would keep its garbage for many
 * seconds, and the build's peak would be that garbage plus the children (measured with
 * `node scripts/bench/build-timeline.ts` and in `npm run bench:partitions`, BENCHMARKS.md).
 * `last-resort` is the collection that also releases memory; `gc()` is hidden unless the flag
 * is set, hence the flag.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (options: object) => void)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
