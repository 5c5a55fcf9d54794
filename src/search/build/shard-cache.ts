import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeVersion } from '../../utils/code-version.ts';
import { linkOrCopySync } from '../../utils/link-or-copy.ts';

/**
 * Each shard's Pagefind output, kept between builds under a key made of its
 * pages' paths and bytes and Pagefind's version. A rebuild after one edited
 * document indexes that document's shard again and copies the others back
 * (shards are cut at boundaries that depend on paths only, plan-shards.ts).
 *
 * Files go in and out as hard links, not copies: a large site's shards are
 * thousands of small files, and copying them cost seconds where linking costs
 * a fraction of one (BENCHMARKS.md, "Why the code is as it is"). Nothing in the build writes an index file in place
 * (Pagefind and the merge write new files and rename them), and a build
 * removes the last bundle before writing the next, so the site and the cache
 * never change each other's files; a post-processing step that rewrote
 * `dist/pagefind/` files in place would, and should copy them first.
 */
export interface ShardCache {
  /** The folder holding the output for exactly these pages, if a build made it. */
  lookup(pages: readonly string[]): string | undefined;
  /** Keeps `output`, the index of these pages; returns the folder that keeps it. */
  store(pages: readonly string[], output: string): string;
  /** Removes every entry this build neither looked up nor stored. */
  prune(): void;
}

/** Bumped when what a shard's output means changes. */
const FORMAT = 1;

export function shardCache(dir: string, digests: ReadonlyMap<string, string>, pagefindVersion: string): ShardCache {
  const used = new Set<string>();
  const keyOf = (pages: readonly string[]): string =>
    createHash('sha256')
      .update(JSON.stringify([FORMAT, pagefindVersion, pages.map((page) => [page, digests.get(page)])]))
      .digest('hex')
      .slice(0, 32);
  return {
    lookup(pages) {
      const key = keyOf(pages);
      used.add(key);
      const folder = join(dir, key);
      return existsSync(join(folder, 'pagefind-entry.json')) ? folder : undefined;
    },
    store(pages, output) {
      const key = keyOf(pages);
      used.add(key);
      const folder = join(dir, key);
      const partial = `${folder}.partial-${process.pid}`;
      rmSync(partial, { recursive: true, force: true });
      linkTree(output, partial);
      rmSync(folder, { recursive: true, force: true });
      renameSync(partial, folder);
      return folder;
    },
    prune() {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}

/** Whether a build has kept any shard in `dir`. */
export function hasShards(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** SHA-256 of a page's bytes, for the cache key of its shard. */
export function pageDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** Links a folder's files into another (copies them where links fail: another file system). */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopySync(source, target);
  }
}

/**
 * The version of the Pagefind binary: its package's (`…/@pagefind/<platform>/bin/pagefind`), or,
 * for a binary outside a package (`PAGEFIND_BINARY_PATH`), what `--version` prints.
 */
export function pagefindVersion(binary: string): string {
  try {
    return (JSON.parse(readFileSync(join(dirname(binary), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    try {
      const printed = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
      return /(\d+\.\d+\.\d+\S*)/.exec(printed)?.[1] ?? printed.trim();
    } catch (error) {
      return `unknown (${(error as Error).message.split('\n')[0]})`;
    }
  }
}

/** The hash of the code that reads pages, runs Pagefind and merges: the caches of this folder are keyed by it. */
export function searchBuildCode(): string {
  return codeVersion(['src/search/build']);
}

/** What a kept index depends on besides its pages: Pagefind's version and that code. The build and the early indexer key shards by it alike. */
export function indexedWith(pagefind: string, code: string): string {
  return `${pagefind} ${code}`;
}
