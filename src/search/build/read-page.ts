import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { stampOf } from '../../utils/file-stamp.ts';
import type { PageFacts } from './page-facts.ts';
import { pageDigest } from './shard-cache.ts';

const HTML_LANG = /<html\s[^>]*?\blang\s*=\s*["']?([^"'\s>]+)/i;

/** What indexing needs of a page, from its bytes; its digest only if `digest`. */
export function pageFactsOf(html: Buffer, digest: boolean): PageFacts {
  const language = HTML_LANG.exec(html.subarray(0, 4096).toString('latin1'))?.[1]?.toLowerCase() ?? 'unknown';
  return { language, body: bodyAttribute(html), size: html.length, digest: digest ? pageDigest(html) : '' };
}

/**
 * Reads each page into one reused buffer, valid until the next read, with its file's stamp: a
 * buffer per page, thousands of them left for the collector, kept the indexing process hundreds of
 * MB larger than it needs to be while Pagefind runs beside it (BENCHMARKS.md, "Building in partitions").
 */
export function pageReader(): (file: string) => { bytes: Buffer; stamp: string } {
  let scratch = Buffer.allocUnsafe(1 << 20);
  return (file) => {
    const fd = openSync(file, 'r');
    try {
      const stats = fstatSync(fd, { bigint: true });
      const size = Number(stats.size);
      if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length));
      let length = 0;
      for (let got = -1; length < size && got !== 0; length += got) got = readSync(fd, scratch, length, size - length, length);
      return { bytes: scratch.subarray(0, length), stamp: stampOf(stats) };
    } finally {
      closeSync(fd);
    }
  };
}

const BODY = 'data-pagefind-body';
const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;

/** Offset of the first `data-pagefind-body` attribute in a start tag (text that mentions it has no `<` before it in the tag), or -1. */
export function bodyAttribute(html: Buffer): number {
  for (let at = html.indexOf(BODY); at >= 0; at = html.indexOf(BODY, at + 1)) {
    const after = html[at + BODY.length];
    const inTag = html.lastIndexOf(0x3c, at) > html.lastIndexOf(0x3e, at);
    if (isSpace(html[at - 1]) && (isSpace(after) || after === 0x3d || after === 0x3e || after === 0x2f) && inTag) return at;
  }
  return -1;
}
