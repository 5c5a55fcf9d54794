// ESLint's recommended rules, typescript-eslint's recommended type-aware
// rules, eslint-plugin-astro's recommended rules for .astro files, and the
// boundaries between the project's folders (ARCHITECTURE.md).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports run one way: scripts → src/ingest → src/content (schema), and the
 * site reaches the ingest only through its integration. Each zone forbids
 * `target` to import from `from`.
 */
const boundaries = [
  // Nothing the product ships imports the command lines or the tests.
  { target: './src', from: ['./scripts', './test'], message: 'src/ is the product: it never imports scripts/ or test/.' },
  // Scripts use the product, not test helpers.
  { target: './scripts', from: './test', message: 'scripts/ never imports test/: shared tooling lives in scripts/support/.' },
  // The ingest writes entries: it knows the entry schema and format, nothing of the site.
  {
    target: './src/ingest',
    from: ['./src/site', './src/search', './src/components', './src/layouts', './src/pages', './src/integrations', './src/config.ts'],
    except: [],
    message: 'The ingest knows only src/content (the entry schema), src/utils and itself; options come in as arguments.',
  },
  {
    target: './src/ingest',
    from: './src/content',
    except: ['./entry-schema.ts', './entry-file.ts', './entry-index.ts'],
    message: 'The ingest may use the entry schema, the entry file format and the entry index, not the renderer or the loader.',
  },
  // The collection's schema, loader and renderer stand alone.
  {
    target: './src/content',
    from: ['./src/ingest', './src/site', './src/search', './src/components', './src/layouts', './src/pages', './src/integrations'],
    message: 'src/content (schema, loader, renderer) depends on nothing but src/utils.',
  },
  // The site reaches the ingest only through the integration.
  {
    target: ['./src/site', './src/components', './src/layouts', './src/pages', './src/content.config.ts'],
    from: ['./src/ingest', './src/search/build', './src/integrations'],
    message: 'Pages never import the ingest or the search build: they run through the integrations (astro.config.mjs).',
  },
  // Browser code stays small and build-free.
  {
    target: './src/search/client',
    from: ['./src/ingest', './src/content', './src/search/build', './src/integrations', './src/config.ts'],
    message: 'src/search/client runs in the browser: it imports no build-time module.',
  },
  {
    target: './src/search/build',
    from: ['./src/ingest', './src/content', './src/search/client', './src/site', './src/components', './src/pages'],
    message: 'src/search/build indexes built pages: it knows nothing of documents, entries or page code.',
  },
  // The interface's words import nothing of the project.
  {
    target: './src/i18n',
    from: ['./src/ingest', './src/content', './src/site', './src/search', './src/components', './src/integrations', './src/config.ts'],
    message: 'src/i18n holds the words of each language: it imports nothing of the project.',
  },
  // Small shared helpers import nothing of the project.
  {
    target: './src/utils',
    from: ['./src/ingest', './src/content', './src/site', './src/search', './src/components', './src/integrations', './src/config.ts'],
    message: 'src/utils holds helpers that import nothing of the project.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.building/',
      'dist.previous/',
      'dist.partition-*/',
      'partitions/',
      '.astro/',
      'node_modules/',
      'content/entries/',
      'test/.output/',
      'test-results/',
      '.bench/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions mark places where a regexp group or an index is known to exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.astro', '**/*.mjs', '**/*.js'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries }] },
  },
);
