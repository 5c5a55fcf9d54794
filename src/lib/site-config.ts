import { z } from 'astro/zod';

/** `/docs` → `/docs/`: a base path always starts and ends with a slash. */
function normalizeBasePath(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export const SiteConfigSchema = z.strictObject({
  /** The site's name, shown in the header and in every page title. */
  title: z.string().trim().min(1, 'must not be empty'),
  /** One sentence about the site, for search engines and link previews. */
  description: z.string().trim().min(1, 'must not be empty'),
  /** Where the site is published, e.g. `https://example.org` (env: `SITE_URL`). */
  siteUrl: z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL such as https://example.org' }),
  /** Path the site is served under, e.g. `/docs/` for a GitHub Pages project site (env: `BASE_PATH`). */
  basePath: z
    .string()
    .regex(/^[\w\-./~%]*$/, 'must be a URL path such as /docs/')
    .transform(normalizeBasePath)
    .default('/'),
  /** Language of documents whose script does not tell (Latin, Cyrillic…), as a BCP 47 tag. */
  defaultLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or pt-BR')
    .default('en'),
  /** Folder of source documents, relative to the project (env: `SEEDS_DIR`). */
  documentsDir: z.string().trim().min(1, 'must not be empty').default('content/seeds'),
  /**
   * Sections in the order the sidebar and home page list them, by name as
   * shown (`Source / Economy`); sections not named here follow, A to Z.
   */
  sectionOrder: z.array(z.string().trim().min(1)).default([]),
});
export type SiteConfig = z.output<typeof SiteConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;

/** Typed identity for `dossier.config.ts`: editors show each field's documentation. */
export function defineSiteConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

const ENV_OVERRIDES = { SITE_URL: 'siteUrl', BASE_PATH: 'basePath', SEEDS_DIR: 'documentsDir' } as const;

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

/**
 * The configuration file's values, with `SITE_URL`, `BASE_PATH` and
 * `SEEDS_DIR` from the environment taking precedence, validated. A bad value
 * throws one message that names every bad field, where it came from, what
 * it was and what is expected.
 */
export function resolveSiteConfig(
  file: unknown,
  env: Readonly<Record<string, string | undefined>>,
  fileName = 'dossier.config.ts',
): SiteConfig {
  const merged: Record<string, unknown> = typeof file === 'object' && file !== null ? { ...file } : {};
  const origin = new Map<string, string>();
  for (const [variable, key] of Object.entries(ENV_OVERRIDES)) {
    const value = env[variable];
    if (value !== undefined && value !== '') {
      merged[key] = value;
      origin.set(key, `the environment variable ${variable}`);
    }
  }
  const result = SiteConfigSchema.safeParse(merged);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `- ${issue.keys.join(', ')} (from ${fileName}): unknown setting; the settings are ${Object.keys(SiteConfigSchema.shape).join(', ')}`;
    }
    const key = issue.path.join('.') || '(root)';
    const source = origin.get(String(issue.path[0])) ?? fileName;
    const value = issue.path.reduce<unknown>((node, part) => (node as Record<PropertyKey, unknown> | undefined)?.[part], merged);
    return `- ${key} (from ${source}): ${issue.message}, found ${JSON.stringify(value)}`;
  });
  throw new SiteConfigError(`Invalid site configuration:\n${lines.join('\n')}`);
}
