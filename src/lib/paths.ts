// Where documents come from and where their entries go. Shared by the ingest
// script and astro.config.mjs, so both always agree.

export const DEFAULT_LANGUAGE = 'en';

/** The documents folder: `SEEDS_DIR`, or the documents shipped with the site. */
export function documentsDir(): string {
  return process.env.SEEDS_DIR || 'content/seeds';
}

/** The generated entries: `DOSSIER_ENTRIES_DIR` lets tests build a fixture site beside the real one. */
export function entriesDir(): string {
  return process.env.DOSSIER_ENTRIES_DIR || 'content/articles';
}
