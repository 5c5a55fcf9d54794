#!/usr/bin/env node
// `npm run bench:model`: the parts of a 1,000,000-document archive built on a
// matrix of 32 jobs (issue 14; README, "Large archives"), measured on this
// machine from the entries of a real ingest (`--entries`: a folder that
// `npm run build -- --plan N` wrote, with its navigation manifest):
//   1. One job: partition 1 of 32, whose documents are `documents / jobs` of the
//      real entries; the archive's other documents are their navigation lines
//      copied under other ids, so the manifest and the plan are of the whole
//      archive. Built as a job builds it (`--partition 1/32`), its pages left
//      for indexing: wall, the process tree's peak, pages.
//   2. Its pages indexed for search into `--shards` shards, as many as all the
//      jobs' would be, then merged into one bundle by the merge's own code: wall
//      and peak of each.
// Usage: node scripts/bench-model.ts --entries DIR [--documents 1000000] [--jobs 32] [--heap 4096] [--shards 7000]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { NAVIGATION_FILE } from '../src/content/navigation-manifest.ts';
import { PARTITION_PLAN_FILE, type PlanFile } from '../src/site/partition.ts';
import { mergeSearchShards, SHARDS_FOLDER } from '../src/search/build/index-site.ts';
import { searchSortValue } from '../src/integrations/pagefind.ts';
import { folderSize, measuredBuild } from './bench/measured-build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    entries: { type: 'string' },
    documents: { type: 'string', default: '1000000' },
    jobs: { type: 'string', default: '32' },
    heap: { type: 'string', default: '4096' },
    shards: { type: 'string', default: '7000' },
    work: { type: 'string', default: join(ROOT, '.bench', 'model') },
    // Inside: the merge alone, in a process of its own, so that its peak is its own.
    merge: { type: 'string' },
  },
});

if (values.merge) {
  const folder = join(values.merge, SHARDS_FOLDER);
  const shards = (await readdir(folder)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((name) => join(folder, name));
  const started = performance.now();
  const pages = await mergeSearchShards({ shards, output: join(values.merge, 'merged-bundle'), sortValue: searchSortValue });
  console.log(
    JSON.stringify({
      shards: shards.length,
      pages,
      wall: (performance.now() - started) / 1000,
      peak: process.resourceUsage().maxRSS * 1024,
    }),
  );
  process.exit(0);
}
if (!values.entries)
  throw new Error('--entries DIR: the entries of a real ingest, with its navigation manifest (npm run build -- --plan N)');
const documents = Number(values.documents);
const jobs = Number(values.jobs);
const own = Math.ceil(documents / jobs);
const work = resolve(values.work);
const entries = join(work, 'entries');
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;
const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

await rm(work, { recursive: true, force: true });
await mkdir(entries, { recursive: true });

// The real lines, in id order; the first `own` are partition 1's, and their entry files come along.
const real: string[] = [];
for await (const line of createInterface({ input: createReadStream(join(values.entries, NAVIGATION_FILE)) })) if (line) real.push(line);
if (real.length < own) throw new Error(`${values.entries} holds ${real.length} entries; partition 1 of ${jobs} needs ${own}`);
for (const name of ['sections.json', 'last-updated.json']) await copyFile(join(values.entries, name), join(entries, name)).catch(() => {});

const plan: PlanFile = { id: 'model', count: jobs, sections: ['[]'], entries: {} };
const manifest = createWriteStream(join(entries, NAVIGATION_FILE));
for (let n = 0; n < documents; n++) {
  const copy = Math.floor(n / real.length);
  const line = JSON.parse(real[n % real.length]!) as { id: string };
  if (copy > 0) line.id = `${line.id}-copy-${copy}`;
  // Partition 1 holds the first `own` real documents; the others go round the other jobs.
  plan.entries[line.id] = [n < own ? 1 : 2 + (n % (jobs - 1)), 0];
  if (n < own) await link(join(values.entries, `${line.id}.mdx`), join(entries, `${line.id}.mdx`));
  if (!manifest.write(`${JSON.stringify(line)}\n`)) await once(manifest, 'drain');
}
manifest.end();
await once(manifest, 'finish');
real.length = 0;
await writeFile(join(entries, PARTITION_PLAN_FILE), JSON.stringify(plan));
const manifestBytes = await folderSize(entries);
console.error(
  `A plan of ${documents.toLocaleString('en')} documents in ${jobs} partitions; partition 1 holds ${own.toLocaleString('en')}.`,
);

const environment = { NODE_OPTIONS: `--max-old-space-size=${values.heap}`, DOSSIER_ENTRIES_DIR: entries };
const built = await measuredBuild(work, join(work, 'no-documents'), ['--partition', `1/${jobs}`, '--index-later'], environment);
const pages = Number(/Built ([\d,]+) pages/.exec(built.output)?.[1]?.replaceAll(',', '') ?? 0);
const output = await folderSize(join(work, 'dist.building'));
console.error(`Partition 1/${jobs}: ${pages.toLocaleString('en')} pages, ${s(built.wall)}, ${mb(built.peakRss)}, ${mb(output)}.`);

// Shards as small as it takes for this one job's pages to make as many as all the jobs' would.
const shardPages = String(Math.max(1, Math.floor(pages / Number(values.shards))));
const indexed = await measuredBuild(work, join(work, 'no-documents'), ['--index-partition', `1/${jobs}`], {
  ...environment,
  DOSSIER_SEARCH_SHARD_PAGES: shardPages,
});
const shardFolders = await readdir(join(work, 'dist', SHARDS_FOLDER));
console.error(`Indexed into ${shardFolders.length.toLocaleString('en')} shards: ${s(indexed.wall)}, ${mb(indexed.peakRss)}.`);

const child = spawnSync(process.execPath, [process.argv[1]!, '--merge', join(work, 'dist')], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (child.status !== 0) throw new Error(`The merge failed:\n${child.stderr}`);
const merge = JSON.parse(child.stdout) as { shards: number; pages: number; wall: number; peak: number };

console.log(
  [
    `Command: \`npm run bench:model -- --entries … --documents ${documents} --jobs ${jobs} --heap ${values.heap} --shards ${values.shards}\``,
    '',
    '| part | measured |',
    '|---|---|',
    `| the plan's files for ${documents.toLocaleString('en')} documents (manifest and plan, the own entries linked) | ${mb(manifestBytes)} |`,
    `| partition 1 of ${jobs}: ${own.toLocaleString('en')} documents, ${pages.toLocaleString('en')} pages, heap ${values.heap} MB | ${s(built.wall)}, peak ${mb(built.peakRss)}, ${mb(output)} of pages |`,
    `| its pages indexed into ${shardFolders.length.toLocaleString('en')} shards of ${shardPages} pages | ${s(indexed.wall)}, peak ${mb(indexed.peakRss)} |`,
    `| the merge of the ${merge.shards.toLocaleString('en')} shards (${merge.pages.toLocaleString('en')} pages), in its own process | ${s(merge.wall)}, peak ${mb(merge.peak)} |`,
  ].join('\n'),
);
