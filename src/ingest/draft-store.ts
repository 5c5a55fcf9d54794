import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { PreparedDocument } from './parse/prepare-document.ts';

/**
 * The prepared documents that wait for their slugs (run-ingest.ts), each its entry's text but the
 * slug, are most of what the ingest holds. Past `budget` characters of text in memory, the next
 * documents wait in one spill file instead, as JSON, written once and read back once when their
 * entry is written; only their title and slug stay, for the slugs. An archive of 10,000 documents
 * stays in memory; one of 100,000 no longer holds every document at once (BENCHMARKS.md,
 * "Building in partitions").
 */
export interface DraftStore {
  set(source: string, draft: PreparedDocument): void;
  /** The draft, whole, and the store lets it go. */
  take(source: string): PreparedDocument | undefined;
  keys(): string[];
  /** Each draft's source, title and the slug it asks for, texts left where they are. */
  titles(): Array<{ source: string; title: string; slug?: string }>;
  /** Drafts that went to the spill file. */
  readonly spilled: number;
  /** Closes and removes the spill file. */
  close(): void;
}

type Held = PreparedDocument | { title: string; slug?: string; at: number; length: number };

/**
 * `spillFile` is created only if a draft goes to it; a name that entry-files.ts's
 * `removeTemporaryFiles` matches lets the next run remove it if this one is killed.
 */
export function draftStore(spillFile: string, budget: number): DraftStore {
  const held = new Map<string, Held>();
  let inMemory = 0;
  let fd: number | undefined;
  let end = 0;
  let spilled = 0;

  return {
    set(source, draft) {
      const before = held.get(source);
      if (before && 'text' in before) inMemory -= before.text.length;
      if (inMemory + draft.text.length <= budget) {
        held.set(source, draft);
        inMemory += draft.text.length;
        return;
      }
      fd ??= openSync(spillFile, 'w+');
      const bytes = Buffer.from(JSON.stringify(draft));
      writeSync(fd, bytes, 0, bytes.length, end);
      held.set(source, {
        title: draft.title,
        ...(draft.slug !== undefined && { slug: draft.slug }),
        at: end,
        length: bytes.length,
      });
      end += bytes.length;
      spilled++;
    },
    take(source) {
      const draft = held.get(source);
      if (!draft) return undefined;
      held.delete(source);
      if ('text' in draft) {
        inMemory -= draft.text.length;
        return draft;
      }
      const { at, length } = draft;
      const bytes = Buffer.allocUnsafe(length);
      for (let read = 0; read < length;) {
        const got = readSync(fd!, bytes, read, length - read, at + read);
        if (got === 0) throw new Error(`The ingest's spill file ${spillFile} ended early`);
        read += got;
      }
      return JSON.parse(bytes.toString('utf8')) as PreparedDocument;
    },
    keys: () => [...held.keys()],
    titles: () => [...held].map(([source, draft]) => ({ source, title: draft.title, slug: draft.slug })),
    get spilled() {
      return spilled;
    },
    close() {
      if (fd === undefined) return;
      closeSync(fd);
      fd = undefined;
      rmSync(spillFile, { force: true });
    },
  };
}
