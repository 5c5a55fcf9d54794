// The one configuration module: the schema of dossier.config.ts, its
// defaults and environment overrides, the resolved configuration, the folders
// it names, and what each page shows of the site.
import { z } from 'astro/zod';
import file from '../dossier.config.ts';

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
  /** Folder of source documents, relative to the project (env: `DOCUMENTS_DIR`, or its older name `SEEDS_DIR`). */
  documentsDir: z.string().trim().min(1, 'must not be empty').default('content/documents'),
  /**
   * Sections in the order the sidebar and home page list them, by name as
   * shown (`Source / Economy`); sections not named here follow, A to Z.
   */
  sectionOrder: z.array(z.string().trim().min(1)).default([]),
  /**
   * Whether a document's folders are its section when it names none itself
   * (`business/x.txt` is in Business). A section in the frontmatter, then a
   * section line in the text, come first.
   */
  folderSections: z.boolean().default(true),
  /**
   * Language of the site's own words (menus, labels, dates), as a BCP 47 tag:
   * `en`, `ko`, `zh`, `ja`, or any other with a file in src/i18n/locales/
   * (env: `SITE_LANGUAGE`). Each document keeps its own language on its text.
   */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or ko')
    .default('en'),
  /**
   * Where a document's source can be edited: the document's path below the
   * documents folder is appended (`https://github.com/org/repo/edit/main/content/documents/`).
   * Pages show "Edit this document" when it is set (env: `EDIT_URL`).
   */
  editUrl: z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL ending in the documents folder' }).optional(),
  /**
   * Most documents one build renders at once: an archive of more is built in
   * partitions of at most this many, one after another, then merged, so that
   * memory stays bounded however large the archive (README, "Large archives";
   * env: `DOSSIER_PARTITION_SIZE`).
   */
  partitionSize: z.coerce.number().int().min(1).default(10_000),
  /**
   * The heap, in MB, of each partition's process when `npm run build` builds
   * in partitions on one machine: bounded, V8 collects as pages render rather
   * than growing (env: `DOSSIER_PARTITION_HEAP_MB`).
   */
  partitionHeapMb: z.coerce.number().int().min(256).default(1024),
});
export type SiteConfig = z.output<typeof SiteConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;

/** Typed identity for `dossier.config.ts`: editors show each field's documentation. */
export function defineSiteConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

// Later names win: `DOCUMENTS_DIR` over `SEEDS_DIR`, its older name, kept as an alias.
const ENV_OVERRIDES = [
  ['SITE_URL', 'siteUrl'],
  ['BASE_PATH', 'basePath'],
  ['SEEDS_DIR', 'documentsDir'],
  ['DOCUMENTS_DIR', 'documentsDir'],
  ['SITE_LANGUAGE', 'language'],
  ['EDIT_URL', 'editUrl'],
  ['DOSSIER_PARTITION_SIZE', 'partitionSize'],
  ['DOSSIER_PARTITION_HEAP_MB', 'partitionHeapMb'],
] as const;

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

/**
 * The configuration file's values, with `SITE_URL`, `BASE_PATH` and
 * `DOCUMENTS_DIR` (or `SEEDS_DIR`) from the environment taking precedence, validated. A bad value
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
  for (const [variable, key] of ENV_OVERRIDES) {
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

/** The site's configuration, validated once at start-up (see dossier.config.ts). */
export const config: SiteConfig = resolveSiteConfig(file, process.env);

/** The documents folder: `DOCUMENTS_DIR` (or `SEEDS_DIR`), else `documentsDir` of dossier.config.ts. */
export function documentsDir(): string {
  return config.documentsDir;
}

/** The generated entries: `DOSSIER_ENTRIES_DIR` lets tests build a fixture site beside the real one. */
export function entriesDir(): string {
  return process.env.DOSSIER_ENTRIES_DIR || 'content/entries';
}

/** Astro's cache (content layer, incremental pages, search shards) and the build lock: `DOSSIER_CACHE_DIR` keeps a fixture site's apart. */
export function astroCacheDir(): string {
  return process.env.DOSSIER_CACHE_DIR || './node_modules/.astro';
}

/** What the site says about itself in its header, tab titles and feeds (from dossier.config.ts). */
export const SITE = {
  title: config.title,
  description: config.description,
  /** Sections named here come first, in this order (`Source / Economy`); the others follow, A to Z. */
  sectionOrder: config.sectionOrder,
  /** Language of the site's own words (menus, labels), whatever the documents' languages. */
  language: config.language,
  /** Prefix of a document's edit link, when the site has one. */
  editUrl: config.editUrl,
} as const;

/**
 * How much one page shows. Every list that grows with the archive is cut to
 * pages of these sizes, so no page grows with it.
 */
export const LIMITS = {
  /** Latest documents on the home page. */
  home: 20,
  /** Documents per page of a section or a month. */
  listPage: 20,
  /** Latest documents of each month on an archive year's page. */
  perMonthOnYearPage: 3,
  /** Names per page of the people index. */
  peoplePage: 100,
  /** Groups and roles quoted (`analysts`, `the ministry`) listed on the people index's first page, the most quoted first. */
  unnamedSources: 40,
  /** Quotations per page of a person. */
  quotesPage: 20,
  /** Quotations of one document on a person's pages; the rest are counted, with a link to the document. */
  quotesPerDocument: 100,
  /** Documents around the current one in the sidebar. */
  sidebarNeighbours: 7,
  /** Sections shown at one level of the sidebar, around the current one. */
  sidebarSections: 15,
  /** Documents in the RSS feed. */
  feed: 50,
} as const;
