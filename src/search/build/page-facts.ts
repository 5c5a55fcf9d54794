import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { stampPredates } from '../../utils/file-stamp.ts';

/** What indexing needs to know of a page, read from its bytes. */
export interface PageFacts {
  /** `<html lang>`, lowercased; `unknown` without one. */
  language: string;
  /** Offset of its `data-pagefind-body` attribute, or -1. */
  body: number;
  /** Its size in bytes. */
  size: number;
  /** SHA-256 of its bytes (shard-cache.ts's `pageDigest`). */
  digest: string;
}

/**
 * Each page's facts, kept between builds by its file stamp (size, inode, modification time), as
 * the content layer keeps entries: a rebuild finds most pages where the last build left them
 * (published-pages.ts links them), and a page whose stamp is unchanged is not read again. A stamp
 * taken less than two seconds before the facts were saved is not trusted (file-stamp.ts).
 */
export interface PageFactsCache {
  get(path: string, stamp: string | undefined): PageFacts | undefined;
  set(path: string, stamp: string | undefined, facts: PageFacts): void;
  /** Whether any page's facts were kept: without, there is no stamp worth taking before a page is read. */
  readonly empty: boolean;
  /** Writes the facts of the pages set in this build, and only those. */
  save(): void;
}

type Stored = [stamp: string, language: string, body: number, size: number, digest: string];

interface FactsFile {
  version: string;
  /** When the facts were taken (ms): stamps from before it, by a margin, stand for their bytes. */
  since: number;
  pages: Record<string, Stored>;
}

/** The cache in `file`, dropped when `version` (the code that reads pages) differs. */
export function pageFactsCache(file: string, version: string): PageFactsCache {
  const since = Date.now();
  let kept: FactsFile | undefined;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as FactsFile;
    if (kept.version !== version) kept = undefined;
  } catch {
    kept = undefined;
  }
  const next: Record<string, Stored> = {};
  return {
    empty: kept === undefined,
    get(path, stamp) {
      const stored = kept?.pages[path];
      if (!stamp || !stored || stored[0] !== stamp || !stampPredates(stamp, kept!.since)) return undefined;
      next[path] = stored;
      return { language: stored[1], body: stored[2], size: stored[3], digest: stored[4] };
    },
    set(path, stamp, facts) {
      if (stamp) next[path] = [stamp, facts.language, facts.body, facts.size, facts.digest];
    },
    save() {
      const partial = `${file}.partial-${process.pid}`;
      writeFileSync(partial, JSON.stringify({ version, since, pages: next } satisfies FactsFile));
      renameSync(partial, file);
    },
  };
}
