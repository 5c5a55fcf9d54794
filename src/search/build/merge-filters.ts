import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodePoints, encodeFilter, pagefindHash, pagefindPayload, readFilter, type PagefindMeta } from './pagefind-format.ts';
import { uniqueName, type Part, type Writes } from './merge-parts.ts';

/** The shards' filters of one language, each value's pages renumbered into the merged index, written as Pagefind names them. */
export async function mergeFilters(
  language: string,
  parts: readonly Part[],
  output: string,
  writes: Writes,
): Promise<PagefindMeta['filters']> {
  const filters = new Map<string, Map<string, number[]>>();
  for (const part of parts) {
    for (const { hash } of part.meta.filters) {
      const filter = readFilter(pagefindPayload(await readFile(join(part.dir, 'filter', `${hash}.pf_filter`))));
      const values = filters.get(filter.name) ?? new Map<string, number[]>();
      filters.set(filter.name, values);
      for (const { value, pages } of filter.values) {
        const merged = values.get(value) ?? [];
        values.set(value, merged);
        for (const page of pages) merged.push(part.offset + page);
      }
    }
  }
  const names = new Set<string>();
  return [...filters]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([name, values]) => {
      const payload = encodeFilter({
        name,
        values: [...values].sort(([a], [b]) => compareCodePoints(a, b)).map(([value, pages]) => ({ value, pages })),
      });
      const hash = uniqueName(`${language}_${pagefindHash(payload)}`, language.length + 8, names);
      writes.add(join(output, 'filter', `${hash}.pf_filter`), payload);
      return { name, hash };
    });
}
