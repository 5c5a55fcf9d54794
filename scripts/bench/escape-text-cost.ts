#!/usr/bin/env node
// The ingest's MDX writer with its text handler (escape-text.ts) against mdast-util-to-markdown's
// own, over the bodies of up to 2,000 documents of a folder, parsed as the ingest parses them: the
// time of each, the median of five rounds in the same process, and how many bodies come out byte
// for byte the same.
// Usage: node scripts/bench/escape-text-cost.ts DOCUMENTS_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { ingestDocument } from '../../src/ingest/parse/ingest-document.ts';
import { serializeBody } from '../../src/ingest/to-mdx.ts';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('Usage: node scripts/bench/escape-text-cost.ts DOCUMENTS_DIR');
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((file) => /\.(txt|md)$/.test(file))
  .sort()
  .slice(0, 2000);
const bodies = files.flatMap((file) => {
  const body = ingestDocument(readFileSync(join(dir, file)), file, { defaultLanguage: 'en' }).draft?.body;
  return body ? [body] : [];
});
// The library's own text handler, with the writer's other options (to-mdx.ts).
const esmUnsafe = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];
const library = (body: Root): string => toMarkdown(body, { extensions: [mdxToMarkdown(), gfmToMarkdown(), { unsafe: esmUnsafe }] });
const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!;
const time = (write: (body: Root) => string): number => {
  const started = performance.now();
  for (const body of bodies) write(body);
  return performance.now() - started;
};
const rounds = { library: [] as number[], ours: [] as number[] };
for (let round = 0; round < 5; round++) {
  rounds.library.push(time(library));
  rounds.ours.push(time((body) => serializeBody(body)));
}
const same = bodies.filter((body) => serializeBody(body) === library(body)).length;
const [before, after] = [median(rounds.library), median(rounds.ours)];
console.log(
  `${bodies.length} bodies: the library's text handler ${before.toFixed(0)} ms, escapeText ${after.toFixed(0)} ms (${(after / before).toFixed(2)}×); the same text for ${same}.`,
);
