// Node's compile cache (`module.enableCompileCache`): each module's TypeScript with its types
// stripped, and V8's compiled code for it, kept on disk between runs. A build loads Astro, Vite and
// our modules in its main thread and again in each of its worker threads; with the cache, each of
// those loads skips the stripping and most of the compiling (BENCHMARKS.md, "Node's compile cache").
// Node checks every entry against the file's bytes and its own version, and writes entries whole
// (a temporary file, then a rename), so a stale or torn entry is recompiled, never run.
//
// Imported first by the command lines that build: only modules loaded after it are cached, and
// worker threads take the cache from the environment, not from the thread that starts them.
import { constants, enableCompileCache } from 'node:module';
import { resolve } from 'node:path';

/** The conventional place for a tool's cache, inside the project's `node_modules`. */
const DEFAULT_DIR = resolve(import.meta.dirname, '../../node_modules/.cache/dossier-compile');

if (process.env.NODE_COMPILE_CACHE === undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
  const { status } = enableCompileCache(DEFAULT_DIR);
  // A cache that cannot be written (a read-only install) costs nothing but the speed-up.
  if (status === constants.compileCacheStatus.ENABLED || status === constants.compileCacheStatus.ALREADY_ENABLED) {
    process.env.NODE_COMPILE_CACHE = DEFAULT_DIR;
  }
}
