import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { EntryFrontmatterSchema } from './entry-schema.ts';
import { readFrontmatter, splitEntry } from './entry-file.ts';
import type { EntryIndex } from './entry-index.ts';
import { formatNavigationLine, navigationData, parseNavigationLine, stringPool, type NavigationLine } from './navigation.ts';
import { compareStrings } from '../utils/compare-strings.ts';

/**
 * The navigation manifest (`navigation.jsonl`, beside the entries): one line
 * per entry, in id order, with what navigation shows of it (navigation.ts).
 * Written by the plan of a build in partitions, read by each partition in
 * place of the entries it does not render. Streamed both ways, so neither
 * holds the archive.
 */
export const NAVIGATION_FILE = 'navigation.jsonl';

export interface ManifestSummary {
  /** Lines written. */
  entries: number;
  /** Entry files read again: new, or changed since the last manifest. */
  read: number;
  /** Entries left out: no frontmatter, or frontmatter the schema refuses (the loader reports them). */
  refused: number;
  bytes: number;
}

/**
 * Writes the manifest for the entries of `index`, reading only the entry files whose hash differs
 * from the one the last manifest recorded (a merge of two lists in id order).
 */
export async function writeNavigationManifest(entriesDir: string, index: EntryIndex): Promise<ManifestSummary> {
  const file = join(entriesDir, NAVIGATION_FILE);
  const temporary = join(entriesDir, `.${NAVIGATION_FILE}.${process.pid}.tmp`);
  const previous = manifestLines(file)[Symbol.asyncIterator]();
  let last = await previous.next();
  const out = createWriteStream(temporary);
  const summary: ManifestSummary = { entries: 0, read: 0, refused: 0, bytes: 0 };
  try {
    for (const id of Object.keys(index).sort(compareStrings)) {
      while (!last.done && compareStrings(lineId(last.value), id) < 0) last = await previous.next();
      const hash = index[id]![2];
      let text: string | undefined;
      if (!last.done && lineId(last.value) === id && lineHash(last.value) === hash) text = last.value;
      else {
        summary.read++;
        const data = readNavigationData(join(entriesDir, `${id}.mdx`));
        if (data) text = formatNavigationLine({ id, hash, data });
        else summary.refused++;
      }
      if (text === undefined) continue;
      summary.entries++;
      summary.bytes += Buffer.byteLength(text) + 1;
      if (!out.write(`${text}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await previous.return(undefined);
    await rename(temporary, file);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  return summary;
}

/** An entry file's navigation data, or undefined when it has no frontmatter the schema accepts. */
function readNavigationData(path: string) {
  const entry = splitEntry(readFileSync(path, 'utf8'));
  if (!entry) return undefined;
  const parsed = EntryFrontmatterSchema.safeParse(readFrontmatter(entry.frontmatter));
  return parsed.success ? navigationData(parsed.data) : undefined;
}

/**
 * The manifest's entries that `include` accepts, their quotations' words kept where `keepText` says
 * (all of them when it is not given). Throws naming the file when there is none.
 */
export async function readNavigationManifest(
  entriesDir: string,
  include: (id: string) => boolean,
  keepText?: (id: string, index: number) => boolean,
): Promise<NavigationLine[]> {
  const file = join(entriesDir, NAVIGATION_FILE);
  const entries: NavigationLine[] = [];
  const intern = stringPool();
  try {
    for await (const text of manifestLines(file, true)) {
      const id = lineId(text);
      if (include(id)) entries.push(parseNavigationLine(text, keepText && ((index) => keepText(id, index)), intern));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`No navigation manifest in ${file}: make the plan again with \`npm run build -- --plan N\``, { cause: error });
    }
    throw error;
  }
  return entries;
}

/** The lines of a manifest; none when there is no file, unless `required`. */
async function* manifestLines(file: string, required = false): AsyncGenerator<string> {
  const stream = createReadStream(file, 'utf8');
  const opened = new Promise<boolean>((resolve, reject) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' && !required ? resolve(false) : reject(error)));
  });
  if (!(await opened)) return;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) if (line !== '') yield line;
}

// Every line opens `{"id":"…","hash":"…",` (formatNavigationLine): its id and hash are read without parsing the rest.
function lineId(text: string): string {
  return JSON.parse(text.slice(6, text.indexOf('","hash":"') + 1)) as string;
}

function lineHash(text: string): string {
  const start = text.indexOf('","hash":"') + 10;
  return text.slice(start, text.indexOf('"', start));
}
