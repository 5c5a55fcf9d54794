import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type IndexFile } from 'pagefind';
import { DATE_ORDER_FILE, dateOrder, type DatedPage } from '../lib/search-date-order.ts';

/**
 * Indexes the built site with Pagefind's Node API when `astro build` ends.
 *
 * The Node API rather than the CLI: the index is then part of every
 * `astro build`, whatever runs it (`npm run build`, the test helper's
 * `astro build --outDir …`) and whatever the output folder or base path, with
 * no second command to forget; a failure fails the build, through Astro's
 * logger; and the files can be read before they are written, which the
 * site-wide date order needs.
 *
 * What gets indexed is decided by the pages: `data-pagefind-body` on the
 * document, so the header, sidebar and footer never are.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'dossier-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        const started = performance.now();
        try {
          const { index, errors } = await createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          if (added.page_count === 0) {
            logger.warn('No page has `data-pagefind-body`, so search has nothing to find.');
          }
          const { files, errors: fileErrors } = await index.getFiles();
          if (fileErrors.length > 0) throw new Error(fileErrors.join('; '));
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          await writeFile(join(outputPath, DATE_ORDER_FILE), JSON.stringify(dateOrder(datedPages(files))));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Indexed ${added.page_count} pages for search in ${seconds} s.`);
        } catch (error) {
          throw new Error(`Pagefind failed to index the built site in ${site}`, { cause: error });
        } finally {
          await close();
        }
      },
    },
  };
}

/** Every indexed page's id and date, read from its fragment (gzip, then Pagefind's signature, then JSON). */
function datedPages(files: readonly IndexFile[]): DatedPage[] {
  const pages: DatedPage[] = [];
  for (const file of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(file.path);
    if (!match) continue;
    const fragment = JSON.parse(gunzipSync(file.content).subarray('pagefind_dcd'.length).toString('utf8')) as {
      filters?: Record<string, string[]>;
    };
    pages.push({ id: match[1]!, published: fragment.filters?.published?.[0] });
  }
  return pages;
}
