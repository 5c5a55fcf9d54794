import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DossierMessage } from './message.ts';
import { codeVersion } from '../utils/code-version.ts';

/** What the last ingest learned of one document, to skip parsing it when its bytes are the same. */
export interface CachedDocument {
  /** SHA-256 of the document's bytes. */
  hash: string;
  /** The document's size and modification time when it was read (file-stamp.ts): unchanged, it is not read again. */
  stamp?: string;
  /** The entry's size and modification time once written: unchanged, it is not read again either. */
  entryStamp?: string;
  title: string;
  /** The slug its frontmatter asks for. */
  slug?: string;
  /** The date it says it was updated. */
  updated?: string;
  /** File name of its entry. */
  entry: string;
  /** Its entry's section, size in bytes and SHA-256: the entry index (run-ingest.ts) lists them. */
  section: string[];
  bytes: number;
  entryHash: string;
  /** Its diagnostics, reported again on every run so that `--strict` keeps failing. */
  messages: DossierMessage[];
}

const CACHE_FILE = '.dossier-ingest-cache.json';

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * A version of the ingest: its code, the entry schema it writes to, the
 * helpers it shares, the exact versions of its libraries (the lockfile), and
 * its options. A cache written by another version is ignored, so a change to
 * the parser or a dependency re-parses every document.
 */
export async function ingestVersion(options: unknown): Promise<string> {
  return codeVersion(['src/ingest', 'src/utils', 'src/content/entry-schema.ts'], options);
}

export interface IngestCache {
  documents: Map<string, CachedDocument>;
  /** When the run that wrote it started (ms): stamps of documents changed since then are not trusted. */
  startedAt?: number;
}

export async function readIngestCache(entriesDir: string, version: string): Promise<IngestCache> {
  try {
    const cache = JSON.parse(await readFile(join(entriesDir, CACHE_FILE), 'utf8')) as {
      version: string;
      startedAt?: number;
      documents: Record<string, CachedDocument>;
    };
    return cache.version === version
      ? { documents: new Map(Object.entries(cache.documents)), startedAt: cache.startedAt }
      : { documents: new Map() };
  } catch {
    return { documents: new Map() };
  }
}

/** Written beside the entries, atomically like them. */
export async function writeIngestCache(entriesDir: string, version: string, cache: Required<IngestCache>): Promise<void> {
  const temporary = join(entriesDir, `.${CACHE_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify({ version, startedAt: cache.startedAt, documents: Object.fromEntries(cache.documents) }));
  await rename(temporary, join(entriesDir, CACHE_FILE));
}
