#!/usr/bin/env node
// `npm run build`: Astro's build, which ingests the documents first and
// indexes the pages for search last (see astro.config.mjs). In CI the log
// keeps warnings, diagnostics and the summary line; `--verbose` shows all.
// Usage: node scripts/build.ts [--verbose] [--outDir DIR]
import { parseArgs } from 'node:util';
import { config, documentsDir, entriesDir } from '../src/config.ts';
import { startIngest } from '../src/ingest/threads/early-ingest.ts';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, outDir: { type: 'string' } } });
process.env.ASTRO_TELEMETRY_DISABLED = '1';

// The ingest runs in a worker while Astro loads (a second); the build's ingest integration takes it over.
startIngest({
  documentsDir: documentsDir(),
  entriesDir: entriesDir(),
  defaultLanguage: config.defaultLanguage,
  folderSections: config.folderSections,
});
const { build } = await import('astro');

await build({
  logLevel: values.verbose ? 'debug' : process.env.CI ? 'warn' : 'info',
  ...(values.outDir && { outDir: values.outDir }),
});
