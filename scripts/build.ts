#!/usr/bin/env node
// `npm run build`: Astro's build, which ingests the documents first and
// indexes the pages for search last (see astro.config.mjs). In CI the log
// keeps warnings, diagnostics and the summary line; `--verbose` shows all.
// Usage: node scripts/build.ts [--verbose] [--outDir DIR]
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, outDir: { type: 'string' } } });
process.env.ASTRO_TELEMETRY_DISABLED = '1';

await build({
  logLevel: values.verbose ? 'debug' : process.env.CI ? 'warn' : 'info',
  ...(values.outDir && { outDir: values.outDir }),
});
