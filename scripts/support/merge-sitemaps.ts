/**
 * The sitemap of a site built in partitions, from each partition's: the
 * union of their URLs, in the order and chunks @astrojs/sitemap writes for a
 * whole build (URLs sorted in natural order, 45,000 to a file), so the two
 * are the same bytes.
 */

/** @astrojs/sitemap's default `entryLimit`. */
const URLS_PER_FILE = 45_000;
const URL_ELEMENT = /<url>[\s\S]*?<\/url>/g;
const LOC = /<loc>([^<]*)<\/loc>/;

export interface SitemapFiles {
  /** `sitemap-index.xml` of one partition. */
  index: string;
  /** Its `sitemap-0.xml`, `sitemap-1.xml`…, in order. */
  chunks: string[];
}

/** The merged files, by name. */
export function mergeSitemaps(partitions: readonly SitemapFiles[]): Map<string, string> {
  const first = partitions[0];
  if (!first || first.chunks.length === 0) return new Map();
  const template = first.chunks[0]!;
  const head = template.slice(0, template.search(/<url>|<\/urlset>/));
  const tail = '</urlset>';
  const urls = new Map<string, string>();
  for (const partition of partitions) {
    for (const chunk of partition.chunks) {
      for (const [element] of chunk.matchAll(URL_ELEMENT)) urls.set(LOC.exec(element)?.[1] ?? element, element);
    }
  }
  const sorted = [...urls.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const files = new Map<string, string>();
  for (let start = 0, n = 0; start < sorted.length; start += URLS_PER_FILE, n++) {
    const elements = sorted.slice(start, start + URLS_PER_FILE).map((loc) => urls.get(loc)!);
    files.set(`sitemap-${n}.xml`, `${head}${elements.join('')}${tail}`);
  }
  // The index names each chunk by its URL: the first entry shows how.
  const entry = /<sitemap>[\s\S]*?<\/sitemap>/.exec(first.index)?.[0];
  if (entry) {
    const entries = [...files.keys()].map((name) => entry.replace(/sitemap-\d+\.xml/, name));
    const start = first.index.indexOf(entry);
    const end = first.index.lastIndexOf('</sitemap>') + '</sitemap>'.length;
    files.set('sitemap-index.xml', `${first.index.slice(0, start)}${entries.join('')}${first.index.slice(end)}`);
  }
  return files;
}
