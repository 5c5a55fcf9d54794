/**
 * Pagefind 1.6's index files, read and written. Each is gzip, then the
 * signature `pagefind_dcd`, then JSON (fragments) or CBOR (metadata, word and
 * filter chunks), with the layouts of Pagefind's `index_metadata.rs`,
 * `index_words.rs` and `index_filter.rs`. The build merges the indexes of a
 * sharded site with them (merge-bundles.ts); the
 * `pagefind` package is pinned to the exact version whose layout this is.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { CborReader, CborWriter, decodeCbor, type Cbor } from './cbor.ts';

const SIGNATURE = Buffer.from('pagefind_dcd', 'latin1');

/** The Pagefind version whose index layout this module reads and writes (the `pagefind` package is pinned to it). */
export const PAGEFIND_FORMAT_VERSION = '1.6.0';

/**
 * Stops a build that would read or write another Pagefind's index: an
 * additive change of layout would otherwise be dropped without a word.
 */
export function checkPagefindVersion(version: string, where: string): void {
  if (version === PAGEFIND_FORMAT_VERSION) return;
  throw new Error(
    `Dossier merges search indexes in Pagefind ${PAGEFIND_FORMAT_VERSION}'s format, but ${where} is Pagefind ${version}. ` +
      `Install the pinned version (\`npm ci\`), or unset PAGEFIND_BINARY_PATH.`,
  );
}

/** A layout with more fields than this module knows: Pagefind's format changed under it. */
function unknownFields(what: string, found: number, known: number): Error {
  return new Error(
    `Pagefind's ${what} has ${found} fields where Pagefind ${PAGEFIND_FORMAT_VERSION} has ${known}: its index format changed, and Dossier cannot merge it.`,
  );
}
const gzipAsync = promisify(gzip);

/** A Pagefind file's payload: gunzipped, signature checked and removed. */
export function pagefindPayload(file: Uint8Array): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('Not a Pagefind index file');
  return raw.subarray(SIGNATURE.length);
}

/**
 * A payload as Pagefind writes it: the signature, then gzip, on libuv's thread
 * pool. At zlib's default level: the highest level costs far more time for
 * hardly fewer bytes, and the merged index is still no larger than
 * Pagefind's own (BENCHMARKS.md, "Why the code is as it is").
 */
export function pagefindFile(payload: Uint8Array): Promise<Buffer> {
  return gzipAsync(Buffer.concat([SIGNATURE, payload]), { level: 6 });
}

/**
 * Pagefind's `full_hash`: SHA-1, each byte in hexadecimal without padding
 * (`0a` is written `a`). File names and page ids are prefixes of it.
 */
export function pagefindHash(bytes: Uint8Array): string {
  let hash = '';
  for (const byte of createHash('sha1').update(bytes).digest()) hash += byte.toString(16);
  return hash;
}

/** A `fragment/*.pf_fragment` file, the part the build reads. */
export interface PagefindFragment {
  url: string;
  filters?: Record<string, string[]>;
}

/** The keys a 1.6 fragment has; any other is a change of format. */
const FRAGMENT_KEYS = new Set(['url', 'content', 'word_count', 'filters', 'meta', 'anchors', 'sub_results', 'language']);

export function readFragment(payload: Uint8Array): PagefindFragment {
  const fragment = JSON.parse(Buffer.from(payload).toString('utf8')) as Record<string, unknown>;
  const unknown = Object.keys(fragment).filter((key) => !FRAGMENT_KEYS.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `Pagefind's fragment has fields Pagefind ${PAGEFIND_FORMAT_VERSION} does not (${unknown.join(', ')}): its index format changed.`,
    );
  }
  return fragment as unknown as PagefindFragment;
}

/** `pagefind.<hash>.pf_meta`: `MetaIndex`. */
export interface PagefindMeta {
  version: string;
  /** In page-number order: the page id (`en_9584d5c`), its word count and its fragment group (`''`). */
  pages: { hash: string; wordCount: number; group: string }[];
  /** Word chunks in word order: first and last word (shortened) and file hash. */
  chunks: { from: string; to: string; hash: string }[];
  /** Filter chunks: the filter and its file hash. */
  filters: { name: string; hash: string }[];
  /** For each sort key, the page numbers in ascending order of the key. */
  sorts: { key: string; pages: number[] }[];
  /** Metadata fields, by id. */
  metaFields: string[];
}

export function readMeta(payload: Uint8Array): PagefindMeta {
  const decoded = decodeCbor(payload);
  if (!Array.isArray(decoded) || decoded.length < 5) throw new Error('Unexpected Pagefind metadata layout');
  if (decoded.length > 6) throw unknownFields('metadata', decoded.length, 6);
  const [version, pages, chunks, filters, sorts, metaFields] = decoded as [string, Cbor[][], Cbor[][], Cbor[][], Cbor[][], Cbor[]?];
  const widest = (rows: Cbor[][]): number => rows.reduce((most, row) => Math.max(most, row.length), 0);
  for (const [what, rows, known] of [
    ['page list', pages, 3],
    ['word-chunk list', chunks, 3],
    ['filter list', filters, 2],
    ['sort list', sorts, 2],
  ] as const) {
    if (widest(rows) > known) throw unknownFields(what, widest(rows), known);
  }
  return {
    version: String(version),
    pages: pages.map((page) => ({ hash: String(page[0]), wordCount: Number(page[1]), group: String(page[2] ?? '') })),
    chunks: chunks.map((chunk) => ({ from: String(chunk[0]), to: String(chunk[1]), hash: String(chunk[2]) })),
    filters: filters.map((filter) => ({ name: String(filter[0]), hash: String(filter[1]) })),
    sorts: sorts.map((sort) => ({ key: String(sort[0]), pages: (sort[1] as Cbor[]).map(Number) })),
    metaFields: (metaFields ?? []).map(String),
  };
}

export function encodeMeta(meta: PagefindMeta): Buffer {
  const out = new CborWriter();
  out.array(6).text(meta.version);
  out.array(meta.pages.length);
  for (const page of meta.pages) out.array(3).text(page.hash).uint(page.wordCount).text(page.group);
  out.array(meta.chunks.length);
  for (const chunk of meta.chunks) out.array(3).text(chunk.from).text(chunk.to).text(chunk.hash);
  out.array(meta.filters.length);
  for (const filter of meta.filters) out.array(2).text(filter.name).text(filter.hash);
  out.array(meta.sorts.length);
  for (const sort of meta.sorts) {
    out.array(2).text(sort.key).array(sort.pages.length);
    for (const page of sort.pages) out.uint(page);
  }
  out.array(meta.metaFields.length);
  for (const field of meta.metaFields) out.text(field);
  return out.finish();
}

/** A filter chunk, `FilterIndex`: each value with the page numbers that have it. */
export interface PagefindFilter {
  name: string;
  values: { value: string; pages: number[] }[];
}

export function readFilter(payload: Uint8Array): PagefindFilter {
  const decoded = decodeCbor(payload) as Cbor[];
  if (decoded.length > 2) throw unknownFields('filter chunk', decoded.length, 2);
  const [name, values] = decoded as [string, [string, number[]][]];
  return { name, values: values.map(([value, pages]) => ({ value, pages })) };
}

export function encodeFilter(filter: PagefindFilter): Buffer {
  const out = new CborWriter();
  out.array(2).text(filter.name).array(filter.values.length);
  for (const { value, pages } of filter.values) {
    out.array(2).text(value).array(pages.length);
    for (const page of pages) out.uint(page);
  }
  return out.finish();
}

/**
 * Code point order, which is the UTF-8 byte order Pagefind sorts words and
 * filter values in (JavaScript's `<` compares UTF-16 code units, which puts
 * U+E000–U+FFFF after the surrogate pairs of U+10000 and above).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

// ---------------------------------------------------------------------------------------------
// Word chunks, read as byte ranges: merging copies a word's postings as they are, but for
// the first page number of each shard's run (page numbers are delta-encoded).

/** A word's postings in one chunk: `[page delta, locations, meta locations]` each, one after another. */
export interface PostingRun {
  /** The chunk's bytes; the run is `bytes[start, end)`. */
  bytes: Uint8Array;
  start: number;
  end: number;
  count: number;
  /** The first posting: its page number (its delta from 0), array length, and where its locations start. */
  first: number;
  firstFields: number;
  firstRest: number;
  /** The last posting's page number. */
  last: number;
  /** Σ (locations + meta locations + 1), as Pagefind measures a chunk. */
  size: number;
  /** Some posting has meta locations (which name meta fields by id). */
  hasMeta: boolean;
}

export interface WordEntry {
  word: string;
  pages: PostingRun;
  variants: { form: string; pages: PostingRun }[];
}

/** The words of a word chunk (`WordIndex`), in order. */
export function readWordChunk(payload: Uint8Array): WordEntry[] {
  const reader = new CborReader(payload);
  reader.expectArray();
  const count = reader.expectArray();
  const words: WordEntry[] = [];
  for (let i = 0; i < count; i++) {
    const fields = reader.expectArray();
    const word = reader.text();
    const pages = readPostings(reader);
    const variants: WordEntry['variants'] = [];
    if (fields >= 3) {
      for (let v = reader.expectArray(); v > 0; v--) {
        reader.expectArray();
        variants.push({ form: reader.text(), pages: readPostings(reader) });
      }
    }
    for (let extra = fields - 3; extra > 0; extra--) reader.skip();
    words.push({ word, pages, variants });
  }
  return words;
}

function readPostings(reader: CborReader): PostingRun {
  const count = reader.expectArray();
  const run: PostingRun = {
    bytes: reader.bytes,
    start: reader.offset,
    end: reader.offset,
    count,
    first: 0,
    firstFields: 0,
    firstRest: 0,
    last: 0,
    size: 0,
    hasMeta: false,
  };
  for (let i = 0; i < count; i++) {
    const fields = reader.expectArray();
    run.last += reader.uint();
    if (i === 0) {
      run.first = run.last;
      run.firstFields = fields;
      run.firstRest = reader.offset;
    }
    const locations = reader.expectArray();
    for (let l = 0; l < locations; l++) reader.skip();
    run.size += locations + 1;
    if (fields >= 3) {
      const meta = reader.expectArray();
      for (let l = 0; l < meta; l++) reader.skip();
      run.size += meta;
      if (meta > 0) run.hasMeta = true;
    }
    for (let extra = fields - 3; extra > 0; extra--) reader.skip();
  }
  run.end = reader.offset;
  return run;
}

/** The postings of a run one by one, for the rare merge that must renumber meta fields. */
export function readPostingRun(run: PostingRun): { delta: number; fields: number; locations: Uint8Array; metaLocations: number[] }[] {
  const reader = new CborReader(run.bytes);
  reader.offset = run.start;
  return Array.from({ length: run.count }, () => {
    const fields = reader.expectArray();
    const delta = reader.uint();
    const start = reader.offset;
    reader.skip();
    const locations = run.bytes.subarray(start, reader.offset);
    const metaLocations = fields >= 3 ? Array.from({ length: reader.expectArray() }, () => reader.int()) : [];
    for (let extra = fields - 3; extra > 0; extra--) reader.skip();
    return { delta, fields, locations, metaLocations };
  });
}
