#!/usr/bin/env node
// What indexing a built site's search shards costs with Pagefind's binary (as the build does:
// src/search/build/index-site.ts) and with its Node API, two shards at a time either way: wall
// time and the process tree's peak memory, each way run in turn ROUNDS times; and whether the
// bundles are byte for byte the same. Figures, not assertions (BENCHMARKS.md).
// Usage: node scripts/bench/pagefind-api-cost.ts BUILT_SITE [ROUNDS]
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { indexablePages } from '../../src/search/build/index-site.ts';
import { pagefindBinary } from '../../src/search/build/pagefind-run.ts';
import { planShards } from '../../src/search/build/plan-shards.ts';
import { linkOrCopySync } from '../../src/utils/link-or-copy.ts';
import { mapConcurrent } from '../../src/utils/map-concurrent.ts';
import type { ShardJob } from './pagefind-api-shard.ts';
import { watchPeakMemory } from './process-tree-memory.ts';

const [site, roundsArgument = '3'] = process.argv.slice(2);
if (!site) throw new Error('Usage: node scripts/bench/pagefind-api-cost.ts BUILT_SITE [ROUNDS]');
const { pages } = await indexablePages(site);
const plan = planShards(pages, { maxPages: 2000, maxBytes: 4 * 1024 * 1024 });
const work = join(tmpdir(), `pagefind-api-cost.${process.pid}`);
console.log(`${pages.length} pages in ${plan.length} shards`);

async function withBinary(out: string): Promise<void> {
  await mapConcurrent(plan, 2, async (shard, index) => {
    const staging = join(out, `in-${index}`);
    for (const page of shard.pages) {
      mkdirSync(dirname(join(staging, page)), { recursive: true });
      linkOrCopySync(join(site!, page), join(staging, page));
    }
    const args = ['--site', staging, '--output-path', join(out, `out-${index}`), '--silent'];
    await new Promise((done, fail) =>
      spawn(pagefindBinary(), args, { cwd: out, stdio: 'inherit' }).on('close', (code) =>
        code === 0 ? done(code) : fail(new Error(`exit ${code}`)),
      ),
    );
    await rm(staging, { recursive: true, force: true });
  });
}

async function withApi(out: string, how: ShardJob['how']): Promise<void> {
  const queue = plan.map((shard, index) => ({ shard, index }));
  await Promise.all(
    [0, 1].map(async () => {
      const worker = new Worker(new URL('./pagefind-api-shard.ts', import.meta.url));
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const message: ShardJob = { site: site!, pages: job.shard.pages, output: join(out, `out-${job.index}`), how };
          const answer = await new Promise<{ ok: boolean; error?: string }>((done) => {
            worker.once('message', done);
            worker.postMessage(message);
          });
          if (!answer.ok) throw new Error(answer.error);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

const ways: Record<string, (out: string) => Promise<void>> = {
  binary: withBinary,
  'api, addHTMLFile': (out) => withApi(out, 'files'),
  'api, addDirectory': (out) => withApi(out, 'directory'),
};
const results = new Map<string, { seconds: number; mb: number }[]>();
for (let round = 0; round < Number(roundsArgument); round++) {
  for (const [way, run] of Object.entries(ways)) {
    const out = join(work, way.replace(/\W+/g, '-'));
    await rm(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const memory = watchPeakMemory(process.pid);
    const started = performance.now();
    await run(out);
    const seconds = (performance.now() - started) / 1000;
    const mb = memory.stop() / 1024 / 1024;
    results.set(way, [...(results.get(way) ?? []), { seconds, mb }]);
    console.log(`round ${round + 1}, ${way}: ${seconds.toFixed(1)} s, peak ${mb.toFixed(0)} MB`);
  }
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const reference = median(results.get('binary')!.map((result) => result.seconds));
for (const [way, runs] of results) {
  const seconds = median(runs.map((result) => result.seconds));
  console.log(
    `${way}: median ${seconds.toFixed(1)} s (${(seconds / reference).toFixed(2)}× the binary), peak ${median(runs.map((r) => r.mb)).toFixed(0)} MB`,
  );
}

/** Every file of a bundle folder, by path. */
const files = (folder: string): Map<string, Buffer> =>
  new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name).slice(folder.length), readFileSync(join(entry.parentPath, entry.name))]),
  );
const binary = files(join(work, 'binary'));
for (const way of Object.keys(ways).slice(1)) {
  const other = files(join(work, way.replace(/\W+/g, '-')));
  const same = [...binary].filter(([path, bytes]) => other.get(path)?.equals(bytes)).length;
  console.log(`${way}: ${same} of ${binary.size} files the same as the binary's (${other.size} files)`);
}
await rm(work, { recursive: true, force: true });
