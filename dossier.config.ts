// The site's configuration: every field is documented where it is defined,
// in src/lib/site-config.ts. SITE_URL, BASE_PATH and SEEDS_DIR override the
// values below from the environment.
import { defineSiteConfig } from './src/lib/site-config.ts';

export default defineSiteConfig({
  title: 'Dossier',
  description: 'Documents, published as a searchable site.',
  siteUrl: 'https://example.org',
  basePath: '/',
  defaultLanguage: 'en',
  documentsDir: 'content/seeds',
  sectionOrder: [],
});
