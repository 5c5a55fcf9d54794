import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * Loads the JSON files the ingest writes beside the entries (what the folders
 * say of their sections, when each document was last updated) as one record
 * each, whatever they hold, and reloads one in dev when the ingest rewrites
 * it. A missing file is its record's empty value. One record a file, always:
 * Astro warns of a collection that is empty, which most sites' would be.
 */
export function jsonFilesLoader(options: {
  name: string;
  /** Record id → its file, and its record when the file holds `json` (undefined when missing). */
  files: Record<string, { file: string; record: (json: unknown) => Record<string, unknown> }>;
}): Loader {
  return {
    name: options.name,
    async load(context) {
      const read = async (id: string): Promise<void> => {
        const { file, record } = options.files[id]!;
        const path = resolve(file);
        const json: unknown = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
        context.store.set({ id, data: await context.parseData({ id, data: record(json) }) });
      };
      for (const id of Object.keys(options.files)) {
        await read(id);
        context.watcher?.add(resolve(options.files[id]!.file));
      }
      context.watcher?.on('all', async (_event, path) => {
        const id = Object.keys(options.files).find((key) => resolve(options.files[key]!.file) === resolve(path));
        if (id) await read(id);
      });
    },
  };
}
