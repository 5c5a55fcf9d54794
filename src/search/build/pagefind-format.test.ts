import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compareCodePoints,
  encodeFilter,
  encodeMeta,
  pagefindFile,
  pagefindHash,
  pagefindPayload,
  readFilter,
  readMeta,
  readPostingRun,
  readWordChunk,
  type PagefindMeta,
} from './pagefind-format.ts';
import { CborWriter, decodeCbor } from './cbor.ts';

describe('CBOR', () => {
  test('integers take the shortest head, as minicbor writes them', () => {
    const bytes = new CborWriter().array(6).uint(23).uint(24).uint(255).uint(256).uint(65536).int(-25).finish();
    expect([...bytes]).toEqual([0x86, 0x17, 0x18, 0x18, 0x18, 0xff, 0x19, 0x01, 0x00, 0x1a, 0x00, 0x01, 0x00, 0x00, 0x38, 0x18]);
  });

  test('a writer used again after finish() starts empty, and what it returned before stays as it was', () => {
    const writer = new CborWriter();
    const first = writer.array(2).text('keeper').uint(70000).finish();
    const copy = Buffer.from(first);
    const second = writer.array(1).text('lighthouse').finish();
    expect(decodeCbor(second)).toEqual(['lighthouse']);
    expect(first).toEqual(copy);
    expect(decodeCbor(first)).toEqual(['keeper', 70000]);
  });

  test('what the writer writes, the decoder reads back', () => {
    const value = fc.letrec<{ item: unknown }>((tie) => ({
      item: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(tie('item'), { maxLength: 30 }),
      ),
    })).item;
    const write = (out: CborWriter, item: unknown): void => {
      if (Array.isArray(item)) {
        out.array(item.length);
        for (const element of item) write(out, element);
      } else if (typeof item === 'string') out.text(item);
      else out.int(item as number);
    };
    fc.assert(
      fc.property(value, (item) => {
        const out = new CborWriter();
        write(out, item);
        expect(decodeCbor(out.finish())).toEqual(item);
      }),
      { numRuns: 50 },
    );
  });
});

test('compareCodePoints orders strings as their UTF-8 bytes, as Pagefind (Rust) does', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
      expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }),
  );
  // JavaScript's own `<` puts U+FF01 after 😀 (U+1F600); UTF-8 puts it before.
  expect(compareCodePoints('！', '😀')).toBeLessThan(0);
});

test('pagefindHash writes each byte of the SHA-1 in hexadecimal without padding, as Pagefind names its files', () => {
  // SHA-1 of "abc" is a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: its byte 06 becomes "6".
  expect(pagefindHash(Buffer.from('abc'))).toBe('a9993e36476816aba3e25717850c26c9cd0d89d');
});

test('a file is gzip of the signature and the payload', async () => {
  const payload = Buffer.from('{"url":"/a/"}');
  expect(pagefindPayload(await pagefindFile(payload))).toEqual(payload);
  expect(() => pagefindPayload(Buffer.from([0x1f, 0x8b]))).toThrow();
});

test('metadata and filters round-trip', () => {
  const meta: PagefindMeta = {
    version: '1.6.0',
    pages: [
      { hash: 'en_1a2b3c4', wordCount: 300, group: '' },
      { hash: 'en_5d6e7f8', wordCount: 70000, group: '' },
    ],
    chunks: [{ from: 'a', to: 'm', hash: 'en_0f0f0f0' }],
    filters: [{ name: 'section', hash: 'en_abcdef1' }],
    sorts: [{ key: 'date', pages: [1, 0] }],
    metaFields: ['title'],
  };
  expect(readMeta(encodeMeta(meta))).toEqual(meta);
  const filter = { name: 'year', values: [{ value: '1923', pages: [0, 4, 300] }] };
  expect(readFilter(encodeFilter(filter))).toEqual(filter);
});

test('a word chunk is read as runs of postings, whose bytes can be copied', () => {
  // [[ ["cafe", [[3, [-25, 5], []], [2, [7], [-1, 0]]], [["café", [[1, [4], []]]]]], ["zero", [], [["zéro", [[9, [1], []]]]]] ]]
  const out = new CborWriter().array(1).array(2);
  out.array(3).text('cafe').array(2);
  out.array(3).uint(3).array(2).int(-25).uint(5).array(0);
  out.array(3).uint(2).array(1).uint(7).array(2).int(-1).uint(0);
  out.array(1).array(2).text('café').array(1).array(3).uint(1).array(1).uint(4).array(0);
  out.array(3).text('zero').array(0).array(1).array(2).text('zéro').array(1).array(3).uint(9).array(1).uint(1).array(0);
  const [cafe, zero] = readWordChunk(out.finish());

  expect(cafe!.word).toBe('cafe');
  expect(cafe!.pages).toMatchObject({ count: 2, first: 3, firstFields: 3, last: 5, size: 2 + 1 + 1 + 2 + 1, hasMeta: true });
  const run = cafe!.pages;
  expect(decodeCbor(Buffer.concat([new CborWriter().array(run.count).finish(), run.bytes.subarray(run.start, run.end)]))).toEqual([
    [3, [-25, 5], []],
    [2, [7], [-1, 0]],
  ]);
  expect(readPostingRun(cafe!.pages).map(({ delta, metaLocations }) => ({ delta, metaLocations }))).toEqual([
    { delta: 3, metaLocations: [] },
    { delta: 2, metaLocations: [-1, 0] },
  ]);
  expect(cafe!.variants).toHaveLength(1);
  expect(cafe!.variants[0]).toMatchObject({ form: 'café', pages: { count: 1, first: 1, last: 1 } });

  expect(zero!.pages).toMatchObject({ count: 0, size: 0 });
  expect(zero!.variants[0]).toMatchObject({ form: 'zéro', pages: { count: 1, first: 9 } });
});
