#!/usr/bin/env node
// Build benchmark: builds sites of 100, 1,000 and 10,000 documents with the
// real `npm run build` and prints what each cost. Figures, not assertions:
// record them in BENCHMARKS.md (--write does it).
// With Debian's `hugo` installed, each size is also built by Hugo + Pagefind, the reference, in
// the same run. `--runs N` repeats each size N times and reports medians (min–max).
// Usage: node scripts/bench.ts [--sizes 100,1000,10000] [--runs 1] [--layout mixed|seed] [--corpus DIR] [--write] [--keep]
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeCorpus } from './bench/make-corpus.ts';
import { pageWeight, type PageWeight } from './bench/page-weight.ts';
import { folderSize, measuredBuild } from './bench/measured-build.ts';
import { relatedCost } from './bench/related-cost.ts';
import { gitHistoryCost } from './bench/git-history-cost.ts';
import { hugoReference, hugoVersion, type HugoRun } from './bench/hugo-reference.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string', default: '1' },
    // `seed`: every document in the seed's layout (English news); `mixed`: half of them Kaebyok's Korean articles.
    layout: { type: 'string', default: 'mixed' },
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpora/kaebyok') },
    seed: { type: 'string', default: join(ROOT, 'content/documents/000_436062db2601815d.txt') },
    write: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

interface BuildRun {
  wall: number;
  peakRss: number;
  ingest: number;
  pagefind: number;
  written: number;
  output: string;
}

/** One whole `npm run build` of the corpus, with the phases its log gives. */
async function build(work: string, documents: string): Promise<BuildRun> {
  // One whole build at every size, as the tables say: builds in partitions are `npm run bench:partitions`.
  const { wall, peakRss, output } = await measuredBuild(work, documents, [], { DOSSIER_PARTITION_SIZE: String(Number.MAX_SAFE_INTEGER) });
  const seconds = (pattern: RegExp): number => Number(pattern.exec(output)?.[1] ?? NaN);
  return {
    wall,
    peakRss,
    ingest: seconds(/Ingested [\d,]+ documents? .*\(([\d.]+) s\)/),
    pagefind: seconds(/Indexed [\d,]+ pages for search in ([\d.]+) s/),
    written: Number(/: ([\d,]+) written/.exec(output)?.[1]?.replace(/,/g, '') ?? NaN),
    output,
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;

interface Result {
  size: number;
  first: BuildRun;
  unchanged: BuildRun;
  oneChanged: BuildRun;
  dist: number;
  pages: number;
  weight: PageWeight;
  hugo?: HugoRun;
}

/** The median of some runs' values, with their range when there are several. */
function spread(values: number[], format: (value: number) => string): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return sorted.length === 1 ? format(median) : `${format(median)} (${format(sorted[0]!)}–${format(sorted.at(-1)!)})`;
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Other work on the machine skews every figure: the report says how busy it was.
const loadAtStart = loadavg()[0]!.toFixed(1);
const hugo = hugoVersion();
const results: Result[][] = [];
for (const size of values.sizes.split(',').map(Number)) {
  const runs: Result[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    // Inside the project: Astro puts a build's prerender chunks in <cwd>/.astro/ when its
    // outDir is elsewhere, where two builds at once would share them.
    const work = join(ROOT, '.bench', String(size));
    await rm(work, { recursive: true, force: true });
    const documents = join(work, 'documents');
    await makeCorpus(documents, size, values.seed, values.corpus, values.layout === 'seed' ? 'seed' : 'mixed');
    const label = `${size} documents, run ${run} of ${values.runs}`;
    console.error(`${label}: building…`);
    const first = await build(work, documents);
    console.error(`${label}: rebuilding with nothing changed…`);
    const unchanged = await build(work, documents);
    const changedFile = join(documents, 'news/article-0.txt');
    await appendFile(changedFile, '\nOne more paragraph, added to measure a rebuild.\n');
    console.error(`${label}: rebuilding after one document changed…`);
    const oneChanged = await build(work, documents);
    const entry = (await readdir(join(work, 'entries'))).find((name) => name.endsWith('.mdx'))!;
    const pages = Number(/into ([\d,]+) pages/.exec(first.output)?.[1]?.replace(/,/g, '') ?? NaN);
    if (hugo) console.error(`${label}: the reference, Hugo + Pagefind…`);
    runs.push({
      size,
      first,
      unchanged,
      oneChanged,
      dist: await folderSize(join(work, 'dist')),
      pages,
      weight: await pageWeight(join(work, 'dist'), `articles/${entry.replace(/\.mdx$/, '')}`),
      ...(hugo && { hugo: await hugoReference(documents, join(work, 'hugo')) }),
    });
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
  results.push(runs);
}

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim()}, ${mb(totalmem())} RAM (${mb(freemem())} free at start), ${osType()} ${release()}, Node ${process.version}; load average ${loadAtStart} at the start and ${loadavg()[0]!.toFixed(1)} at the end`;
const rows = results.map((runs) => {
  const r = runs[0]!;
  const each = (value: (run: Result) => number) => spread(runs.map(value), s);
  return [
    r.size.toLocaleString('en'),
    r.pages.toLocaleString('en'),
    each((run) => run.first.ingest),
    each((run) => run.first.wall - run.first.ingest - run.first.pagefind),
    each((run) => run.first.pagefind),
    each((run) => run.first.wall),
    mb(median(runs.map((run) => run.first.peakRss))),
    mb(r.dist),
    each((run) => run.unchanged.wall),
    `${each((run) => run.oneChanged.wall)} (${r.oneChanged.written} rewritten)`,
  ].join(' | ');
});
const ratio = (value: number): string => `${value.toFixed(2)}×`;
const reference = results
  .filter((runs) => runs[0]!.hugo)
  .map((runs) => {
    const total = (run: Result): number => run.hugo!.hugo + run.hugo!.pagefind;
    return [
      runs[0]!.size.toLocaleString('en'),
      runs[0]!.hugo!.pages.toLocaleString('en'),
      spread(
        runs.map((run) => run.hugo!.hugo),
        s,
      ),
      spread(
        runs.map((run) => run.hugo!.pagefind),
        s,
      ),
      spread(runs.map(total), s),
      spread(
        runs.map((run) => run.first.wall / total(run)),
        ratio,
      ),
      spread(
        runs.map((run) => run.oneChanged.wall / total(run)),
        ratio,
      ),
    ].join(' | ');
  });
const weights = results.map(([r]) =>
  [
    r!.size.toLocaleString('en'),
    ...(['html', 'css', 'js'] as const).map((kind) => `${kb(r!.weight[kind].raw)} / ${kb(r!.weight[kind].gzip)}`),
  ].join(' | '),
);
const report = [
  `Machine: ${machine}.`,
  `Command: \`npm run bench -- --sizes ${values.sizes} --runs ${values.runs} --layout ${values.layout}\` (each size: a first build into empty folders, a rebuild with nothing changed, a rebuild after one document changed; medians of the runs, with their range).`,
  '',
  '| documents | pages | ingest | astro build | Pagefind | total wall | peak RSS (process tree) | dist size | rebuild, no change | rebuild, one changed |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((row) => `| ${row} |`),
  '',
  ...(reference.length > 0
    ? [
        `The reference, in the same run: ${hugo}, then Pagefind on its output, over the same documents (scripts/bench/hugo-reference.ts). Ratios are Dossier's time over the reference's, run by run:`,
        '',
        '| documents | pages | Hugo | Pagefind | Hugo + Pagefind | Dossier full build ÷ reference | Dossier rebuild, one changed ÷ reference |',
        '|---:|---:|---:|---:|---:|---:|---:|',
        ...reference.map((row) => `| ${row} |`),
        '',
      ]
    : ['Hugo is not installed (`apt-get install hugo`): no reference in this run.', '']),
  'An article page, raw / gzip (HTML includes inline CSS and JS; JS is what loads before search is opened):',
  '',
  '| documents | HTML | CSS | JS |',
  '|---:|---:|---:|---:|',
  ...weights.map((row) => `| ${row} |`),
  '',
  'Related documents (`src/site/related.ts`), one call over a synthetic archive, median of 5: near-linear if the time per document stays flat:',
  '',
  '| documents | time | per document |',
  '|---:|---:|---:|',
  ...[1000, 10000, 100000].map((size) => {
    const ms = relatedCost(size);
    return `| ${size.toLocaleString('en')} | ${ms.toFixed(0)} ms | ${((1000 * ms) / size).toFixed(1)} µs |`;
  }),
  '',
  'Last-updated dates (`src/ingest/git-history.ts`): one `git log` over a repository of documents in 51 commits, median of 3:',
  '',
  '| documents | time |',
  '|---:|---:|',
  `| 10,000 | ${(await gitHistoryCost(10_000)).toFixed(0)} ms |`,
].join('\n');
console.log(report);

if (values.write) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- bench:build:start -->';
  const end = '<!-- bench:build:end -->';
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${start}\n${report}\n${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : current.replace(/^# Benchmarks\n/, `# Benchmarks\n\n## Build\n\n_Measured ${new Date().toISOString().slice(0, 10)}._\n\n${block}\n`);
  await writeFile(file, next);
  console.error(`Wrote the figures to ${file}.`);
}
