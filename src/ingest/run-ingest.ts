import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { mapConcurrent } from '../utils/map-concurrent.ts';
import { listFiles, readFiles, type FoundFile, type ReadResult } from './documents-folder.ts';
import { FILE_CONCURRENCY, readEntries, removeEntry, removeTemporaryFiles, writeEntryAtomically } from './entry-files.ts';
import { fileStamp, stampPredates } from '../utils/file-stamp.ts';
import { hashBytes, ingestVersion, readIngestCache, writeIngestCache, type CachedDocument } from './ingest-cache.ts';
import type { IngestOptions } from './parse/ingest-document.ts';
import { isDocument } from './parse/document-kinds.ts';
import { messageCollector, type DossierMessage } from './message.ts';
import { isFolderDescription, parseFolderDescription, type FolderDescription } from './parse/folder-description.ts';
import { isPeopleFile, parsePeopleFile, type PersonRule } from './parse/people-file.ts';
import { sectionRecords, type DescribedFolder } from './section-records.ts';
import { readGitHistory } from './git-history.ts';
import { compareStrings } from '../utils/compare-strings.ts';
import { handWrittenSlugs, planEntries } from './plan-entries.ts';
import { prepareDocument } from './parse/prepare-document.ts';
import { prepareHere, preparePool, type PreparePool } from './threads/prepare-pool.ts';
import { assignSlugs } from './slugs.ts';
import { draftStore } from './draft-store.ts';
import { entryWithSlug, isGeneratedEntry } from './to-mdx.ts';
import { ENTRY_INDEX_FILE, type EntryIndex } from '../content/entry-index.ts';

/** Documents to parse from which worker threads pay for their own start. */
const POOL_THRESHOLD = 200;
const MAX_PARSE_WORKERS = 4;
const MAX_IN_FLIGHT = 256;
// Characters of the waiting documents' entry texts held in memory (draft-store.ts): about 10,000 news articles' worth.
const DRAFT_CHARACTERS_IN_MEMORY = 64_000_000;
/** Beside the entries: what the site needs of each section beyond its name (src/content.config.ts). */
export const SECTIONS_FILE = 'sections.json';
/** Beside the entries: each entry's last-updated date (src/content.config.ts). */
export const LAST_UPDATED_FILE = 'last-updated.json';

type Prepared = Awaited<ReturnType<PreparePool['prepare']>>;

export interface IngestRunOptions {
  /** Folder of source documents. */
  documentsDir: string;
  /** Folder of generated `.mdx` entries. */
  entriesDir: string;
  defaultLanguage: string;
  /** Folders are sections when a document names none (on unless set to false). */
  folderSections?: boolean;
  /** Date each document by its last commit, from one `git log` (on unless set to false). */
  history?: boolean;
  /** Called with each diagnostic as it is found. */
  onMessage?: (message: DossierMessage) => void;
  /** Called as documents are read: how many so far, of how many. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads that parse: 1 parses here; more, on that many workers. By
   * default, one per core (up to 4) once 200 documents need parsing.
   */
  parseThreads?: number;
  /** Characters of entry texts that wait for their slugs in memory; past it they wait on disk (draft-store.ts). */
  draftCharactersInMemory?: number;
}

export interface IngestSummary {
  documents: number;
  written: number;
  unchanged: number;
  removed: number;
  errors: number;
  warnings: number;
  /** The documents' repository is a shallow clone: their last-updated dates stop at its oldest commit. */
  shallowHistory?: boolean;
  messages: DossierMessage[];
}

/** Documents folder → entries folder: read, parse, assign slugs, write only what changed, remove what is gone. */
export async function runIngest(options: IngestRunOptions): Promise<IngestSummary> {
  const startedAt = Date.now();
  const messages: DossierMessage[] = [];
  const report = (message: DossierMessage): void => {
    messages.push(message);
    options.onMessage?.(message);
  };

  // The history is read while the documents are: one `git log`, on its own process.
  const history = options.history === false ? Promise.resolve(undefined) : readGitHistory(options.documentsDir);
  history.catch(() => {});
  const files = await listFiles(options.documentsDir, report);
  const documents = files.filter((file) => isDocument(file.source) && !isFolderDescription(file.source));
  if (documents.length === 0) {
    // An empty or unmounted folder would publish an empty site: say so (STRICT makes it fail the build).
    report({
      reason: `No documents in ${options.documentsDir} (expected .txt, .md or .mdx files); the site has none`,
      file: '.',
      ruleId: 'no-documents',
      fatal: false,
    });
  }
  for (const file of files) {
    if (!isDocument(file.source) && !isFolderDescription(file.source) && !isPeopleFile(file.source)) {
      report({
        reason: 'Not a document (expected .txt, .md or .mdx), skipped',
        file: file.source,
        ruleId: 'unsupported-file',
        fatal: false,
      });
    }
  }
  const folderSections = options.folderSections !== false;
  const folders = folderSections
    ? await readFolderDescriptions(
        files.filter((file) => isFolderDescription(file.source)),
        report,
      )
    : {};
  const people = await readPeople(
    files.find((file) => isPeopleFile(file.source)),
    report,
  );

  await removeTemporaryFiles(options.entriesDir);
  await mkdir(options.entriesDir, { recursive: true });
  // Only each entry's text but its slug waits for the slugs (written on the parse threads): not the
  // tree, not the bytes; and past a budget, the texts wait on disk. Left behind if the run fails: the next removes it.
  const drafts = draftStore(
    join(options.entriesDir, `.drafts.${process.pid}.tmp`),
    options.draftCharactersInMemory ?? DRAFT_CHARACTERS_IN_MEMORY,
  );
  // The folders' descriptions are part of the options, so a changed description re-reads the documents it names.
  // So is the people file: a changed rule re-reads the documents.
  const ingestOptions: IngestOptions = {
    defaultLanguage: options.defaultLanguage,
    folderSections,
    folders: titlesOnly(folders),
    ...(people.length > 0 && { people }),
  };
  const version = await ingestVersion(ingestOptions);
  const cache = await readIngestCache(options.entriesDir, version);
  const previous = cache.documents;
  // Entries the last run wrote and nobody touched since (their stamps say so) are not read.
  const entryStamps = new Map([...previous.values()].flatMap((record) => (record.entryStamp ? [[record.entry, record.entryStamp]] : [])));
  const existing = await readEntries(options.entriesDir, (name) => {
    const stamp = entryStamps.get(name);
    return stamp !== undefined && fileStamp(join(options.entriesDir, name)) === stamp;
  });
  const isOurs = (name: string): boolean => {
    if (!existing.has(name)) return false;
    const text = existing.get(name);
    return text === undefined || isGeneratedEntry(text);
  };
  const next = new Map<string, CachedDocument>();
  // Documents whose bytes, and whose entry, are as the last run left them: not parsed again.
  const reused = new Map<string, CachedDocument>();

  // Many documents to parse (a first build, a new archive): on worker threads; a few: here.
  const parseCount = documents.filter((file) => !previous.has(file.source)).length;
  const threads = options.parseThreads ?? (parseCount >= POOL_THRESHOLD ? Math.min(availableParallelism(), MAX_PARSE_WORKERS) : 1);
  const pool = threads > 1 ? preparePool(ingestOptions, threads) : prepareHere(ingestOptions);
  // In document order, so that diagnostics come out in the same order however the threads finish;
  // each is taken (its draft stored, its diagnostics reported) as soon as it is done and the ones
  // before it are, so that at most MAX_IN_FLIGHT parsed documents wait outside the drafts.
  type Pending = { source: string; hash: string; cached?: CachedDocument; parsed?: Promise<Prepared>; unreadable?: DossierMessage };
  const pending: Pending[] = [];
  const take = async ({ source, hash, cached, parsed, unreadable }: Pending): Promise<void> => {
    if (unreadable) return report(unreadable);
    if (cached) {
      cached.messages.forEach(report);
      reused.set(source, cached);
      return;
    }
    const { prepared, messages: found } = await parsed!;
    found.forEach(report);
    if (!prepared) return;
    drafts.set(source, prepared);
    next.set(source, {
      hash,
      title: prepared.title,
      ...(prepared.slug && { slug: prepared.slug }),
      ...(prepared.updated && { updated: prepared.updated }),
      ...placeholderIndex,
      messages: found,
    });
  };
  // Bounded: at most this many documents' bytes, or parsed documents, wait at once.
  const add = async (item: Pending): Promise<void> => {
    while (pending.length >= MAX_IN_FLIGHT) await take(pending.shift()!);
    pending.push(item);
  };
  // A document whose stamp is the one it had when the last run read it, and whose entry is still
  // the ingest's, is not read at all: 10,000 unchanged documents cost 10,000 stats.
  const stamps = new Map(documents.map((file) => [file.source, fileStamp(file.path)]));
  const unread = new Set(
    documents
      .filter((file) => {
        const cached = previous.get(file.source);
        const stamp = stamps.get(file.source);
        return cached?.stamp !== undefined && cached.stamp === stamp && stampPredates(stamp, cache.startedAt) && isOurs(cached.entry);
      })
      .map((file) => file.source),
  );
  const read = readFiles(documents.filter((file) => !unread.has(file.source)));
  let done = 0;
  try {
    for (const document of documents) {
      options.onProgress?.(++done, documents.length);
      if (unread.has(document.source)) {
        const cached = previous.get(document.source)!;
        await add({ source: document.source, hash: cached.hash, cached });
        continue;
      }
      // The next of the documents that are read: the same order as this loop's.
      const { file, bytes, error } = read.next().value as ReadResult;
      if (!bytes) {
        const reason = `Cannot read the file: ${error?.message}`;
        await add({ source: file.source, hash: '', unreadable: { reason, file: file.source, ruleId: 'unreadable-file', fatal: true } });
        continue;
      }
      const hash = hashBytes(bytes);
      const cached = previous.get(file.source);
      if (cached?.hash === hash && isOurs(cached.entry)) {
        await add({ source: file.source, hash, cached });
        continue;
      }
      await add({ source: file.source, hash, parsed: pool.prepare(bytes, file.source) });
    }
    for (const item of pending.splice(0)) await take(item);
  } finally {
    await pool.close();
  }

  const slugs = assignSlugs(
    [...drafts.titles(), ...[...reused].map(([source, cached]) => ({ source, title: cached.title, slug: cached.slug }))],
    handWrittenSlugs(existing),
  );
  // A reused document whose slug moved (another document took its title) is parsed after all.
  for (const [source, cached] of reused) {
    if (`${slugs.get(source)}.mdx` === cached.entry) continue;
    reused.delete(source);
    const bytes = await readFile(join(options.documentsDir, source));
    const { prepared, messages: found } = prepareDocument(bytes, source, ingestOptions);
    if (prepared) drafts.set(source, prepared);
    next.set(source, {
      hash: cached.hash,
      title: cached.title,
      ...(cached.slug && { slug: cached.slug }),
      ...(prepared?.updated && { updated: prepared.updated }),
      ...placeholderIndex,
      messages: found,
    });
  }

  // Each parsed document becomes its entry, is written if it changed, and is let go: the texts of
  // 100,000 entries are never all in memory at once.
  const wanted = new Map<string, string | undefined>();
  let written = 0;
  await mapConcurrent(drafts.keys(), FILE_CONCURRENCY, async (source) => {
    const draft = drafts.take(source)!;
    const name = `${slugs.get(source)!}.mdx`;
    const text = entryWithSlug(slugs.get(source)!, draft.text);
    const record = next.get(source);
    if (record) Object.assign(record, { entry: name, section: draft.section, ...sizeAndHash(text) });
    // Planned below as an entry this run keeps as it is now.
    wanted.set(name, undefined);
    if (existing.get(name) === text) return;
    await writeEntryAtomically(options.entriesDir, name, text);
    written++;
  });
  drafts.close();
  for (const [source, cached] of reused) {
    wanted.set(cached.entry, existing.get(cached.entry));
    next.set(source, cached);
  }

  const plan = planEntries(wanted, existing);
  await mapConcurrent([...plan.write], FILE_CONCURRENCY, ([name, text]) => writeEntryAtomically(options.entriesDir, name, text));
  await mapConcurrent(plan.remove, FILE_CONCURRENCY, (name) => removeEntry(options.entriesDir, name));
  await writeEntryAtomically(options.entriesDir, ENTRY_INDEX_FILE, `${JSON.stringify(entryIndex(next.values()))}\n`);
  await writeEntryAtomically(options.entriesDir, SECTIONS_FILE, `${JSON.stringify(sectionRecords([...next.keys()], folders), null, 1)}\n`);
  const repository = await history;
  await writeEntryAtomically(
    options.entriesDir,
    LAST_UPDATED_FILE,
    `${JSON.stringify(lastUpdated(next, repository?.lastCommit), null, 1)}\n`,
  );
  // What the next run compares: each document's stamp as read here, each entry's as written.
  for (const [source, record] of next) {
    const stamp = stamps.get(source);
    if (stamp === undefined) delete record.stamp;
    else record.stamp = stamp;
    const entryStamp = fileStamp(join(options.entriesDir, record.entry));
    if (entryStamp === undefined) delete record.entryStamp;
    else record.entryStamp = entryStamp;
  }
  await writeIngestCache(options.entriesDir, version, { documents: next, startedAt });

  return {
    documents: documents.length,
    written: written + plan.write.size,
    unchanged: plan.unchanged.length - written,
    removed: plan.remove.length,
    errors: messages.filter((message) => message.fatal).length,
    warnings: messages.filter((message) => !message.fatal).length,
    ...(repository?.shallow && { shallowHistory: true }),
    messages,
  };
}

/** Filled in once the document's slug, and so its entry, is known. */
const placeholderIndex = { entry: '', section: [], bytes: 0, entryHash: '' };

function sizeAndHash(text: string): { bytes: number; entryHash: string } {
  const bytes = Buffer.from(text);
  return { bytes: bytes.length, entryHash: hashBytes(bytes) };
}

/**
 * Entry id → its section, size and hash, in id order: what a build that is cut into partitions
 * plans with (src/site/partition-plan.ts), without reading 100,000 entries.
 */
function entryIndex(documents: Iterable<CachedDocument>): EntryIndex {
  const rows = [...documents].map((record) => [record.entry.replace(/\.mdx$/, ''), record] as const);
  rows.sort(([a], [b]) => compareStrings(a, b));
  return Object.fromEntries(rows.map(([id, { section, bytes, entryHash }]) => [id, [section, bytes, entryHash]]));
}

/**
 * Entry name → when its document was last updated: the date the document
 * states (`Updated:`, frontmatter `updated`/`lastmod`), else its last commit,
 * as the committer's local date and time.
 */
function lastUpdated(
  documents: ReadonlyMap<string, CachedDocument>,
  commits: ReadonlyMap<string, string> | undefined,
): Record<string, string> {
  const dates: [string, string][] = [];
  for (const [source, document] of documents) {
    const date = document.updated ?? commits?.get(source)?.slice(0, 19);
    if (date && document.entry) dates.push([document.entry.replace(/\.mdx$/, ''), date]);
  }
  return Object.fromEntries(dates.sort(([a], [b]) => compareStrings(a, b)));
}

/** Reads each folder-description file (`_category_.json`, `_index.md`…): folder path → what it says. */
async function readFolderDescriptions(
  files: readonly FoundFile[],
  report: (message: DossierMessage) => void,
): Promise<Record<string, DescribedFolder>> {
  const folders: Record<string, DescribedFolder> = Object.create(null) as Record<string, DescribedFolder>;
  for (const file of files) {
    const collector = messageCollector(file.source);
    try {
      const text = (await readFile(file.path, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      const folder = file.source.includes('/') ? file.source.slice(0, file.source.lastIndexOf('/')) : '';
      // `_category_.json` and `_index.md` side by side: the first in path order speaks for the folder.
      if (folder !== '') folders[folder] ??= { ...parseFolderDescription(text, file.source, collector), file: file.source };
    } catch (error) {
      collector.warn(`Cannot read the folder description: ${(error as Error).message}`, 'unreadable-file');
    }
    collector.messages.forEach(report);
  }
  return folders;
}

/** The people file at the top of the documents folder (`people.yml`), when there is one. */
async function readPeople(file: FoundFile | undefined, report: (message: DossierMessage) => void): Promise<PersonRule[]> {
  if (!file) return [];
  const collector = messageCollector(file.source);
  let rules: PersonRule[] = [];
  try {
    rules = parsePeopleFile((await readFile(file.path, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), collector);
  } catch (error) {
    collector.warn(`Cannot read the people file: ${(error as Error).message}`, 'unreadable-file');
  }
  collector.messages.forEach(report);
  return rules;
}

/** What the documents' own entries need of the descriptions: the folders' titles. */
function titlesOnly(folders: Record<string, DescribedFolder>): Record<string, FolderDescription> {
  return Object.fromEntries(Object.entries(folders).flatMap(([path, folder]) => (folder.title ? [[path, { title: folder.title }]] : [])));
}
