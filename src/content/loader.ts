import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Quotation } from './entry-schema.ts';
import { readFrontmatter, splitEntry, type EntryText } from './entry-file.ts';
import { renderEntryBody, UnsafeEntryError, type RenderOptions } from './render-entry.ts';
import { codeVersion } from '../utils/code-version.ts';
import { fileStamp } from '../utils/file-stamp.ts';

// Part of each stored entry's digest: a change to the code that renders entries, to a library's
// version, or to the render options re-renders the entries a cache kept, not only the ones whose text changed.
let renderer: string | undefined;
const rendererVersion = (): string => (renderer ??= codeVersion(['src/content', 'src/utils']));

const PROGRESS_EVERY_MS = 5000;

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
      for (const [index, name] of names.entries()) {
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
        const loaded = await loadEntry(context, base, name, options);
        if (loaded) seen.add(loaded.id);
        if (loaded?.rendered) rendered++;
        if (loaded && stamp) stamps[name] = { stamp, version, digest: loaded.digest };
        if (performance.now() - lastLine > PROGRESS_EVERY_MS) {
          lastLine = performance.now();
          context.logger.info(`Rendering entries: ${index + 1} of ${names.length}.`);
        }
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

function renderBody({ body, bodyLineOffset }: EntryText, quotations: Quotation[] | undefined, path: string, render: RenderOptions) {
  try {
    return renderEntryBody(body, quotations, render);
  } catch (error) {
    if (error instanceof UnsafeEntryError && error.line !== undefined) {
      throw new Error(`${path}:${error.line + bodyLineOffset}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/**
 * Reads, validates and renders one entry unless the store holds it unchanged;
 * returns its id and whether it was rendered, or undefined when it was refused.
 */
async function loadEntry(
  context: LoaderContext,
  base: string,
  name: string,
  render: RenderOptions,
): Promise<{ id: string; rendered: boolean; digest: string } | undefined> {
  const id = name.replace(/\.mdx$/, '');
  const filePath = join(base, name);
  const relativePath = relative(fileURLToPath(context.config.root), filePath);
  // Synchronously: 10,000 small files, each read faster than a round trip through the thread pool.
  const text = readFileSync(filePath, 'utf8');
  const digest = context.generateDigest(`${rendererVersion()}\n${JSON.stringify(render)}\n${text}`);
  if (context.store.get(id)?.digest === digest) return { id, rendered: false, digest };

  const entry = splitEntry(text);
  if (!entry) {
    context.logger.error(`${relativePath}:1: Expected YAML frontmatter between --- lines, skipped [missing-frontmatter]`);
    return undefined;
  }
  try {
    const raw = readFrontmatter(entry.frontmatter);
    if (raw?.generator !== 'dossier') {
      context.logger.error(
        `${relativePath}:1: Not an entry the ingest wrote (no \`generator: dossier\` in its frontmatter); pages written by hand go in content/pages/, skipped [hand-written-entry]`,
      );
      return undefined;
    }
    const data = await context.parseData({ id, data: raw, filePath: relativePath });
    const { html, headings } = renderBody(entry, (data as { quotations?: Quotation[] }).quotations, relativePath, render);
    context.store.set({ id, data, digest, filePath: relativePath, rendered: { html, metadata: { headings } } });
    return { id, rendered: true, digest };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.logger.error(`${message.startsWith(relativePath) ? '' : `${relativePath}: `}${message} (entry skipped)`);
    return undefined;
  }
}
