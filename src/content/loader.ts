import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { PreparedEntry } from './prepare-entry.ts';
import type { RenderOptions } from './render-entry.ts';
import { renderHere, renderPool, type RenderPool } from './render-pool.ts';
import { codeVersion } from '../utils/code-version.ts';
import { fileStamp } from '../utils/file-stamp.ts';

// Part of each stored entry's digest: a change to the code that renders entries, to a library's
// version, or to the render options re-renders the entries a cache kept, not only the ones whose text changed.
let renderer: string | undefined;
const rendererVersion = (): string => (renderer ??= codeVersion(['src/content', 'src/utils']));

const PROGRESS_EVERY_MS = 5000;
/** Entries to render from which worker threads render them: starting them costs about a second. */
const RENDER_ON_THREADS_FROM = 200;
/** Entries read ahead of the one handed to Astro, while worker threads render them. */
const ENTRIES_AHEAD = 256;

/** What the loader keeps of an entry file between builds, in its meta store. */
interface StampRecord {
  stamp: string;
  version: string;
  digest: string;
}

/** The loader's meta store key of its entry files' stamps, by file name. */
const STAMPS_KEY = 'entry-stamps';

function readStamps(context: LoaderContext): Record<string, StampRecord> {
  try {
    return JSON.parse(context.meta.get(STAMPS_KEY) ?? '{}') as Record<string, StampRecord>;
  } catch {
    return {};
  }
}

/**
 * Loads the entries the ingest generated and renders each one to HTML once,
 * in the content layer, instead of compiling it as an MDX module, which
 * costs about twice the time and memory of `glob()` + @astrojs/mdx
 * (BENCHMARKS.md, "Why the code is as it is").
 * Unchanged entries keep their stored HTML between builds (by digest).
 *
 * `renders` limits the entries to some (a build in partitions loads its own); the others are
 * left out of the store: navigation reads them from the manifest (navigation-manifest.ts).
 */
export function generatedEntriesLoader(options: { base: string } & RenderOptions, renders?: (id: string) => boolean): Loader {
  return {
    name: 'dossier-generated-entries',
    async load(context) {
      const base = resolve(options.base);
      const names = await listEntries(base);
      const seen = new Set<string>();
      let rendered = 0;
      // Entries another partition renders (a build in partitions): not loaded.
      let others = 0;
      // A line every few seconds on a long sync (100,000 entries, or one huge one).
      let lastLine = performance.now();
      // An entry file whose stamp (size, inode, time) is the one it had when its stored HTML was
      // made, by the same renderer, is not read again: 10,000 unchanged entries cost 10,000 stats.
      const version = `${rendererVersion()}\n${JSON.stringify(options)}`;
      const previous = readStamps(context);
      const stamps: Record<string, StampRecord> = {};
      // First the stamps: which entries must be read at all.
      const toRead: { name: string; stamp: string | undefined }[] = [];
      for (const name of names) {
        const id = name.replace(/\.mdx$/, '');
        if (renders?.(id) === false) {
          others++;
          continue;
        }
        const stamp = fileStamp(join(base, name));
        const record = previous[name];
        if (stamp && record?.stamp === stamp && record.version === version && context.store.get(id)?.digest === record.digest) {
          seen.add(id);
          stamps[name] = record;
          continue;
        }
        toRead.push({ name, stamp });
      }
      // Many to render (a first build): on worker threads, while this one reads the files and
      // hands Astro what they made, in the entries' order, a window ahead.
      const pool = toRead.length >= RENDER_ON_THREADS_FROM ? renderPool(options, availableParallelism()) : renderHere(options);
      try {
        const started: StartedEntry[] = [];
        let done = 0;
        const finish = async (): Promise<void> => {
          const { name, stamp } = toRead[done]!;
          const loaded = await finishEntry(context, started.shift()!);
          if (loaded) seen.add(loaded.id);
          if (loaded?.rendered) rendered++;
          if (loaded && stamp) stamps[name] = { stamp, version, digest: loaded.digest };
          done++;
          if (performance.now() - lastLine > PROGRESS_EVERY_MS) {
            lastLine = performance.now();
            context.logger.info(`Rendering entries: ${done} of ${toRead.length} to read.`);
          }
        };
        for (const { name } of toRead) {
          started.push(startEntry(context, base, name, options, pool));
          if (started.length >= ENTRIES_AHEAD) await finish();
        }
        while (started.length > 0) await finish();
      } finally {
        await pool.close();
      }
      for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
      context.meta.set(STAMPS_KEY, JSON.stringify(stamps));
      // What a rebuild cost: entries whose text, renderer code and libraries are unchanged keep their HTML.
      const refused = names.length - others - seen.size;
      const elsewhere = others > 0 ? `; ${others} left to other partitions` : '';
      context.logger.info(
        `Rendered ${rendered} of ${names.length} entries; ${seen.size - rendered} unchanged since the last build${elsewhere}${refused > 0 ? `; ${refused} refused` : ''}.`,
      );

      context.watcher?.add(base);
      context.watcher?.on('all', async (event, path) => {
        if (!path.startsWith(base) || !path.endsWith('.mdx')) return;
        const name = path.slice(base.length + 1);
        if (event === 'unlink') context.store.delete(name.replace(/\.mdx$/, ''));
        else if (event === 'add' || event === 'change') await loadEntry(context, base, name, options);
      });
    },
  };
}

async function listEntries(base: string): Promise<string[]> {
  try {
    return (await readdir(base)).filter((name) => name.endsWith('.mdx')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** An entry read, and its preparation under way unless the store holds it unchanged. */
interface StartedEntry {
  id: string;
  relativePath: string;
  digest: string;
  /** Undefined when the store holds the entry with this digest. */
  prepared?: Promise<PreparedEntry>;
}

function startEntry(context: LoaderContext, base: string, name: string, render: RenderOptions, pool: RenderPool): StartedEntry {
  const id = name.replace(/\.mdx$/, '');
  const filePath = join(base, name);
  const relativePath = relative(fileURLToPath(context.config.root), filePath);
  // Synchronously: 10,000 small files, each read faster than a round trip through the thread pool.
  const text = readFileSync(filePath, 'utf8');
  const digest = context.generateDigest(`${rendererVersion()}\n${JSON.stringify(render)}\n${text}`);
  if (context.store.get(id)?.digest === digest) return { id, relativePath, digest };
  return { id, relativePath, digest, prepared: pool.prepare(text) };
}

/**
 * Validates and stores one started entry; returns its id and whether it was rendered, or
 * undefined when it was refused.
 */
async function finishEntry(
  context: LoaderContext,
  { id, relativePath, digest, prepared }: StartedEntry,
): Promise<{ id: string; rendered: boolean; digest: string } | undefined> {
  if (!prepared) return { id, rendered: false, digest };
  const entry = await prepared;
  if (entry.kind === 'no-frontmatter') {
    context.logger.error(`${relativePath}:1: Expected YAML frontmatter between --- lines, skipped [missing-frontmatter]`);
    return undefined;
  }
  try {
    if (entry.kind === 'failed')
      throw new Error(entry.line === undefined ? entry.message : `${relativePath}:${entry.line}: ${entry.message}`);
    if (entry.data?.generator !== 'dossier') {
      context.logger.error(
        `${relativePath}:1: Not an entry the ingest wrote (no \`generator: dossier\` in its frontmatter); pages written by hand go in content/pages/, skipped [hand-written-entry]`,
      );
      return undefined;
    }
    const data = await context.parseData({ id, data: entry.data, filePath: relativePath });
    // The schema took quotations that prepareEntry did not: not expected, as they are one schema.
    if (!entry.body) throw new Error('Its quotations were refused before the schema took them');
    const { html, headings } = entry.body;
    context.store.set({ id, data, digest, filePath: relativePath, rendered: { html, metadata: { headings } } });
    return { id, rendered: true, digest };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.logger.error(`${message.startsWith(relativePath) ? '' : `${relativePath}: `}${message} (entry skipped)`);
    return undefined;
  }
}

/** Reads, validates and renders one entry in this thread (the dev server's changes). */
function loadEntry(context: LoaderContext, base: string, name: string, render: RenderOptions) {
  return finishEntry(context, startEntry(context, base, name, render, renderHere(render)));
}
