// Where documents come from and where their entries go. Shared by the ingest
// script, the integration and the content collection, so all agree.
import { config } from './config.ts';

/** The documents folder: `SEEDS_DIR`, else `documentsDir` of dossier.config.ts. */
export function documentsDir(): string {
  return config.documentsDir;
}

/** The generated entries: `DOSSIER_ENTRIES_DIR` lets tests build a fixture site beside the real one. */
export function entriesDir(): string {
  return process.env.DOSSIER_ENTRIES_DIR || 'content/articles';
}
