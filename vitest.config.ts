import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts'],
    // Site builds and the browser run take seconds each; unit tests stay fast.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
