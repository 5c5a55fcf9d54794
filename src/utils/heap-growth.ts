import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full collection kept, as a percentage.
 *
 * Left to itself, V8 on a machine with memory to spare lets the old generation grow to about four
 * times the heap that survived the last full collection before it collects again. A build's
 * rendering makes garbage at a steady rate, so its process grew by a gigabyte of it before the
 * first collection after the content sync (BENCHMARKS.md, "Peak memory"). Half again as much as
 * survived bounds that without bounding the heap: a build that needs more memory still gets it,
 * unlike with `--max-old-space-size`.
 */
export const HEAP_GROWING_PERCENT = 50;

/** For the whole process, workers included, from now on: the flag is read at each collection. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
