import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: BuiltSite;
  }
}

/** Builds the fixture site once for every build and browser test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildSite(resolve(import.meta.dirname, 'fixtures/site'), 'fixture-site');
  project.provide('fixtureSite', site);
  return () => rm(site.out, { recursive: true, force: true });
}
