import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ENTRY_INDEX_FILE, readEntryIndex } from '../../src/content/entry-index.ts';
import { writeNavigationManifest, type ManifestSummary } from '../../src/content/navigation-manifest.ts';
import { listFiles } from '../../src/ingest/documents-folder.ts';
import { isDocument } from '../../src/ingest/parse/document-kinds.ts';
import { planPartitions, type PlannedEntry } from '../../src/site/partition-plan.ts';
import { PARTITION_PLAN_FILE, readPlanFile, type PlanFile } from '../../src/site/partition.ts';
import { mergeSearchShards, SHARDS_FOLDER, BUNDLE_FOLDER } from '../../src/search/build/index-site.ts';
import { linkTree } from '../../src/search/build/shard-cache.ts';
import { searchSortValue } from '../../src/integrations/pagefind.ts';
import { linkOrCopySync } from '../../src/utils/link-or-copy.ts';
import { mergeSitemaps, type SitemapFiles } from './merge-sitemaps.ts';

/**
 * The steps of a build in partitions (README, "Large archives"): the plan,
 * each partition's stamp, and the merge of their outputs into one site.
 */

/**
 * How many partitions an archive builds in: as many as `partitionSize` documents fill
 * (dossier.config.ts), one for a smaller archive.
 */
export async function partitionsFor(documentsDir: string, partitionSize: number): Promise<number> {
  const documents = (await listFiles(documentsDir)).filter((file) => isDocument(file.source)).length;
  return Math.max(1, Math.ceil(documents / partitionSize));
}

/** In a partition's output: which plan and partition it is, written last, so a partition cut short has none. */
export const PARTITION_STAMP = '.dossier-partition.json';

export interface PartitionStamp {
  planId: string;
  index: number;
  count: number;
  pages: number;
}

/** Files beside the entries whose contents every page's navigation reads: part of the plan's id. */
const SITE_WIDE_FILES = ['sections.json', 'last-updated.json'];

export interface PlanSummary {
  plan: PlanFile;
  documents: number;
  /** Each partition's documents. */
  sizes: number[];
  /** Bytes of the plan file, of the entry index and of the navigation manifest, per document. */
  bytesPerDocument: { plan: number; index: number; navigation: number };
  navigation: ManifestSummary;
  /** The previous plan was kept and extended (false: made afresh). */
  extended: boolean;
}

/**
 * Plans `count` partitions for the entries the ingest wrote, extending the
 * plan beside them when it has as many, and writes it there, with the
 * navigation manifest the partitions read in place of each other's entries.
 */
export async function writePlan(entriesDir: string, count: number): Promise<PlanSummary> {
  const index = readEntryIndex(entriesDir);
  if (!index) throw new Error(`No ${ENTRY_INDEX_FILE} in ${entriesDir}: run the ingest first (npm run ingest)`);
  const entries: PlannedEntry[] = Object.entries(index).map(([id, [section, bytes]]) => ({ id, section, bytes }));
  const navigation = await writeNavigationManifest(entriesDir, index);
  const previous = readPlanFile(entriesDir);
  const planned = planPartitions(entries, count, previous);
  const extended = previous !== undefined && previous.count === count && Object.keys(planned.entries).some((id) => previous.entries[id]);
  // The id names this plan and the entries it was made for: partitions built from other entries are told apart at the merge.
  const hash = createHash('sha256')
    .update(JSON.stringify(planned))
    .update(readFileSync(join(entriesDir, ENTRY_INDEX_FILE)));
  for (const file of SITE_WIDE_FILES) if (existsSync(join(entriesDir, file))) hash.update(readFileSync(join(entriesDir, file)));
  const plan: PlanFile = { id: hash.digest('base64url').slice(0, 16), ...planned };
  const text = JSON.stringify(plan);
  const temporary = join(entriesDir, `.${PARTITION_PLAN_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, join(entriesDir, PARTITION_PLAN_FILE));
  const sizes = new Array<number>(count).fill(0);
  for (const [partition] of Object.values(plan.entries)) sizes[partition - 1]!++;
  const documents = Math.max(1, entries.length);
  return {
    plan,
    documents: entries.length,
    sizes,
    bytesPerDocument: {
      plan: Math.round(text.length / documents),
      index: Math.round(readFileSync(join(entriesDir, ENTRY_INDEX_FILE)).length / documents),
      navigation: Math.round(navigation.bytes / documents),
    },
    navigation,
    extended,
  };
}

export function describePlan({ plan, documents, sizes, bytesPerDocument, extended, navigation }: PlanSummary): string {
  const loads = sizes.map((size, index) => `${index + 1}: ${size.toLocaleString('en')}`).join(', ');
  return (
    `Planned ${plan.count} partition${plan.count === 1 ? '' : 's'} of ${documents.toLocaleString('en')} documents (plan ${plan.id}, ` +
    `${extended ? 'the last plan extended' : 'made afresh'}): ${loads}. ` +
    `The plan takes ${bytesPerDocument.plan} bytes a document, the entry index ${bytesPerDocument.index}, ` +
    `the navigation manifest ${bytesPerDocument.navigation} (${navigation.read.toLocaleString('en')} entries read for it` +
    `${navigation.refused > 0 ? `, ${navigation.refused.toLocaleString('en')} refused` : ''}).`
  );
}

export async function writeStamp(outDir: string, stamp: PartitionStamp): Promise<void> {
  await writeFile(join(outDir, PARTITION_STAMP), `${JSON.stringify(stamp)}\n`);
}

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/**
 * The partitions' stamps, checked: every partition of one plan, each once.
 * Throws a `MergeError` naming what is missing or foreign.
 */
export async function checkPartitions(dirs: readonly string[]): Promise<Array<{ dir: string; stamp: PartitionStamp }>> {
  if (dirs.length === 0) throw new MergeError('No partitions to merge.');
  const found: Array<{ dir: string; stamp: PartitionStamp }> = [];
  const unfinished: string[] = [];
  for (const dir of dirs) {
    const file = join(dir, PARTITION_STAMP);
    if (!existsSync(file)) unfinished.push(dir);
    else found.push({ dir, stamp: JSON.parse(await readFile(file, 'utf8')) as PartitionStamp });
  }
  if (unfinished.length > 0) {
    throw new MergeError(`Not the whole output of a partition (no ${PARTITION_STAMP}; the build did not finish): ${unfinished.join(', ')}`);
  }
  const { planId, count } = found[0]!.stamp;
  const foreign = found.filter(({ stamp }) => stamp.planId !== planId || stamp.count !== count);
  if (foreign.length > 0) {
    const describe = ({ dir, stamp }: { dir: string; stamp: PartitionStamp }): string =>
      `${dir} (partition ${stamp.index}/${stamp.count} of plan ${stamp.planId})`;
    throw new MergeError(
      `Partitions of different plans cannot be merged: ${describe(found[0]!)} and ${foreign.map(describe).join(', ')}. Build every partition from the same plan.`,
    );
  }
  const byIndex = new Map<number, string>();
  for (const { dir, stamp } of found) {
    const other = byIndex.get(stamp.index);
    if (other) throw new MergeError(`Partition ${stamp.index}/${count} of plan ${planId} is there twice: ${other} and ${dir}`);
    byIndex.set(stamp.index, dir);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new MergeError(
      `Missing partition${missing.length === 1 ? '' : 's'} ${missing.map((index) => `${index}/${count}`).join(', ')} of plan ${planId}; found ${[...byIndex.keys()].sort((a, b) => a - b).join(', ')}.`,
    );
  }
  return found.sort((a, b) => a.stamp.index - b.stamp.index);
}

const SITEMAP = /^sitemap-(\d+|index)\.xml$/;

/**
 * Writes the site the partitions make together into `site`: each page from
 * the partition that rendered it (pages every partition renders, and the
 * assets, must be the same bytes in each), one sitemap, and one search
 * index merged from every partition's shards.
 */
export async function mergePartitions(
  dirs: readonly string[],
  site: string,
  log: (message: string) => void = () => {},
): Promise<{ pages: number; indexed: number }> {
  const started = performance.now();
  const since = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const partitions = await checkPartitions(dirs);
  await mkdir(site, { recursive: true });
  const from = new Map<string, string>();
  const sitemaps: SitemapFiles[] = [];
  let pages = 0;
  for (const { dir, stamp } of partitions) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const sitemap: SitemapFiles = { index: '', chunks: [] };
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
      if (path === PARTITION_STAMP || path.startsWith(`${SHARDS_FOLDER}/`) || path.startsWith(`${BUNDLE_FOLDER}/`)) continue;
      const sitemapName = SITEMAP.exec(path);
      if (sitemapName) {
        const text = await readFile(join(dir, path), 'utf8');
        if (sitemapName[1] === 'index') sitemap.index = text;
        else sitemap.chunks[Number(sitemapName[1])] = text;
        continue;
      }
      const earlier = from.get(path);
      if (earlier) {
        if (!readFileSync(join(earlier, path)).equals(readFileSync(join(dir, path)))) {
          throw new MergeError(`${path} differs between ${earlier} and ${dir}: every partition must render it the same.`);
        }
        continue;
      }
      from.set(path, dir);
      await mkdir(dirname(join(site, path)), { recursive: true });
      linkOrCopySync(join(dir, path), join(site, path));
      if (path.endsWith('.html')) pages++;
    }
    sitemaps.push(sitemap);
    log(`Took partition ${stamp.index}/${stamp.count}'s ${stamp.pages} pages (${since()}).`);
  }
  for (const [name, text] of mergeSitemaps(sitemaps)) await writeFile(join(site, name), text);
  // The merge moves the shards' files: it works on links to them, and the partitions' outputs stay whole.
  const links = join(site, SHARDS_FOLDER);
  const shards: string[] = [];
  for (const { dir } of partitions) {
    const folder = join(dir, SHARDS_FOLDER);
    if (!existsSync(folder)) continue;
    for (const name of (await readdir(folder)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      const shard = join(links, String(shards.length + 1));
      linkTree(join(folder, name), shard);
      shards.push(shard);
    }
  }
  let indexed = 0;
  try {
    if (shards.length > 0) {
      log(`Merging ${shards.length} search shards (${since()}).`);
      indexed = await mergeSearchShards({ shards, output: join(site, BUNDLE_FOLDER), sortValue: searchSortValue });
    }
  } finally {
    await rm(links, { recursive: true, force: true });
  }
  log(
    `Merged ${partitions.length} partitions: ${pages.toLocaleString('en')} pages, ${indexed.toLocaleString('en')} of them in the search index (${since()}).`,
  );
  return { pages, indexed };
}
