import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: BuiltSite;
    /** The reader's fixture (test/fixtures/reader-site: 34 documents in 4 sections), at the root of its host. */
    readerSite: BuiltSite;
    /** The same documents under a base path: `BASE_PATH=/docs/ SITE_URL=https://example.org`. */
    readerSiteBase: BuiltSite;
    /** The documents shipped in content/documents. */
    shippedSite: BuiltSite;
    /** Five folders in five real conventions (test/fixtures/folders): Jekyll, Hugo, Docusaurus, scraped news, wire copy. */
    foldersSite: BuiltSite;
  }
}

/** Builds the fixture sites once, side by side, for every build and browser test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reader = resolve(import.meta.dirname, 'fixtures/reader-site');
  // One build alone first: Astro writes its content-layer modules into the project's own .astro/
  // through one shared temporary file name, and builds that start together in a fresh clone race
  // on it. Once the first has written them, the others find them unchanged and leave them be.
  const site = await buildSite(resolve(import.meta.dirname, 'fixtures/site'), 'fixture-site');
  // Then side by side: each build is mostly one busy core.
  const [readerSite, readerSiteBase, shippedSite, foldersSite] = await Promise.all([
    buildSite(reader, 'reader-site'),
    buildSite(reader, 'reader-site-base', { basePath: '/docs/', siteUrl: 'https://example.org' }),
    buildSite(resolve(import.meta.dirname, '../content/documents'), 'shipped-site'),
    buildSite(resolve(import.meta.dirname, 'fixtures/folders'), 'folders-site'),
  ]);
  project.provide('fixtureSite', site);
  project.provide('readerSite', readerSite);
  project.provide('readerSiteBase', readerSiteBase);
  project.provide('shippedSite', shippedSite);
  project.provide('foldersSite', foldersSite);
  return async () => {
    await Promise.all(
      [site, readerSite, readerSiteBase, shippedSite, foldersSite].map((built) => rm(built.out, { recursive: true, force: true })),
    );
  };
}
