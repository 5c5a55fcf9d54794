import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { isTestedAstro } from './astro-version.ts';

/**
 * The content layer's data store, read from its file when the build's pages render, rather than
 * bundled as a string.
 *
 * Astro's build turns the data store (every entry, with its rendered HTML) into a module whose
 * source is the whole store as one string literal, `export default JSON.parse("…")`. At 10,000
 * documents that is 15–49 MB of source that Vite carries through the bundle and Node then
 * compiles, in every build and rebuild: seconds, most of them V8 scanning the literal
 * (BENCHMARKS.md). This integration loads that module first, as two lines that read and parse the
 * same file when the module runs, in the same build, after the content sync has written it. The
 * pages get the same data; only its way in changes.
 *
 * It leans on two private things of Astro's: the virtual module's id and the file's name in the
 * cache folder (astro/dist/content/consts.js). It steps aside, and Astro's own module stands, on
 * any Astro version but the tested one, with `experimental.collectionStorage` other than the
 * default single file, outside a build's server environment, or if the file is not there.
 */

/** Astro's resolved id of the data store's virtual module (`astro:data-layer-content`). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
/** Astro's data store file in its cache folder, in a build (getDataStoreFile). */
const DATA_STORE_FILE = 'data-store.json';
/** What Astro's incremental build reads of the module: content data, left out of the code's hash. */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

export function dataStoreFile(): AstroIntegration {
  return {
    name: 'dossier-data-store-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build' || !isTestedAstro()) return;
        if (config.experimental.collectionStorage !== 'single-file') return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreFilePlugin(file, logger)] } });
      },
    },
  };
}

/** The Vite plugin: its `load` runs before Astro's (`order: 'pre'`) for the data store's module only. */
export function dataStoreFilePlugin(file: string, logger?: AstroIntegrationLogger): Plugin {
  return {
    name: 'dossier-data-store-file',
    apply: 'build',
    load: {
      order: 'pre',
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(id) {
        if (id !== DATA_STORE_MODULE_ID || this.environment.config.consumer !== 'server' || !existsSync(file)) return null;
        logger?.info(`The data store is read from ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) as pages render, not bundled.`);
        return { code: dataStoreModule(file), map: { mappings: '' }, meta: CONTENT_DATA_META };
      },
    },
  };
}

/** The module's code: the file's JSON, as Astro's own module would have it, read when the module runs. */
export function dataStoreModule(file: string): string {
  return `import { readFileSync } from "node:fs";\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, "utf8"));\n`;
}
