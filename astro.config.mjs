// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataStoreFile } from './src/integrations/data-store-file.ts';
import { ingestIntegration } from './src/integrations/ingest.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { publishedPages } from './src/integrations/published-pages.ts';
import { renderProgress } from './src/integrations/render-progress.ts';
import { astroCacheDir, config, documentsDir, entriesDir } from './src/config.ts';

const verbose = process.argv.includes('--verbose');
// One partition of a site built in parts (`npm run build -- --partition K/N`): the plan step has
// ingested the documents, and its search shards wait for `npm run build:merge`.
const partition = Boolean(process.env.DOSSIER_PARTITION);
// The prerenderer tells search of the pages as they render: a first build indexes shards meanwhile.
const progress = renderProgress();

export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  trailingSlash: 'always',
  // A rebuild copies article pages whose cacheKey (src/site/page-cache-key.ts) is unchanged.
  experimental: { incrementalBuild: true },
  // Pages render quickly and then wait on the disk (two writes each with the
  // incremental cache); rendering eight at a time keeps the main thread busy
  // (BENCHMARKS.md, "Why the code is as it is").
  // Stylesheets stay files, fetched once and cached, rather than inlined into every page.
  build: { concurrency: 8, inlineStylesheets: 'never' },
  // Tests build fixture sites side by side; each keeps its own content-layer cache.
  cacheDir: astroCacheDir(),
  vite: {
    // Test builds and the built site change all the time; the dev server need not watch them.
    server: { watch: { ignored: ['**/test/.output/**', '**/test-results/**', '**/dist/**', '**/.bench/**'] } },
    build: {
      rollupOptions: {
        // @astrojs/mdx marks each page module with a directive that the bundler
        // warns it may drop. The pages render the same without it, and the
        // warning would otherwise repeat in every build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    mdx(),
    // The pages read the content layer's data store from its file, rather than from a bundled copy that Node compiles.
    dataStoreFile(),
    // sitemap-index.xml and sitemap-0.xml, every page but the 404 (robots.txt points to it).
    // Each article's <lastmod> is its document's last update (src/ingest/run-ingest.ts writes them).
    sitemap({ filter: (page) => !/\/404\/?$/.test(page), serialize: withLastModified(join(entriesDir(), 'last-updated.json')) }),
    // `npm run build` names the published site: a rebuild links its unchanged pages rather than copying them.
    publishedPages({ site: process.env.DOSSIER_PUBLISHED_SITE, progress }),
    pagefind({ keepShards: partition, later: partition && process.env.DOSSIER_INDEX_LATER === '1', progress }),
    // Last, so that its summary is the build's last line; its ingest still runs before content sync.
    ingestIntegration({
      documentsDir: documentsDir(),
      entriesDir: entriesDir(),
      defaultLanguage: config.defaultLanguage,
      folderSections: config.folderSections,
      strict: process.env.STRICT === '1' || process.env.STRICT === 'true',
      verbose,
      skip: partition,
    }),
  ],
});

/**
 * A sitemap serializer that dates each article page by the ingest's last-updated file, read once.
 * @param {string} file
 */
function withLastModified(file) {
  /** @type {Record<string, string> | undefined} */
  let dates;
  /** @param {import('@astrojs/sitemap').SitemapItem} item */
  return (item) => {
    dates ??= existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    const slug = /\/articles\/([^/]+)\/$/.exec(new URL(item.url).pathname)?.[1];
    const date = slug && dates?.[decodeURIComponent(slug)];
    return date ? { ...item, lastmod: date.slice(0, 10) } : item;
  };
}
