/**
 * CBOR (RFC 8949), the subset minicbor writes for Pagefind: definite lengths,
 * shortest heads. Hand-written rather than a CBOR library (cbor-x, cbor2):
 * the merge keeps each word's postings as the raw bytes it read
 * (`CborReader.bytes` slices) and splices them into the chunks it writes
 * without decoding them, which a decode-everything library cannot do.
 */
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

  /** The bytes written, in a buffer of their own; the writer is then empty, and reuses its buffer. */
  finish(): Buffer {
    this.#flush();
    const result = Buffer.concat(this.#parts, this.#length);
    this.#parts = [];
    this.#length = 0;
    this.#start = this.#used = 0;
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
