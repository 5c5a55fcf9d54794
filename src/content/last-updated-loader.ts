import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * Loads the last-updated date of each entry, which the ingest writes beside
 * the entries (`last-updated.json`: entry id → date, from the document's own
 * `Updated:` or its last commit). A missing file dates nothing.
 */
export function lastUpdatedLoader(options: { file: string }): Loader {
  return {
    name: 'dossier-last-updated',
    async load(context) {
      const file = resolve(options.file);
      const read = async (): Promise<void> => {
        const dates: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
        context.store.clear();
        for (const [id, date] of Object.entries(dates && typeof dates === 'object' ? dates : {})) {
          context.store.set({ id, data: await context.parseData({ id, data: { date } }) });
        }
      };
      await read();
      context.watcher?.add(file);
      context.watcher?.on('all', async (_event, path) => {
        if (resolve(path) === file) await read();
      });
    },
  };
}
