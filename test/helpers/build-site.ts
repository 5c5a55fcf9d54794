import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { childEnv } from './child-env.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = join(ROOT, 'scripts/build.ts');

/** The environment of a fixture site's build: its documents, its own entries, caches and output under `out`. */
export function fixtureEnv(documentsDir: string, out: string, options: BuildOptions = {}): NodeJS.ProcessEnv {
  return childEnv({
    DOCUMENTS_DIR: documentsDir,
    DOSSIER_ENTRIES_DIR: join(out, 'articles'),
    DOSSIER_CACHE_DIR: join(out, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Vitest sets NODE_ENV=test, which would make Vite build in development mode.
    NODE_ENV: 'production',
    ...(options.basePath && { BASE_PATH: options.basePath }),
    ...(options.siteUrl && { SITE_URL: options.siteUrl }),
    ...options.env,
  });
}

export interface BuiltSite {
  /** Everything this build wrote; remove it when done. */
  out: string;
  /** The built site: dist/ of this fixture. */
  dist: string;
  /** The generated entries. */
  entries: string;
  /** What the build printed: the ingest's summary and diagnostics among Astro's lines. */
  build: { stdout: string; stderr: string };
}

export interface BuildOptions {
  basePath?: string;
  siteUrl?: string;
  /** Build again over the output and caches of an earlier build of the same name (an incremental rebuild). */
  rebuild?: boolean;
  /** More environment for the build (`DOSSIER_SEARCH_SHARD_PAGES`…). */
  env?: Record<string, string>;
  /** More arguments for `npm run build` (`--partitions 3`). */
  args?: string[];
}

/**
 * Builds a fixture documents folder into its own output folder with the real
 * commands (`scripts/ingest.ts`, `astro build` with its Pagefind step), so the
 * test sees exactly what `npm run build` would produce.
 */
export async function buildSite(documentsDir: string, name: string, options: BuildOptions = {}): Promise<BuiltSite> {
  // One folder per test run: two runs at once (two terminals, two agents) never share output.
  const out = join(ROOT, 'test/.output', `${name}.${process.pid}`);
  if (!options.rebuild) await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const dist = join(out, 'dist');
  // What `npm run build` runs: the ingest first (src/integrations/ingest.ts), Pagefind last.
  const build = await runScript(BUILD, ['--outDir', dist, ...(options.args ?? [])], fixtureEnv(documentsDir, out, options));
  return { out, dist, entries: join(out, 'articles'), build };
}

/**
 * Astro writes its content-layer module files into the project's own `.astro/`
 * through one fixed temporary name (`content-assets.mjs.tmp`), so two builds
 * that sync content at the same moment can rename each other's file away.
 * Only that failure is tried again, up to twice; any other fails the test.
 */
export async function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  attempt = 1,
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(process.execPath, [resolve(ROOT, script), ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = String((error as { stderr?: string }).stderr ?? '');
    if (attempt < 3 && /ENOENT[^\n]*\.astro\/content-(assets|modules)\.mjs\.tmp/.test(output))
      return runScript(script, args, env, attempt + 1);
    throw error;
  }
}
