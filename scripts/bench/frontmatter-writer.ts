#!/usr/bin/env node
// The ingest's frontmatter writer against the `yaml` package's `stringify`, which it replaced,
// over the frontmatter of a folder of entries (`npm run ingest` writes them): the time of each,
// the median of five rounds in the same process, and how many entries come out byte for byte the same.
// Usage: node scripts/bench/frontmatter-writer.ts ENTRIES_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readFrontmatter, splitEntry } from '../../src/content/entry-file.ts';
import { writeYaml } from '../../src/ingest/to-mdx.ts';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('Usage: node scripts/bench/frontmatter-writer.ts ENTRIES_DIR');
const data = readdirSync(dir)
  .filter((file) => file.endsWith('.mdx'))
  .flatMap((file) => {
    const entry = splitEntry(readFileSync(join(dir, file), 'utf8'));
    return entry ? [readFrontmatter(entry.frontmatter)!] : [];
  });
const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!;
const time = (write: (value: object) => string): number => {
  const started = performance.now();
  for (const value of data) write(value);
  return performance.now() - started;
};
const before = (value: object): string => stringify(value, { lineWidth: 0 });
const rounds = { yaml: [] as number[], ours: [] as number[] };
for (let round = 0; round < 5; round++) {
  rounds.yaml.push(time(before));
  rounds.ours.push(time(writeYaml));
}
const same = data.filter((value) => writeYaml(value) === before(value)).length;
const [yaml, ours] = [median(rounds.yaml), median(rounds.ours)];
console.log(
  `${data.length} frontmatters: yaml's stringify ${yaml.toFixed(0)} ms, writeYaml ${ours.toFixed(0)} ms (${(ours / yaml).toFixed(2)}×); the same bytes for ${same}.`,
);
