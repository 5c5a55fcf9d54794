#!/usr/bin/env node
// Search benchmark: builds a site of 1,000 documents (the same mix as `npm run bench`:
// English seed-layout articles and Korean Kaebyok articles, written at run time into
// .bench/, never committed), serves it gzip-compressed as a static host would, and
// measures in Chromium, for a few queries, the time from the last keystroke to the
// first result on screen and the bytes fetched. Figures, not assertions.
// Usage: node scripts/bench-search.ts [--documents 1000] [--runs 5] [--corpus DIR] [--write] [--keep]
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { launchChromium } from './support/browser.ts';
import { makeCorpus } from './bench/make-corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpora/kaebyok') },
    seed: { type: 'string', default: join(ROOT, 'content/documents/000_436062db2601815d.txt') },
    write: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const DOCUMENTS = Number(values.documents);
const RUNS = Number(values.runs);
/** The machine may be shared: its load when the run started goes into the report. */
const LOAD = loadavg()[0]!;

/** Queries a reader of this archive might type, from rare to very common. */
const QUERIES = [
  { query: '平壤', note: 'a rare Hanja word (Korean index)' },
  { query: '天道敎', note: 'a Hanja word (Korean index)' },
  { query: '사람', note: 'a common Hangul word (Korean index)' },
  { query: 'Kunshan', note: 'an English word in every seed-layout article (English index)' },
] as const;
/** Searched first in the "next search" case, so that the UI and the index are loaded. */
const WARM_UP = '朝鮮';
const TYPING_DELAY = 60;

// ---------------------------------------------------------------------------------------------
// The site

const work = join(ROOT, '.bench', `search-${DOCUMENTS}`);
await rm(work, { recursive: true, force: true });
const documents = join(work, 'documents');
const dist = join(work, 'dist');
await makeCorpus(documents, DOCUMENTS, values.seed, values.corpus);
console.error(`${DOCUMENTS} documents: building…`);
await run(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', dist], {
  DOCUMENTS_DIR: documents,
  DOSSIER_ENTRIES_DIR: join(work, 'entries'),
  DOSSIER_CACHE_DIR: join(work, 'cache'),
  NODE_ENV: 'production',
});
const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { page_count: number }>;
};
const compressed = await precompress(dist);
const server = await serve(dist);
console.error(`Serving ${server.url} (${compressed} text files gzip-compressed, as a static host sends them).`);

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`);
}

/** Writes `file.gz` beside every text file, which sirv serves to browsers that accept gzip. */
async function precompress(dir: string): Promise<number> {
  let count = 0;
  for (const file of await readdir(dir, { recursive: true })) {
    if (!/\.(html|js|css|json|xml|svg|txt)$/.test(file)) continue;
    await writeFile(join(dir, `${file}.gz`), gzipSync(await readFile(join(dir, file)), { level: 9 }));
    count++;
  }
  return count;
}

async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const handler = sirv(dir, { dev: false, etag: true, gzip: true });
  const http = createServer((request, response) =>
    handler(request, response, () => {
      response.writeHead(404).end();
    }),
  );
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`, server: http };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measure {
  /** Last keystroke (the input's last `input` event) to the first result on screen, ms. */
  latency: number;
  /** Bytes on the wire (headers and compressed bodies) from the first keystroke on, by kind. */
  bytes: Record<string, number>;
  results: string;
}

/** What each request is, for the byte breakdown. */
function kind(url: string): string {
  if (/\/pagefind\/pagefind-component-ui\.(js|css)$/.test(url)) return 'UI';
  if (/\/_astro\/search-ui\.[^/]+\.js$/.test(url)) return 'UI';
  if (/\/pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/.test(url)) return 'engine';
  if (/\/pagefind\/(\.\/)?(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|dossier-date-order\.json)/.test(url)) return 'index';
  if (/\.pf_index$/.test(url) || /\.pf_filter$/.test(url)) return 'index';
  if (/\.pf_fragment$/.test(url)) return 'results';
  return 'other';
}

/**
 * Counts bytes on the wire (response headers and encoded body) from `start()` on, for the
 * page's requests and its Pagefind worker's: Playwright reports both.
 */
function watchBytes(page: Page): { start(): void; total(): Promise<Record<string, number>> } {
  let counting = false;
  let pending: Promise<void>[] = [];
  let bytes: Record<string, number> = {};
  page.context().on('requestfinished', (request) => {
    if (!counting) return;
    const counted = bytes;
    pending.push(
      request.sizes().then((sizes) => {
        const name = kind(request.url());
        counted[name] = (counted[name] ?? 0) + sizes.responseHeadersSize + sizes.responseBodySize;
      }),
    );
  });
  return {
    start() {
      bytes = {};
      pending = [];
      counting = true;
    },
    async total() {
      await Promise.all(pending);
      return { ...bytes };
    },
  };
}

/** Installs the in-page clock: the last `input` event, and when a result for the current query is on screen. */
async function installClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const clock = { lastInput: 0, shown: 0, query: '' };
    (window as unknown as { __clock: typeof clock }).__clock = clock;
    document.addEventListener(
      'input',
      (event) => {
        if (!(event.target instanceof HTMLInputElement)) return;
        clock.lastInput = performance.now();
        clock.shown = 0;
        clock.query = event.target.value;
      },
      true,
    );
    const check = (): void => {
      if (clock.shown || !clock.query) return;
      const summary = document.querySelector('pagefind-summary')?.textContent ?? '';
      if (summary.endsWith(` for ${clock.query}`) && document.querySelector('li.search-result')) clock.shown = performance.now();
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function waitShown(page: Page): Promise<{ latency: number; results: string }> {
  await page.waitForFunction(() => (window as unknown as { __clock: { shown: number } }).__clock.shown > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const clock = (window as unknown as { __clock: { shown: number; lastInput: number } }).__clock;
    return { latency: clock.shown - clock.lastInput, results: document.querySelector('pagefind-summary')?.textContent ?? '' };
  });
}

async function typeQuery(page: Page, query: string): Promise<void> {
  for (const character of query) {
    // `type` would insert non-ASCII text without key events; both fire `input`, which is what is timed.
    if (/^[\x20-\x7e]$/.test(character)) await page.keyboard.press(character);
    else await page.keyboard.insertText(character);
    await page.waitForTimeout(TYPING_DELAY);
  }
}

async function freshPage(browser: Browser): Promise<{ page: Page; bytes: ReturnType<typeof watchBytes> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bytes = watchBytes(page);
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await installClock(page);
  return { page, bytes };
}

/** First search on a page just loaded: the UI, the engine and the index all load after `/`. */
async function firstSearch(browser: Browser, query: string): Promise<Measure> {
  const { page, bytes } = await freshPage(browser);
  bytes.start();
  await page.keyboard.press('/');
  await typeQuery(page, query);
  const shown = await waitShown(page);
  await page.waitForLoadState('networkidle');
  const measure = { ...shown, bytes: await bytes.total() };
  await page.context().close();
  return measure;
}

/** A search after another one: only this query's index chunks and results are new. */
async function nextSearch(browser: Browser, query: string): Promise<Measure> {
  const { page, bytes } = await freshPage(browser);
  await page.keyboard.press('/');
  await typeQuery(page, WARM_UP);
  await waitShown(page);
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => !document.querySelector('li.search-result'));
  bytes.start();
  await typeQuery(page, query);
  const shown = await waitShown(page);
  await page.waitForLoadState('networkidle');
  const measure = { ...shown, bytes: await bytes.total() };
  await page.context().close();
  return measure;
}

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;
const sum = (bytes: Record<string, number>): number => Object.values(bytes).reduce((a, b) => a + b, 0);
const breakdown = (bytes: Record<string, number>): string =>
  ['UI', 'engine', 'index', 'results', 'other']
    .filter((name) => bytes[name])
    .map((name) => `${name} ${kb(bytes[name]!)}`)
    .join(', ');

const browser = await launchChromium();
const rows: string[] = [];
try {
  for (const { query, note } of QUERIES) {
    const first: Measure[] = [];
    const next: Measure[] = [];
    for (let i = 0; i < RUNS; i++) {
      console.error(`${query}: run ${i + 1} of ${RUNS}…`);
      first.push(await firstSearch(browser, query));
      next.push(await nextSearch(browser, query));
    }
    // Bytes are the same on every run; latency is the median.
    rows.push(
      [
        `\`${query}\``,
        note,
        first[0]!.results,
        ms(median(first.map((m) => m.latency))),
        `${kb(sum(first[0]!.bytes))} (${breakdown(first[0]!.bytes)})`,
        ms(median(next.map((m) => m.latency))),
        `${kb(sum(next[0]!.bytes))} (${breakdown(next[0]!.bytes)})`,
      ].join(' | '),
    );
  }
} finally {
  await browser.close();
  server.server.close();
}

const home = await readFile(join(dist, 'index.html'), 'utf8');
const element = /<script type="module" src="\/(_astro\/Search[^"]+\.js)"/.exec(home)?.[1];
const elementBytes = element ? await readFile(join(dist, element)) : Buffer.alloc(0);
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${osType()} ${release()}, Node ${process.version}, Chromium (Debian, /usr/bin/chromium); load average ${LOAD.toFixed(1)} at the start`;
const languages = Object.entries(entry.languages)
  .map(([language, { page_count }]) => `${language} ${page_count}`)
  .join(', ');
const report = [
  `Machine: ${machine}.`,
  `Command: \`npm run bench:search -- --documents ${DOCUMENTS} --runs ${RUNS}\`. The site: ${DOCUMENTS.toLocaleString('en')} documents from \`scripts/bench/make-corpus.ts\` (pages per language index: ${languages}), served gzip-compressed from localhost (no network latency), searched from the home page (\`lang="en"\`: the Korean index is merged in).`,
  `Latency: from the last keystroke (typing ${TYPING_DELAY} ms per character) to the first result on screen, median of ${RUNS}; it includes the input's 100 ms debounce. Bytes: on the wire, headers included, from the first keystroke to the end of loading; UI = Component UI script and styles and the dialog's module, engine = pagefind.js, its worker and WebAssembly, index = entry, metadata, word and filter chunks, results = the fragments of the results shown. First search: on a page just loaded, \`/\` then the query. Next search: on the same page after a search for \`${WARM_UP}\`, whose fragments it may reuse.`,
  `Before search is used, a page runs only the search element: ${kb(elementBytes.length)} (${kb(gzipSync(elementBytes, { level: 9 }).length)} gzip).`,
  '',
  '| query | what it is | results | first search: latency | first search: bytes | next search: latency | next search: bytes |',
  '|---|---|---|---:|---:|---:|---:|',
  ...rows.map((row) => `| ${row} |`),
].join('\n');
console.log(report);

if (!values.keep) await rm(work, { recursive: true, force: true });

if (values.write) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- bench:search:start -->';
  const end = '<!-- bench:search:end -->';
  const block = `${start}\n${report}\n${end}`;
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const section = `## Search\n\n_Measured ${new Date().toISOString().slice(0, 10)}._\n\n${block}\n`;
  const next = current.includes(start)
    ? current.replace(
        new RegExp(`_Measured [\\d-]+\\._\\n\\n${start}[\\s\\S]*?${end}`),
        `_Measured ${new Date().toISOString().slice(0, 10)}._\n\n${block}`,
      )
    : `${current.trimEnd()}\n\n${section}`;
  await writeFile(file, next);
  console.error(`Wrote the figures to ${file}.`);
}
