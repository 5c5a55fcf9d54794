import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroVersion, isTestedAstro, TESTED_ASTRO_VERSION } from './astro-version.ts';

test('the Astro version the integrations were tested with is the one installed, and the one package.json pins', () => {
  const root = join(import.meta.dirname, '../..');
  const installed = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as { version: string };
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(installed.version).toBe(TESTED_ASTRO_VERSION);
  expect(pinned.dependencies.astro).toBe(TESTED_ASTRO_VERSION);
  expect(astroVersion()).toBe(installed.version);
  expect(isTestedAstro()).toBe(true);
});
