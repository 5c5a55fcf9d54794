import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CborWriter } from './cbor.ts';
import {
  compareCodePoints,
  pagefindHash,
  pagefindPayload,
  readPostingRun,
  readWordChunk,
  type PagefindMeta,
  type PostingRun,
  type WordEntry,
} from './pagefind-format.ts';
import { uniqueName, type Part, type Writes } from './merge-parts.ts';
import { MinHeap } from '../../utils/min-heap.ts';

/** Pagefind's word chunk size: postings counted as in `chunk_index` (index/mod.rs). */
const CHUNK_SIZE = 20000;

/** Reads one shard's words in order, a chunk at a time. */
class WordCursor {
  readonly part: Part;
  /** The shard's place in the merge: of two cursors on one word, the earlier shard's postings go first. */
  readonly order: number;
  #chunk = 0;
  #words: WordEntry[] = [];
  #index = 0;

  constructor(part: Part, order: number) {
    this.part = part;
    this.order = order;
  }

  get current(): WordEntry | undefined {
    return this.#words[this.#index];
  }

  /** Moves to the next word. */
  next(): void {
    this.#index++;
    while (this.#index >= this.#words.length && this.#chunk < this.part.meta.chunks.length) {
      const { hash } = this.part.meta.chunks[this.#chunk++]!;
      // Synchronously: a merge reads over a thousand small chunks one after another, and each
      // asynchronous read would wait for a round trip through the thread pool.
      this.#words = readWordChunk(pagefindPayload(readFileSync(join(this.part.dir, 'index', `${hash}.pf_index`))));
      this.#index = 0;
    }
  }
}

export async function mergeWords(
  language: string,
  parts: readonly Part[],
  output: string,
  writes: Writes,
): Promise<PagefindMeta['chunks']> {
  const cursors = parts.map((part, order) => new WordCursor(part, order));
  for (const cursor of cursors) cursor.next();
  // The next word in O(log shards), ties in shard order: a merge may take thousands of shards.
  const byWord = new MinHeap<WordCursor>(
    (a, b) => {
      const order = compareCodePoints(a.current!.word, b.current!.word);
      return order < 0 || (order === 0 && a.order < b.order);
    },
    cursors.filter((cursor) => cursor.current),
  );

  const chunks: PagefindMeta['chunks'] = [];
  const names = new Set<string>();
  // Reused chunk after chunk: `finish()` copies out what was written.
  const body = new CborWriter();
  const head = new CborWriter();
  let words = 0;
  let size = 0;
  let first = '';
  let last = '';
  const cut = (): void => {
    const payload = Buffer.concat([head.array(1).array(words).finish(), body.finish()]);
    const hash = uniqueName(`${language}_${pagefindHash(payload)}`, language.length + 8, names);
    chunks.push({ from: first, to: last, hash });
    writes.add(join(output, 'index', `${hash}.pf_index`), payload);
    words = size = 0;
  };

  while (byWord.size > 0) {
    const word = byWord.peek()!.current!.word;
    const holders: WordCursor[] = [];
    while (byWord.peek()?.current!.word === word) holders.push(byWord.pop()!);
    size += writeWord(
      body,
      word,
      holders.map((cursor) => ({ entry: cursor.current!, part: cursor.part })),
    );
    if (words === 0) first = word;
    last = word;
    words++;
    if (size >= CHUNK_SIZE) {
      cut();
      await writes.room();
    }
    for (const cursor of holders) {
      cursor.next();
      if (cursor.current) byWord.push(cursor);
    }
  }
  if (words > 0) cut();
  return shortenChunkBounds(chunks);
}

/** One merged word: `[word, postings, variants]`. Returns its size as Pagefind counts it. */
function writeWord(out: CborWriter, word: string, holders: { entry: WordEntry; part: Part }[]): number {
  let size = 0;
  out
    .array(3)
    .text(word)
    .array(holders.reduce((sum, { entry }) => sum + entry.pages.count, 0));
  let last = 0;
  for (const { entry, part } of holders) {
    last = writeRun(out, entry.pages, part, last);
    size += entry.pages.size;
  }
  const variants = new Map<string, { run: PostingRun; part: Part }[]>();
  for (const { entry, part } of holders) {
    for (const variant of entry.variants) {
      const runs = variants.get(variant.form) ?? [];
      variants.set(variant.form, runs);
      runs.push({ run: variant.pages, part });
    }
  }
  out.array(variants.size);
  for (const [form, runs] of variants) {
    out
      .array(2)
      .text(form)
      .array(runs.reduce((sum, { run }) => sum + run.count, 0));
    let lastVariant = 0;
    for (const { run, part } of runs) {
      lastVariant = writeRun(out, run, part, lastVariant);
      size += run.size;
    }
    size += 1;
  }
  return size;
}

/**
 * A shard's postings of a word after the previous shards' (`last`: the last
 * page number written): the bytes as they are, but for the first page delta.
 * Returns the last page number.
 */
function writeRun(out: CborWriter, run: PostingRun, part: Part, last: number): number {
  if (run.count === 0) return last;
  const delta = part.offset + run.first - last;
  if (part.fields && run.hasMeta) {
    // Meta locations name fields by id, and this shard numbers them differently.
    let page = part.offset;
    let previous = last;
    for (const posting of readPostingRun(run)) {
      page += posting.delta;
      out
        .array(3)
        .uint(page - previous)
        .raw(posting.locations)
        .array(posting.metaLocations.length);
      for (const value of posting.metaLocations) out.int(value < 0 ? -(part.fields[-value - 1]! + 1) : value);
      previous = page;
    }
  } else if (delta === run.first) {
    out.raw(run.bytes.subarray(run.start, run.end));
  } else {
    out.array(run.firstFields).uint(delta).raw(run.bytes.subarray(run.firstRest, run.end));
  }
  return part.offset + run.last;
}

/** Pagefind's `chunk_meta`: each chunk's bounds shortened to the prefixes that tell it from its neighbours. */
export function shortenChunkBounds(chunks: PagefindMeta['chunks']): PagefindMeta['chunks'] {
  for (let i = 0; i + 1 < chunks.length; i++) {
    const current = chunks[i]!;
    const next = chunks[i + 1]!;
    const a = Array.from(current.to);
    const b = Array.from(next.from);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    if (compareCodePoints(to, current.from) >= 0) current.to = to;
    next.from = b.slice(0, common + 1).join('');
  }
  return chunks;
}
