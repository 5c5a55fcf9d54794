import { createRequire } from 'node:module';

/**
 * The Astro version whose private behaviour Dossier's integrations were tested with
 * (published-pages.ts, data-store-file.ts; test/incremental.test.ts). It is pinned in package.json;
 * on any other version those integrations stand aside and Astro builds as it would without them.
 */
export const TESTED_ASTRO_VERSION = '7.3.5';

/** The installed Astro's version. */
export function astroVersion(): string {
  return (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
}

export function isTestedAstro(): boolean {
  return astroVersion() === TESTED_ASTRO_VERSION;
}
