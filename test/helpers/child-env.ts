// Vitest puts its own variables into the test process's environment: VITEST*,
// and Vite's BASE_URL, MODE, DEV, PROD and SSR. A build or dev server started
// from a test must not inherit them: Astro serves nothing when it sees VITEST,
// and BASE_URL would override the base path under test. CI goes too: it makes
// builds log warnings only, and the tests read the build's info lines.
const VITEST_VARIABLES = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'CI']);

/** The test process's environment without Vitest's variables, plus `extra`. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && !VITEST_VARIABLES.has(name)));
  return { ...env, ...extra };
}
