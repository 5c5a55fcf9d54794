/**
 * Pagefind 1.6's index files, read and written. Each is gzip, then the
 * signature `pagefind_dcd`, then JSON (fragments) or CBOR (metadata, word and
 * filter chunks), with the layouts of Pagefind's `index_metadata.rs`,
 * `index_words.rs` and `index_filter.rs`. The build merges the indexes of a
 * sharded site with them (src/integrations/pagefind-merge.ts); the
 * `pagefind` package is pinned to the exact version whose layout this is.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';

const SIGNATURE = Buffer.from('pagefind_dcd', 'latin1');
const gzipAsync = promisify(gzip);

/** A Pagefind file's payload: gunzipped, signature checked and removed. */
export function pagefindPayload(file: Uint8Array): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('Not a Pagefind index file');
  return raw.subarray(SIGNATURE.length);
}

/**
 * A payload as Pagefind writes it: the signature, then gzip, on libuv's thread
 * pool. At zlib's default level: level 9 takes 2.4 times as long for 0.5 %
 * fewer bytes, and the merged index of the 10,000-document benchmark is still
 * smaller than Pagefind's own (29.5 MB against 29.9 MB).
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

export function readFragment(payload: Uint8Array): PagefindFragment {
  return JSON.parse(Buffer.from(payload).toString('utf8')) as PagefindFragment;
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
  const [version, pages, chunks, filters, sorts, metaFields] = decoded as [string, Cbor[][], Cbor[][], Cbor[][], Cbor[][], Cbor[]?];
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
  const [name, values] = decodeCbor(payload) as [string, [string, number[]][]];
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

// ---------------------------------------------------------------------------------------------
// CBOR (RFC 8949), the subset minicbor writes for Pagefind: definite lengths, shortest heads.

export type Cbor = number | string | Uint8Array | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class CborReader {
  readonly bytes: Uint8Array;
  offset = 0;
  readonly #view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Major type and argument of the last head read. */
  major = 0;
  info = 0;
  value = 0;

  /** Reads the next head into `major`, `info` and `value` (length, number or simple value). */
  head(): void {
    const bytes = this.bytes;
    if (this.offset >= bytes.length) throw new Error('Truncated CBOR');
    const initial = bytes[this.offset++]!;
    this.major = initial >> 5;
    const info = (this.info = initial & 0x1f);
    if (info < 24) {
      this.value = info;
      return;
    }
    const at = this.offset;
    switch (info) {
      case 24:
        this.offset += 1;
        this.value = bytes[at]!;
        return;
      case 25:
        this.offset += 2;
        this.value = (bytes[at]! << 8) | bytes[at + 1]!;
        return;
      case 26:
        this.offset += 4;
        this.value = this.#view.getUint32(at);
        return;
      case 27:
        this.offset += 8;
        this.value = Number(this.#view.getBigUint64(at));
        return;
      default:
        throw new Error(`Unsupported CBOR head ${initial.toString(16)} at byte ${at - 1}`);
    }
  }

  expectArray(): number {
    this.head();
    if (this.major !== 4) throw new Error(`Expected a CBOR array at byte ${this.offset}`);
    return this.value;
  }

  uint(): number {
    this.head();
    if (this.major !== 0) throw new Error(`Expected an unsigned CBOR integer at byte ${this.offset}`);
    return this.value;
  }

  int(): number {
    this.head();
    if (this.major === 0) return this.value;
    if (this.major === 1) return -1 - this.value;
    throw new Error(`Expected a CBOR integer at byte ${this.offset}`);
  }

  text(): string {
    this.head();
    if (this.major !== 3) throw new Error(`Expected a CBOR text string at byte ${this.offset}`);
    return utf8.decode(this.#take(this.value));
  }

  skip(): void {
    this.head();
    const { major, info, value } = this;
    if (major === 2 || major === 3) {
      this.offset += value;
      if (this.offset > this.bytes.length) throw new Error('Truncated CBOR');
    } else if (major === 4) for (let i = 0; i < value; i++) this.skip();
    else if (major === 5) for (let i = 0; i < value * 2; i++) this.skip();
    else if (major === 6) this.skip();
    else if (major === 7 && info === 31) throw new Error('Indefinite-length CBOR is not supported');
  }

  /** Any item, decoded. */
  item(): Cbor {
    this.head();
    const { major, info, value } = this;
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 2:
        return this.#take(value);
      case 3:
        return utf8.decode(this.#take(value));
      case 4:
        return Array.from({ length: value }, () => this.item());
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < value; i++) map.set(this.item(), this.item());
        return map;
      }
      case 6:
        return this.item();
      default:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info === 25) return float16(value);
        if (info === 26) {
          const view = new DataView(new ArrayBuffer(4));
          view.setUint32(0, value);
          return view.getFloat32(0);
        }
        if (info === 27) throw new Error('64-bit CBOR floats are not supported');
        throw new Error(`Unsupported CBOR simple value ${info}`);
    }
  }

  #take(length: number): Uint8Array {
    const chunk = this.bytes.subarray(this.offset, this.offset + length);
    if (chunk.length !== length) throw new Error('Truncated CBOR');
    this.offset += length;
    return chunk;
  }
}

export function decodeCbor(bytes: Uint8Array): Cbor {
  const reader = new CborReader(bytes);
  const value = reader.item();
  if (reader.offset !== bytes.length) throw new Error(`Trailing bytes after CBOR item (${bytes.length - reader.offset})`);
  return value;
}

function float16(half: number): number {
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Writes CBOR as minicbor does: definite lengths, the shortest head for each number. */
export class CborWriter {
  #parts: Uint8Array[] = [];
  #buffer = Buffer.allocUnsafe(64 * 1024);
  /** `#buffer[#start, #used)`: written, not yet in `#parts`. */
  #start = 0;
  #used = 0;
  #length = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  array(length: number): this {
    return this.#head(4, length);
  }

  uint(value: number): this {
    return this.#head(0, value);
  }

  int(value: number): this {
    return value < 0 ? this.#head(1, -1 - value) : this.#head(0, value);
  }

  text(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    return this.#head(3, bytes.length).raw(bytes);
  }

  /** Bytes that are already CBOR. Kept by reference: they must not change before `finish()`. */
  raw(bytes: Uint8Array): this {
    if (bytes.length <= 64) {
      this.#reserve(bytes.length);
      this.#buffer.set(bytes, this.#used);
      this.#used += bytes.length;
    } else {
      this.#flush();
      this.#parts.push(bytes);
    }
    this.#length += bytes.length;
    return this;
  }

  finish(): Buffer {
    this.#flush();
    const result = Buffer.concat(this.#parts, this.#length);
    this.#parts = [];
    this.#length = 0;
    return result;
  }

  #head(major: number, value: number): this {
    if (!Number.isInteger(value) || value < 0) throw new Error(`Cannot encode ${value} as a CBOR argument`);
    this.#reserve(9);
    const buffer = this.#buffer;
    const at = this.#used;
    let size: number;
    if (value < 24) {
      buffer[at] = (major << 5) | value;
      size = 1;
    } else if (value < 0x100) {
      buffer[at] = (major << 5) | 24;
      buffer[at + 1] = value;
      size = 2;
    } else if (value < 0x10000) {
      buffer[at] = (major << 5) | 25;
      buffer.writeUInt16BE(value, at + 1);
      size = 3;
    } else if (value < 0x100000000) {
      buffer[at] = (major << 5) | 26;
      buffer.writeUInt32BE(value, at + 1);
      size = 5;
    } else {
      buffer[at] = (major << 5) | 27;
      buffer.writeBigUInt64BE(BigInt(value), at + 1);
      size = 9;
    }
    this.#used += size;
    this.#length += size;
    return this;
  }

  #reserve(bytes: number): void {
    if (this.#used + bytes <= this.#buffer.length) return;
    this.#flush();
    this.#buffer = Buffer.allocUnsafe(this.#buffer.length);
    this.#start = this.#used = 0;
  }

  #flush(): void {
    if (this.#used === this.#start) return;
    this.#parts.push(this.#buffer.subarray(this.#start, this.#used));
    this.#start = this.#used;
  }
}
