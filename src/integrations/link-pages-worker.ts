import { linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** What the worker is asked: link these pages (paths relative to both folders) of `from` into `to`. */
export interface LinkPagesRequest {
  from: string;
  to: string;
  pages: string[];
}

/** The pages linked, each with its modification time (ns) as linked: a page written in place later has another. */
export interface LinkPagesResult {
  linked: string[];
  mtimes: bigint[];
}

// Off the main thread: tens of thousands of mkdir and link calls while Astro bundles beside them.
const { from, to, pages } = workerData as LinkPagesRequest;
const made = new Set<string>();
const result: LinkPagesResult = { linked: [], mtimes: [] };
for (const page of pages) {
  const target = join(to, page);
  try {
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    linkSync(join(from, page), target);
  } catch {
    // Gone from the published site, or a file system without links: Astro restores it from its cache.
    continue;
  }
  try {
    result.mtimes.push(statSync(target, { bigint: true }).mtimeNs);
    result.linked.push(page);
  } catch {
    // A link the caller would not know of must not stay: Astro could write into the published page.
    rmSync(target, { force: true });
  }
}
parentPort!.postMessage(result);
