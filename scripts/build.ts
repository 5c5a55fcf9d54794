#!/usr/bin/env node
// `npm run build`: Astro's build, which ingests the documents first and
// indexes the pages for search last (see astro.config.mjs). One build at a
// time per project (a lock in the cache folder); the new site is written
// beside the published one and swapped in only when it is whole, so a build
// that fails or is stopped leaves the last good site as it was. In CI the log
// keeps warnings, diagnostics and the summary line; `--verbose` shows all.
// Usage: node scripts/build.ts [--verbose] [--outDir DIR] [--no-wait]
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir, config, documentsDir, entriesDir } from '../src/config.ts';
import { documentsFolderProblem } from '../src/ingest/documents-folder.ts';
import { startIngest } from '../src/ingest/threads/early-ingest.ts';
import { acquireBuildLock, LockHeldError } from './support/build-lock.ts';
import { publishSite, recoverSite, stagingDir } from './support/publish-site.ts';

const { values } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, outDir: { type: 'string' }, 'no-wait': { type: 'boolean', default: false } },
});
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const site = resolve(values.outDir ?? 'dist');

const missing = documentsFolderProblem(documentsDir());
if (missing) {
  console.error(missing);
  process.exit(1);
}

await mkdir(astroCacheDir(), { recursive: true });
let release: () => Promise<void>;
let stopped = false; // a build before this one was stopped half-way
try {
  release = await acquireBuildLock(join(astroCacheDir(), '.dossier-build.lock'), {
    wait: !values['no-wait'],
    say: (message) => {
      if (message.startsWith('Took over')) stopped = true;
      console.warn(message);
    },
  });
} catch (error) {
  if (!(error instanceof LockHeldError)) throw error;
  console.error(error.message);
  process.exit(1);
}

try {
  const notes = await recoverSite(site);
  for (const note of notes) console.warn(note);
  if (stopped || notes.length > 0) {
    // A stopped build may have written pages into Astro's incremental page cache without its
    // manifest; kept, they would come back under the old keys. Render every page once instead.
    await rm(join(astroCacheDir(), 'incremental-build.json'), { force: true });
    await rm(join(astroCacheDir(), 'dist'), { recursive: true, force: true });
    console.warn('Rendering every page again: the page cache of a stopped build cannot be trusted.');
  }
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
    outDir: stagingDir(site),
  });
  await publishSite(site);
} finally {
  await release();
}
