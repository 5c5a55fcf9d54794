import { spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkPagefindVersion, type PagefindFragment } from './pagefind-format.ts';
import { DATE_ORDER_FILE, dateOrder } from '../date-order.ts';
import { planShards, type IndexablePage, type ShardBudget, type ShardPlan } from './plan-shards.ts';
import { codeVersion } from '../../utils/code-version.ts';
import { fileStamp, stampOf } from '../../utils/file-stamp.ts';
import { linkOrCopySync } from '../../utils/link-or-copy.ts';
import { mapConcurrent } from '../../utils/map-concurrent.ts';
import { fragmentsWriter } from './fragments-writer.ts';
import { mergeBundles, readBundlePages, type IndexedPage } from './merge-bundles.ts';
import { mergedLanguageCache } from './merged-language-cache.ts';
import { pageFactsCache, type PageFactsCache } from './page-facts.ts';
import { hasShards, linkTree, pageDigest, pagefindVersion, shardCache } from './shard-cache.ts';

/**
 * Indexes a built site for search with Pagefind, in bounded memory.
 *
 * Pagefind keeps every page of an index in memory until the index is written,
 * so a large site is cut into shards (plan-shards.ts), each indexed by its
 * own run of the Pagefind binary, two at a time, and their indexes are then
 * merged into the one bundle a single run would have written
 * (merge-bundles.ts): readers search one index per language, as before.
 *
 * The binary rather than the Node API: both are public, and the API, one
 * service per thread, costs a third more time and memory on the same shards
 * (BENCHMARKS.md, "Pagefind's Node API for the shards"). Each shard's pages are hard links (copies where
 * links fail) in a staging folder, so that Pagefind computes the same URLs as
 * for the whole site.
 */

export interface SearchIndexOptions {
  /** The built site. */
  site: string;
  budget: ShardBudget;
  /** Pagefind runs at once. */
  concurrency: number;
  /** A page's value for a sort key, from its fragment: merging orders pages across shards by it. */
  sortValue: (key: string, fragment: PagefindFragment) => string | undefined;
  /** Keeps each shard's index here between builds: a shard whose pages are unchanged is not indexed again. */
  cacheDir?: string;
  /** Progress. */
  log?: (message: string) => void;
  /**
   * Leaves each shard's index in `<site>/${SHARDS_FOLDER}/` unmerged, for `mergeSearchShards` to
   * merge with other builds' (a partition of a site built in parts).
   */
  keepShards?: boolean;
  /**
   * Called once when two or more shards are to be indexed, before Pagefind runs: the caller's
   * memory goes back before Pagefind's runs need theirs. With no cache of shards yet (a first
   * build), before the pages are read; a rebuild that indexes one shard again, or none, does not
   * wait for it.
   */
  beforeIndexing?: () => void;
}

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
  shards: number;
  /** The site has pages but none with `data-pagefind-body`: Pagefind indexed whole pages. */
  noBody: boolean;
  /** Shards whose index came from the cache. */
  reused: number;
  /** Languages whose merged index came from the cache: every shard of theirs was. */
  languagesReused: number;
}

/** Folder of the search bundle in the site, as Pagefind names it by default. */
export const BUNDLE_FOLDER = 'pagefind';
const STAGING_FOLDER = '.dossier-search-staging';
/** Where a partition leaves its shards' indexes (`keepShards`). */
export const SHARDS_FOLDER = '.dossier-search-shards';

export async function buildSearchIndex({
  budget,
  concurrency,
  sortValue,
  log,
  cacheDir,
  keepShards = false,
  beforeIndexing,
  ...options
}: SearchIndexOptions): Promise<SearchIndexResult> {
  const site = resolve(options.site);
  const started = performance.now();
  const since = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const bundle = join(site, BUNDLE_FOLDER);
  const staging = join(site, STAGING_FOLDER);
  let collected = false;
  const collect = (): void => {
    if (!collected) beforeIndexing?.();
    collected = true;
  };
  if (cacheDir === undefined || !hasShards(cacheDir)) collect();
  const code = codeVersion(['src/search/build']);
  const facts = cacheDir === undefined ? undefined : pageFactsCache(pageFactsFile(cacheDir), code);
  const { pages, noBody, digests } = await indexablePages(site, { digests: cacheDir !== undefined, facts });
  facts?.save();
  const plan = planShards(pages, budget);
  if (plan.length === 0) return { pages: 0, shards: 0, noBody, reused: 0, languagesReused: 0 };
  // The merge writes 1.6's format: any other Pagefind stops the build here, with the fix.
  const binary = pagefindBinary();
  const version = pagefindVersion(binary);
  checkPagefindVersion(version, `the binary at ${binary}`);
  // Shards are kept by their pages' bytes, Pagefind's version, and the code that runs it and merges.
  const cache = cacheDir === undefined ? undefined : shardCache(cacheDir, digests, `${version} ${code}`);
  let reused = 0;
  let languagesReused = 0;
  // Each shard's index kept by an earlier build, if any: looked up once.
  const cached = plan.map((shard) => cache?.lookup(shard.pages));
  if (cached.filter((folder) => folder === undefined).length > 1) collect();
  await rm(bundle, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
  await rm(join(site, SHARDS_FOLDER), { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const fragments = fragmentsWriter();
  try {
    let indexed: IndexedPage[];
    if (plan.length === 1 && !keepShards) {
      // One Pagefind run over the whole site, as `pagefind --site` would make it.
      if (cached[0]) {
        linkTree(cached[0], bundle);
        reused = 1;
      } else {
        await runPagefind(['--site', site, '--output-path', bundle, '--silent'], staging);
        cache?.store(plan[0]!.pages, bundle);
      }
      indexed = await readBundlePages(bundle);
    } else {
      log?.(
        `${pages.length} pages to index in ${plan.length} shards of at most ${budget.maxPages} pages or ${mb(budget.maxBytes)} (${since()}).`,
      );
      // A shard kept by an earlier build is merged from the cache itself (its files linked, not moved),
      // unless the shards are left for a later merge.
      const fromCache = (index: number): string | undefined => (keepShards ? undefined : cached[index]);
      const outputs = plan.map(
        (_, index) => fromCache(index) ?? join(keepShards ? join(site, SHARDS_FOLDER) : staging, `out-${index + 1}`),
      );
      // Largest first, so that the last ones to finish are small.
      const order = plan.map((shard, index) => ({ shard, index })).sort((a, b) => b.shard.bytes - a.shard.bytes || a.index - b.index);
      // Progress in at most ten lines: a large site's shards take minutes.
      let done = 0;
      let tenth = 0;
      const step = (): void => {
        done++;
        if (done === plan.length || Math.floor((10 * done) / plan.length) <= tenth) return;
        tenth = Math.floor((10 * done) / plan.length);
        log?.(`Indexed ${done} of ${plan.length} shards (${since()}).`);
      };
      await mapConcurrent(order, concurrency, async ({ shard, index }) => {
        if (cached[index]) {
          if (!fromCache(index)) linkTree(cached[index], outputs[index]!);
          reused++;
          step();
          return;
        }
        const source = join(staging, `in-${index + 1}`);
        stage(site, source, shard);
        try {
          await runPagefind(['--site', source, '--output-path', outputs[index]!, '--silent'], staging);
          await fragments.write(outputs[index]!);
          cache?.store(shard.pages, outputs[index]!);
        } finally {
          await rm(source, { recursive: true, force: true });
        }
        step();
      });
      const unchanged = reused > 0 ? `; ${reused} unchanged since the last build, taken from the cache` : '';
      log?.(`Indexed the shards, ${concurrency} at a time${unchanged} (${since()}).`);
      if (keepShards) {
        cache?.prune();
        return { pages: pages.length, shards: plan.length, noBody, reused, languagesReused };
      }
      const kept = new Set(plan.flatMap((_, index) => fromCache(index) ?? []));
      const languages = cacheDir === undefined ? undefined : mergedLanguageCache(mergedLanguagesDir(cacheDir), `${version} ${code}`);
      indexed = await mergeBundles({ shards: outputs, output: bundle, sortValue, kept, languages });
      languages?.prune();
      languagesReused = languages?.restored ?? 0;
      const restored =
        languagesReused > 0
          ? `; ${languagesReused} language${languagesReused === 1 ? '' : 's'} merged as in the last build, taken from the cache`
          : '';
      log?.(`Merged the shards' indexes${restored} (${since()}).`);
    }
    await writeDateOrder(bundle, indexed);
    cache?.prune();
    return { pages: indexed.length, shards: plan.length, noBody, reused, languagesReused };
  } finally {
    await fragments.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Merges the shards' indexes of several builds (the partitions of one site) into the site's
 * bundle, as `buildSearchIndex` merges its own; returns the pages indexed.
 */
export async function mergeSearchShards(options: {
  shards: string[];
  output: string;
  sortValue: SearchIndexOptions['sortValue'];
}): Promise<number> {
  const indexed = await mergeBundles(options);
  await writeDateOrder(options.output, indexed);
  return indexed.length;
}

/** The order of the pages by date, beside the bundle, for the search dialog's newest-first sort (date-order.ts). */
async function writeDateOrder(bundle: string, indexed: IndexedPage[]): Promise<void> {
  const dated = indexed.map(({ id, fragment }) => ({ id, published: fragment.filters?.published?.[0] }));
  await writeFile(join(bundle, DATE_ORDER_FILE), JSON.stringify(dateOrder(dated)));
}

/** Beside the shard cache, not in it: the shard cache's folder holds shards only. */
const pageFactsFile = (cacheDir: string): string => `${cacheDir}.pages.json`;
const mergedLanguagesDir = (cacheDir: string): string => `${cacheDir}.languages`;

const HTML_LANG = /<html\s[^>]*?\blang\s*=\s*["']?([^"'\s>]+)/i;

/**
 * The pages Pagefind will index: those with `data-pagefind-body` if any page
 * has one (as Pagefind decides), else all of them. With `facts`, a page whose
 * file is unchanged since the last build is not read again (page-facts.ts).
 */
export async function indexablePages(
  site: string,
  { digests = false, facts }: { digests?: boolean; facts?: PageFactsCache } = {},
): Promise<{ pages: IndexablePage[]; noBody: boolean; digests: Map<string, string> }> {
  // Synchronously, with each entry's type: the promise form stats every entry, seconds for a large site.
  const files = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(site, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(
      (file) => !file.startsWith(`${BUNDLE_FOLDER}/`) && !file.startsWith(`${STAGING_FOLDER}/`) && !file.startsWith(`${SHARDS_FOLDER}/`),
    );
  const withBody: IndexablePage[] = [];
  const all: IndexablePage[] = [];
  const digestOf = new Map<string, string>();
  const hashed = digests || facts !== undefined;
  // Synchronously: thousands of small files, each read faster than a round trip through the thread pool.
  const read = pageReader();
  for (const path of files) {
    const file = join(site, path);
    let page = facts?.get(path, facts.empty ? undefined : fileStamp(file));
    if (!page) {
      const { bytes: html, stamp } = read(file);
      const language = HTML_LANG.exec(html.subarray(0, 4096).toString('latin1'))?.[1]?.toLowerCase() ?? 'unknown';
      page = { language, body: bodyAttribute(html), size: html.length, digest: hashed ? pageDigest(html) : '' };
      facts?.set(path, stamp, page);
    }
    if (digests) digestOf.set(path, page.digest);
    if (page.body >= 0) withBody.push({ path, bytes: page.size - page.body, language: page.language });
    else all.push({ path, bytes: page.size, language: page.language });
  }
  return withBody.length > 0
    ? { pages: withBody, noBody: false, digests: digestOf }
    : { pages: all, noBody: all.length > 0, digests: digestOf };
}

/**
 * Reads each page into one reused buffer, valid until the next read, with its file's stamp: a
 * buffer per page, thousands of them left for the collector, kept the indexing process hundreds of
 * MB larger than it needs to be while Pagefind runs beside it (BENCHMARKS.md, "Building in partitions").
 */
function pageReader(): (file: string) => { bytes: Buffer; stamp: string } {
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

/** Links the shard's pages into `dir` at their paths in the site (synchronously, as the scan reads). */
function stage(site: string, dir: string, shard: ShardPlan): void {
  for (const folder of new Set(shard.pages.map((page) => dirname(join(dir, page))))) mkdirSync(folder, { recursive: true });
  for (const page of shard.pages) {
    linkOrCopySync(join(site, page), join(dir, page));
  }
}

/** The Pagefind binary the `pagefind` package installed, found as its own wrapper finds it. */
export function pagefindBinary(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const os = platform() === 'win32' ? 'windows' : platform();
  const cpu = process.env.npm_config_arch || arch();
  // Its platform package is its dependency: resolve from the `pagefind` package's folder (which exports no files).
  const fromProject = createRequire(join(process.cwd(), 'package.json'));
  const folder = (fromProject.resolve.paths('pagefind') ?? [])
    .map((modules) => join(modules, 'pagefind'))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  const require = createRequire(join(folder ?? process.cwd(), 'package.json'));
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${os}-${cpu}/bin/${os === 'windows' ? `${name}.exe` : name}`);
    } catch {
      // Not this one.
    }
  }
  throw new Error(`No Pagefind binary for ${os}-${cpu}: is the \`pagefind\` package installed with its optional dependencies?`);
}

/**
 * Runs the binary. Its working folder is one of ours, so that it reads no
 * `pagefind.yml` of the project, and the environment has no `PAGEFIND_*`
 * settings: the index depends on the site alone, as with the Node API.
 */
async function runPagefind(args: string[], cwd: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  const child = spawn(pagefindBinary(), args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`pagefind ${args.join(' ')} exited with ${code}:\n${output.trim().slice(-4000)}`);
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
