#!/usr/bin/env node
// Documents folder → MDX entries. `npm run build` runs the same ingest inside
// Astro (src/integrations/ingest.ts); this command runs it alone.
// `--plan N` then plans a build in N partitions (README, "Large archives"), in
// this process rather than the build's, which stays small while partitions run.
// Usage: node scripts/ingest.ts [--strict] [--verbose] [--out DIR] [--plan N] [DOCUMENTS_DIR]
import './support/compile-cache.ts';
import { parseArgs } from 'node:util';
import { config, documentsDir, entriesDir } from '../src/config.ts';
import { documentsFolderProblem } from '../src/ingest/documents-folder.ts';
import { formatMessage } from '../src/ingest/message.ts';
import { progressReporter } from '../src/ingest/progress.ts';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { formatSummary } from '../src/ingest/summary.ts';
import { describePlan, writePlan } from './support/partitions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    strict: { type: 'boolean', default: process.env.STRICT === '1' || process.env.STRICT === 'true' },
    verbose: { type: 'boolean', default: false },
    out: { type: 'string' },
    plan: { type: 'string' },
  },
});

const documents = positionals[0] ?? documentsDir();
const missing = documentsFolderProblem(documents);
if (missing) {
  console.error(missing);
  process.exit(1);
}
const progress = progressReporter('Ingesting documents:', { verbose: values.verbose });
const started = performance.now();
const entries = values.out ?? entriesDir();
const summary = await runIngest({
  documentsDir: documents,
  entriesDir: entries,
  defaultLanguage: config.defaultLanguage,
  folderSections: config.folderSections,
  onMessage: (message) => console.error(formatMessage(message)),
  onProgress: progress.update,
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${formatSummary(summary, documents)} (${seconds} s)`);

if (values.strict && summary.messages.length > 0) {
  console.error(`--strict: ${summary.messages.length} diagnostics, failing.`);
  process.exitCode = 1;
} else if (values.plan) {
  console.log(describePlan(await writePlan(entries, Number(values.plan))));
}
