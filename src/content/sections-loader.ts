import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * Loads what the ingest wrote of each section beside the entries
 * (`sections.json`: descriptions, positions, collapsed states from the
 * folders' description files). A missing file is an empty list: a site whose
 * folders describe nothing has none to load.
 */
export function sectionsLoader(options: { file: string }): Loader {
  return {
    name: 'dossier-sections',
    async load(context) {
      const file = resolve(options.file);
      const read = async (): Promise<void> => {
        const records: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
        context.store.clear();
        for (const record of Array.isArray(records) ? records : []) {
          const data = await context.parseData({
            id: JSON.stringify((record as { section?: unknown }).section),
            data: record as Record<string, unknown>,
          });
          context.store.set({ id: JSON.stringify(data.section), data });
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
