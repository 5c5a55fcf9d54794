import { configDefaults, defineConfig } from 'vitest/config';
// The build commands' compile cache, for the runner's processes and the worker threads tests start.
import './scripts/support/compile-cache.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure functions: milliseconds. `npx vitest --project unit` while editing.
        test: { name: 'unit', include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.property.test.ts'] },
      },
      {
        // Real builds of small fixture sites, and Chromium on the result.
        test: {
          name: 'site',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/**/*.property.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
