// The site's configuration: every field is documented where it is defined,
// in src/config.ts. SITE_URL, BASE_PATH and DOCUMENTS_DIR override the values
// below from the environment.
import type { SiteConfigInput } from './src/config.ts';

export default {
  title: 'Dossier',
  description: 'Documents, published as a searchable site.',
  siteUrl: 'https://example.org',
  basePath: '/',
  defaultLanguage: 'en',
  documentsDir: 'content/documents',
  sectionOrder: [],
} satisfies SiteConfigInput;
