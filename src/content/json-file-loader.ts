import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * Loads a JSON file the ingest writes beside the entries (what the folders
 * say of their sections, when each document was last updated), as records
 * of a collection, and reloads it in dev when the ingest rewrites it. A
 * missing file is an empty collection.
 */
export function jsonFileLoader(options: {
  name: string;
  file: string;
  /** The file's JSON → the collection's records. */
  records: (json: unknown) => { id: string; data: Record<string, unknown> }[];
}): Loader {
  return {
    name: options.name,
    async load(context) {
      const file = resolve(options.file);
      const read = async (): Promise<void> => {
        const json: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
        context.store.clear();
        for (const { id, data } of json === undefined ? [] : options.records(json)) {
          context.store.set({ id, data: await context.parseData({ id, data }) });
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
