// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefind } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Tests build fixture sites side by side; each keeps its own content-layer cache.
  cacheDir: process.env.DOSSIER_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx(), pagefind()],
});
