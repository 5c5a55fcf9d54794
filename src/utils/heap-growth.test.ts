import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { HEAP_GROWING_PERCENT } from './heap-growth.ts';

// What limiting the heap's growth does to a build's peak is measured, not tested: with a heap as
// large as a build's (BENCHMARKS.md). Here, the contract with V8: this Node knows the flag, and
// takes it at run time.

function stderrOf(source: string): string {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stderr;
}

test("this Node's V8 has the flag, and takes it at run time without a complaint", () => {
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  expect(options).toMatch(/--heap-growing-percent\b/);
  const module = JSON.stringify(pathToFileURL(join(import.meta.dirname, 'heap-growth.ts')).href);
  expect(stderrOf(`(await import(${module})).limitHeapGrowth();`)).toBe('');
  // V8 names a flag it does not know on standard error: the check above can fail.
  expect(stderrOf(`(await import('node:v8')).setFlagsFromString('--heap-growing-percents=${HEAP_GROWING_PERCENT}');`)).toMatch(
    /unrecognized flag/,
  );
});
