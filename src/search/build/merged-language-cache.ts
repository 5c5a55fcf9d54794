import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkOrCopySync } from '../../utils/link-or-copy.ts';
import { linkTree } from './shard-cache.ts';

/**
 * Each language's merged index (its word chunks, filters and metadata file), kept between builds
 * under a key made of its shards' indexes of that language. A rebuild after one edited document
 * merges again only the language of that document: the others' shards are all as they were, and
 * so is their merge. Merging the Korean words of the bench corpus was most of a rebuild's search
 * step (BENCHMARKS.md).
 *
 * Files go in and out as hard links, as the shard cache's do (shard-cache.ts), and for the same
 * reason they are safe: the merge writes new files and never writes one in place.
 */
export interface MergedLanguageCache {
  /** The key of a language merged from shards whose indexes of it are `metas` (their metadata's bytes), in order. */
  keyOf(language: string, metas: readonly Buffer[]): string;
  /** Links the kept merge into `output` and returns its metadata file's hash, if a build kept one. */
  restore(key: string, output: string): string | undefined;
  /** Keeps the merge whose files in `output` are `files` (relative paths). */
  store(key: string, output: string, files: readonly string[]): void;
  /** Removes every entry this build neither restored nor stored. */
  prune(): void;
  /** How many merges `restore` found. */
  readonly restored: number;
}

/** Bumped when what a kept merge means changes. */
const FORMAT = 1;
const META = /^pagefind\.(.+)\.pf_meta$/;

/** `version`: what else the merge depends on (Pagefind's version and the code that merges). */
export function mergedLanguageCache(dir: string, version: string): MergedLanguageCache {
  const used = new Set<string>();
  let restored = 0;
  return {
    get restored() {
      return restored;
    },
    keyOf(language, metas) {
      const hash = createHash('sha256').update(JSON.stringify([FORMAT, version, language, metas.length]));
      for (const meta of metas) hash.update(createHash('sha256').update(meta).digest());
      return hash.digest('hex').slice(0, 32);
    },
    restore(key, output) {
      used.add(key);
      const folder = join(dir, key);
      const meta = existsSync(folder) ? readdirSync(folder).find((name) => META.test(name)) : undefined;
      if (!meta) return undefined;
      linkTree(folder, output);
      restored++;
      return META.exec(meta)![1];
    },
    store(key, output, files) {
      used.add(key);
      const folder = join(dir, key);
      const partial = `${folder}.partial-${process.pid}`;
      rmSync(partial, { recursive: true, force: true });
      for (const file of files) {
        mkdirSync(dirname(join(partial, file)), { recursive: true });
        linkOrCopySync(join(output, file), join(partial, file));
      }
      rmSync(folder, { recursive: true, force: true });
      renameSync(partial, folder);
    },
    prune() {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}
