import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DATA_STORE_MODULE_ID, dataStoreFilePlugin, dataStoreModule } from './data-store-file.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function storeFile(json: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), 'data-store-file-'));
  folders.push(folder);
  const file = join(folder, 'data store "quoted".json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

type Load = (this: { environment: { config: { consumer: string } } }, id: string) => { code: string; meta: unknown } | null;
const loadOf = (file: string) => (dataStoreFilePlugin(file).load as unknown as { handler: Load }).handler;

test("the module's default export is the file's JSON, read when the module runs", async () => {
  // Astro's single-file store: devalue's flattened form, with text that would need escaping in a literal.
  const store = [['Map', 1], [['entries', 2]], 'say "hi"\n\u2028 한글 </script>'];
  const file = storeFile(store);
  const module = (await import(`data:text/javascript,${encodeURIComponent(dataStoreModule(file))}`)) as { default: unknown };
  expect(module.default).toEqual(store);
});

test("it loads Astro's data store module in a server environment, marked as content data, and nothing else", () => {
  const file = storeFile([]);
  const load = loadOf(file);
  const server = { environment: { config: { consumer: 'server' } } };
  const loaded = load.call(server, DATA_STORE_MODULE_ID);
  expect(loaded?.code).toBe(dataStoreModule(file));
  // Astro's incremental build leaves content data out of the hash of the code that pages import.
  expect(loaded?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
  expect(load.call({ environment: { config: { consumer: 'client' } } }, DATA_STORE_MODULE_ID)).toBeNull();
  expect(load.call(server, '\0astro:content')).toBeNull();
  // No file (a build without content): Astro's own module, an empty store.
  expect(loadOf(join(folders[0]!, 'missing.json')).call(server, DATA_STORE_MODULE_ID)).toBeNull();
});
