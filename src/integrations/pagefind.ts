import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API when `astro build` ends, so
 * every production build has search, whatever its output folder or base path,
 * without a second command to remember.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'dossier-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Indexed ${added.page_count} pages for search in ${seconds} s.`);
        } catch (error) {
          throw new Error('Pagefind failed to index the built site', { cause: error });
        } finally {
          await close();
        }
      },
    },
  };
}
