#!/usr/bin/env node
// `npm run build:merge`: the site that the partitions of one plan make
// together (`npm run build -- --partition K/N`, README "Large archives"):
// their pages, one sitemap, and one search index merged from their shards,
// published as `npm run build` publishes, whole or not at all. It stops,
// naming them, when a partition is missing, unfinished or of another plan.
// Usage: node scripts/build-merge.ts [--outDir dist] PARTITION_DIR... | --from DIR (its subfolders)
import './support/compile-cache.ts';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergePartitions, MergeError } from './support/partitions.ts';
import { publishSite, recoverSite, stagingDir } from './support/publish-site.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { outDir: { type: 'string' }, from: { type: 'string' } },
});
const site = resolve(values.outDir ?? 'dist');
const dirs = values.from
  ? (await readdir(resolve(values.from), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(resolve(values.from!), entry.name))
  : positionals.map((dir) => resolve(dir));

for (const note of await recoverSite(site)) console.warn(note);
try {
  await mergePartitions(dirs, stagingDir(site), (message) => console.log(message));
} catch (error) {
  if (!(error instanceof MergeError)) throw error;
  console.error(error.message);
  process.exit(1);
}
await publishSite(site);
