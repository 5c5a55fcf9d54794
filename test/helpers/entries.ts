import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitEntry } from '../../src/content/entry-file.ts';
import type { EntryFrontmatter } from '../../src/content/entry-schema.ts';

/** The frontmatter of every generated entry, by source path. */
export async function readEntriesBySource(dir: string): Promise<Map<string, EntryFrontmatter>> {
  const bySource = new Map<string, EntryFrontmatter>();
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.mdx'))) {
    const text = await readFile(join(dir, name), 'utf8');
    const data = parse(splitEntry(text)!.frontmatter) as EntryFrontmatter;
    bySource.set(data.source, data);
  }
  return bySource;
}
