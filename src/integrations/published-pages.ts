import { existsSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { fileStamp } from '../utils/file-stamp.ts';
import { astroVersion, isTestedAstro } from './astro-version.ts';
import type { LinkPagesRequest, LinkPagesResult } from './link-pages-worker.ts';
import type { RenderProgress } from './render-progress.ts';
import { inSitemapOrder } from './sitemap-order.ts';

/**
 * A rebuild starts its new site with the published site's pages, hard-linked, instead of copies.
 *
 * With `experimental.incrementalBuild`, Astro skips a page whose cache key is unchanged; if the
 * page's file is already in the output folder it leaves it as it is, else it copies it from its
 * cache. At 10,000 documents those copies (a folder, an existence check and a copy per page) were
 * a third of a one-document rebuild (BENCHMARKS.md). So, before Astro renders, a worker links each
 * page of the published site into the new output folder, and Astro finds them there.
 *
 * A link shares its file with the published site, so nothing may write into one:
 * - every page Astro renders goes through this integration's prerenderer first, which removes the
 *   link, so that Astro writes a new file;
 * - a linked page that this build no longer has (a removed document) is removed when the pages
 *   are done;
 * - and a linked page whose file changed all the same fails the build, by name.
 *
 * Pages are linked only from a site this integration saw published
 * ({@link confirmPublished}), with Astro's cache as that build left it: Astro's cache keys then
 * stand for the published pages. After a build that failed, or any other doubt, no page is linked
 * and Astro copies them as before.
 *
 * The same prerenderer hands Astro its pages in the sitemap's order (sitemap-order.ts), the one
 * place where a build can choose the order in which pages are rendered.
 *
 * This leans on Astro's incremental build, which is experimental: that it leaves a skipped page
 * found in the output folder untouched, and the name of its cache manifest. The Astro version it
 * was tested with is pinned in package.json and checked here; any other version links nothing.
 */

/** Astro's incremental-build manifest, in its cache folder (astro/dist/core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';
const RECORD = 'dossier-published-pages.json';
const PENDING = 'dossier-published-pages.pending.json';

/** The pages a build wrote, and the state of Astro's cache after it. */
interface PagesRecord {
  /** The site's folder once published. */
  site: string;
  /** The build's process: only it may confirm the record. */
  pid: number;
  /** Astro's manifest's stamp when the pages were done: the keys that stand for these pages. */
  manifest: string;
  /** The published folder's inode (set when confirmed): a site another build published has another. */
  siteInode?: string;
  /** Page files relative to the site. */
  pages: string[];
}

export interface PublishedPagesOptions {
  /** The published site whose pages a build may link (`npm run build` sets it); none, nothing is linked. */
  site?: string;
  /** Told of the pages as they render (render-progress.ts). */
  progress?: RenderProgress;
}

export function publishedPages({ site, progress }: PublishedPagesOptions = {}): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let base = '/';
  let seeding: Promise<LinkPagesResult> | undefined;
  let active = false;
  return {
    name: 'dossier-published-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (!site || !isTestedAstro()) return;
        active = true;
        setPrerenderer((inner) => reusingPrerenderer(inner, { site, outDir, cacheDir, base, seeded: () => seeding, logger, progress }));
      },
      // After Astro has emptied the output folder, and long before the first page.
      'astro:build:setup': () => {
        if (!site || !active || seeding) return;
        const record = publishedRecord(cacheDir, site);
        seeding = record ? linkPages({ from: site, to: outDir, pages: record.pages }) : Promise.resolve({ linked: [], mtimes: [] });
      },
    },
  };
}

/** After `publishSite`: the pages this process's build wrote are the published site's. */
export function confirmPublished(cacheDir: string, site: string): void {
  const pending = readRecord(join(cacheDir, PENDING));
  rmSync(join(cacheDir, RECORD), { force: true });
  if (!pending || pending.pid !== process.pid || pending.site !== site) return;
  const siteInode = String(statSync(site, { bigint: true }).ino);
  writeFileSync(join(cacheDir, PENDING), JSON.stringify({ ...pending, siteInode }));
  renameSync(join(cacheDir, PENDING), join(cacheDir, RECORD));
}

/** The published site's pages, if that site is the one the last confirmed build published, with Astro's cache as that build left it. */
function publishedRecord(cacheDir: string, site: string): PagesRecord | undefined {
  const record = readRecord(join(cacheDir, RECORD));
  if (!record || record.site !== site || !existsSync(site)) return undefined;
  if (record.siteInode !== String(statSync(site, { bigint: true }).ino)) return undefined;
  if (record.manifest !== fileStamp(join(cacheDir, ASTRO_MANIFEST))) return undefined;
  return record;
}

function readRecord(file: string): PagesRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PagesRecord;
  } catch {
    return undefined;
  }
}

function linkPages(request: LinkPagesRequest): Promise<LinkPagesResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./link-pages-worker.ts', import.meta.url), { workerData: request });
    let result: LinkPagesResult | undefined;
    worker.on('message', (message: LinkPagesResult) => (result = message));
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`Linking the published pages stopped (exit code ${code})`))));
  });
}

interface ReuseOptions {
  site: string;
  outDir: string;
  cacheDir: string;
  base: string;
  seeded: () => Promise<LinkPagesResult> | undefined;
  logger: AstroIntegrationLogger;
  progress?: RenderProgress;
}

/** Astro's prerenderer, with the linked pages released before Astro writes them, and the record of this build's pages kept. */
function reusingPrerenderer(
  inner: AstroPrerenderer,
  { site, outDir, cacheDir, base, seeded, logger, progress }: ReuseOptions,
): AstroPrerenderer {
  /** Linked pages not yet released, with their modification times as linked. */
  const linked = new Map<string, bigint>();
  let expected: string[] = [];
  const prerenderer: AstroPrerenderer = {
    name: inner.name,
    async setup() {
      await inner.setup?.();
      const result = await seeded();
      result?.linked.forEach((page, index) => linked.set(page, result.mtimes[index]!));
      if (linked.size > 0) logger.info(`Linked ${linked.size} pages of the published site into the new one.`);
    },
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      expected = paths.flatMap(({ pathname, route }) => (route.type === 'page' ? [pageFile(pathname)] : []));
      progress?.expect(expected);
      return inSitemapOrder(paths);
    },
    async render(request, options) {
      const wanted = options.routeData.type === 'page' && (linked.size > 0 || progress !== undefined);
      const page = wanted ? pageFile(withoutBase(new URL(request.url).pathname, base), true) : undefined;
      if (page !== undefined && linked.size > 0 && linked.delete(page)) rmSync(join(outDir, page), { force: true });
      const response = await inner.render(request, options);
      if (page !== undefined) progress?.rendered(page);
      return response;
    },
    async teardown() {
      try {
        await inner.teardown?.();
      } finally {
        finish();
      }
    },
  };
  if (inner.collectStaticImages) prerenderer.collectStaticImages = () => inner.collectStaticImages!();

  const finish = (): void => {
    const keep = new Set(expected);
    const written: string[] = [];
    for (const [page, mtime] of linked) {
      if (!keep.has(page)) removePage(outDir, page);
      else if (statSync(join(outDir, page), { bigint: true, throwIfNoEntry: false })?.mtimeNs !== mtime) written.push(page);
    }
    if (written.length > 0) {
      throw new Error(
        `Astro wrote ${written.length} page(s) linked from the published site in place, ${written.slice(0, 3).join(', ')}: the published site has changed. Build again; if it recurs, this Astro version (${astroVersion()}) needs src/integrations/published-pages.ts looked at.`,
      );
    }
    const record: PagesRecord = { site, pid: process.pid, manifest: fileStamp(join(cacheDir, ASTRO_MANIFEST)) ?? '', pages: expected };
    writeFileSync(join(cacheDir, PENDING), JSON.stringify(record));
  };
  return prerenderer;
}

/**
 * The file Astro writes for a page at `pathname` (a directory-format build: `<path>/index.html`),
 * relative to the output folder, computed as Astro computes it (getOutFolder, getOutFile).
 * `encoded`: the pathname is a URL's, already percent-encoded.
 */
export function pageFile(pathname: string, encoded = false): string {
  const root = pathToFileURL(`${sep}`);
  const path = encoded ? pathname : encodeURI(pathname);
  const folder = new URL(`.${path.endsWith('/') ? path : `${path}/`}`, root);
  return relative(fileURLToPath(root), fileURLToPath(new URL('./index.html', folder)))
    .split(sep)
    .join('/');
}

/** A request's pathname without the site's base path (`/docs/articles/x/` → `/articles/x/`). */
export function withoutBase(pathname: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  return prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

function removePage(outDir: string, page: string): void {
  rmSync(join(outDir, page), { force: true });
  // Its folder too, if nothing else is in it.
  try {
    rmdirSync(dirname(join(outDir, page)));
  } catch {
    // Not empty.
  }
}
