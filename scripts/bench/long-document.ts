#!/usr/bin/env node
// Writes one long document for the long-document figures (BENCHMARKS.md): a
// seed-style header, then one paragraph a line until it holds MB megabytes,
// every tenth line a quotation of one person. Build it alone with
// `node scripts/bench/build-timeline.ts FOLDER`.
// Usage: node scripts/bench/long-document.ts FOLDER MB
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, megabytes] = process.argv.slice(2);
if (!folder || !(Number(megabytes) > 0)) throw new Error('Usage: node scripts/bench/long-document.ts FOLDER MB');
const target = Number(megabytes) * 1024 * 1024;
const lines = ['NEWS / LOCAL', 'One very long document', 'Published: Jan 03, 2026 09:00 AM', ''];
let bytes = lines.join('\n').length;
for (let i = 1; bytes < target; i++) {
  const line =
    i % 10 === 0
      ? `"The council met for the ${i}th time and will meet again," said Jane Doe, the mayor.`
      : `Paragraph ${i} of the long document says the same plain thing again.`;
  lines.push(line, '');
  bytes += line.length + 2;
}
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'long.txt'), lines.join('\n'));
console.log(`Wrote ${join(folder, 'long.txt')}: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${(lines.length - 4) / 2} paragraphs.`);
