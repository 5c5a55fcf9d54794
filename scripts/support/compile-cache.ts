// Node's compile cache (`module.enableCompileCache`): each module's TypeScript with its types
// stripped, and V8's compiled code for it, kept on disk between runs. A build loads Astro, Vite and
// our modules in its main thread and again in each of its worker threads; with the cache, each of
// those loads skips stripping the types of our modules, about half of their load time (BENCHMARKS.md,
// "Node's compile cache").
// Node checks every entry against the file's bytes and its own version, and writes entries whole
// (a temporary file, then a rename), so a stale or torn entry is recompiled, never run.
//
// Imported first by the command lines that build: only modules loaded after it are cached, and
// worker threads take the cache from the environment, not from the thread that starts them.
import { readdirSync, rmSync } from 'node:fs';
import { constants, enableCompileCache } from 'node:module';
import { join, resolve } from 'node:path';

/** The conventional place for a tool's cache, inside the project's `node_modules`. */
const DEFAULT_DIR = resolve(import.meta.dirname, '../../node_modules/.cache/dossier-compile');
/**
 * Node never removes an entry, and every build adds two that no later build reads (Astro loads its
 * configuration under a new URL each time, and the bundle's entry has a new name); a project's
 * modules, Astro's and Vite's make about 3,000. Past this many, the cache starts again.
 */
const MAX_ENTRIES = 10_000;

if (process.env.NODE_COMPILE_CACHE === undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
  startAgainIfFull(DEFAULT_DIR, MAX_ENTRIES);
  const { status } = enableCompileCache(DEFAULT_DIR);
  // A cache that cannot be written (a read-only install) costs nothing but the speed-up.
  if (status === constants.compileCacheStatus.ENABLED) process.env.NODE_COMPILE_CACHE = DEFAULT_DIR;
}

/** Removes the cache if it holds more than `max` files, over the folders Node makes for each of its versions. */
export function startAgainIfFull(dir: string, max: number): void {
  let files = 0;
  try {
    for (const version of readdirSync(dir)) files += readdirSync(join(dir, version)).length;
  } catch {
    return;
  }
  if (files > max) rmSync(dir, { recursive: true, force: true });
}
