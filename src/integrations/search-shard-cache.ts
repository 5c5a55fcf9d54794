import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Each shard's Pagefind output, kept between builds under a key made of its
 * pages' paths and bytes and Pagefind's version. A rebuild after one edited
 * document indexes that document's shard again and copies the others back
 * (shards are cut at boundaries that depend on paths only, search-shards.ts).
 * Entries are copied in and out, never linked: the built site is the
 * maintainer's to post-process, and must not share files with the cache.
 */
export interface ShardCache {
  /** The folder holding the output for exactly these pages, if a build made it. */
  lookup(pages: readonly string[]): string | undefined;
  /** Keeps a copy of `output`, the index of these pages. */
  store(pages: readonly string[], output: string): void;
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
      copyTree(output, partial);
      rmSync(folder, { recursive: true, force: true });
      renameSync(partial, folder);
    },
    prune() {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}

/** SHA-256 of a page's bytes, for the cache key of its shard. */
export function pageDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** Copies a folder's files (a copy-on-write clone where the file system offers one). */
export function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target, constants.COPYFILE_FICLONE);
  }
}

/** The version of the Pagefind package that holds `binary` (`…/@pagefind/<platform>/bin/pagefind`). */
export function pagefindVersion(binary: string): string {
  try {
    return (JSON.parse(readFileSync(join(dirname(binary), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return binary;
  }
}
