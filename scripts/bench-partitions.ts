#!/usr/bin/env node
// `npm run bench:partitions`: what building in partitions costs and saves
// (issue 14; README, "Large archives"). Two measures, each a first build
// into empty folders, timed, with the process tree's peak memory:
//   --compare 10000 --partitions 4: the same corpus built whole, then in 4
//     partitions one after another and merged, in the same run: the ratio.
//   --sizes 10000,30000,100000: builds as `npm run build` chooses for each
//     size (partitions of `partitionSize`, DOSSIER_PARTITION_SIZE), with seconds
//     per 1,000 documents.
// `--runs N` repeats each and reports medians (min–max).
// Usage: node scripts/bench-partitions.ts [--compare 10000] [--partitions 4] [--sizes …] [--runs 1] [--layout seed|mixed] [--corpus DIR]
import { rm } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeCorpus } from './bench/make-corpus.ts';
import { folderSize, measuredBuild } from './bench/measured-build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    compare: { type: 'string' },
    partitions: { type: 'string', default: '4' },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '1' },
    layout: { type: 'string', default: 'seed' },
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpora/kaebyok') },
    seed: { type: 'string', default: join(ROOT, 'content/documents/000_436062db2601815d.txt') },
  },
});

interface Run {
  wall: number;
  peakRss: number;
  partitions: number;
  dist: number;
  output: string;
}

async function build(work: string, args: string[], extra: NodeJS.ProcessEnv = {}): Promise<Run> {
  const run = await measuredBuild(work, join(work, 'documents'), args, extra);
  const partitions = Number(/Planned (\d+) partitions?/.exec(run.output)?.[1] ?? 1);
  return { ...run, partitions, dist: await folderSize(join(work, 'dist')) };
}

async function corpus(size: number, name: string): Promise<string> {
  const work = join(ROOT, '.bench', `partitions-${name}-${size}`);
  await rm(work, { recursive: true, force: true });
  await makeCorpus(join(work, 'documents'), size, values.seed, values.corpus, values.layout === 'mixed' ? 'mixed' : 'seed');
  return work;
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const spread = (list: number[], format: (value: number) => string): string => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length === 1 ? format(sorted[0]!) : `${format(median(sorted))} (${format(sorted[0]!)}–${format(sorted.at(-1)!)})`;
};
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const runs = Number(values.runs);
const lines: string[] = [];
const loadAtStart = loadavg()[0]!.toFixed(1);

if (values.compare) {
  const size = Number(values.compare);
  const wholes: Run[] = [];
  const parts: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    // Alternating which goes first, so that neither always meets a warmer disk cache.
    const order = run % 2 === 1 ? ['whole', 'parts'] : ['parts', 'whole'];
    for (const kind of order) {
      console.error(`${size} documents, run ${run} of ${runs}: ${kind === 'whole' ? 'whole' : `${values.partitions} partitions`}…`);
      const work = await corpus(size, kind);
      // Whole: one build whatever the size, as below `partitionSize`.
      const result =
        kind === 'whole'
          ? await build(work, [], { DOSSIER_PARTITION_SIZE: String(size) })
          : await build(work, ['--partitions', values.partitions]);
      (kind === 'whole' ? wholes : parts).push(result);
      await rm(work, { recursive: true, force: true });
    }
  }
  const ratios = parts.map((part, index) => part.wall / wholes[index]!.wall);
  lines.push(
    `Command: \`npm run bench:partitions -- --compare ${size} --partitions ${values.partitions} --runs ${runs} --layout ${values.layout}\``,
    '',
    '| build | wall | peak RSS (process tree) |',
    '|---|---:|---:|',
    `| whole | ${spread(
      wholes.map((r) => r.wall),
      s,
    )} | ${spread(
      wholes.map((r) => r.peakRss),
      mb,
    )} |`,
    `| ${values.partitions} partitions, one after another, and the merge | ${spread(
      parts.map((r) => r.wall),
      s,
    )} | ${spread(
      parts.map((r) => r.peakRss),
      mb,
    )} |`,
    `| ratio, run by run | ${spread(ratios, (ratio) => `${ratio.toFixed(2)}×`)} | |`,
  );
}

if (values.sizes) {
  lines.push(
    '',
    `Command: \`npm run bench:partitions -- --sizes ${values.sizes} --runs ${runs} --layout ${values.layout}\` (partitions of ${process.env.DOSSIER_PARTITION_SIZE ?? 'the default partitionSize'})`,
    '',
    '| documents | partitions | wall | per 1,000 documents | peak RSS (process tree) | dist |',
    '|---:|---:|---:|---:|---:|---:|',
  );
  for (const size of values.sizes.split(',').map(Number)) {
    const results: Run[] = [];
    for (let run = 1; run <= runs; run++) {
      console.error(`${size} documents, run ${run} of ${runs}…`);
      const work = await corpus(size, 'size');
      results.push(await build(work, []));
      console.error(
        results
          .at(-1)!
          .output.split('\n')
          .filter((line) => /Planned|Merged|Built/.test(line))
          .join('\n'),
      );
      await rm(work, { recursive: true, force: true });
    }
    lines.push(
      `| ${size.toLocaleString('en')} | ${results[0]!.partitions} | ${spread(
        results.map((r) => r.wall),
        s,
      )} | ${spread(
        results.map((r) => (r.wall / size) * 1000),
        s,
      )} | ${spread(
        results.map((r) => r.peakRss),
        mb,
      )} | ${mb(results[0]!.dist)} |`,
    );
  }
}

const cpu = cpus();
console.log(
  `${cpu.length} × ${cpu[0]?.model.trim()}, ${mb(totalmem())} RAM, Node ${process.version}; load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end.\n\n${lines.join('\n')}`,
);
