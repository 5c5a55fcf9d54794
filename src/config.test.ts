import { describe, expect, test } from 'vitest';
import { resolveSiteConfig } from './config.ts';

const VALID = { title: 'Archive', description: 'An archive.', siteUrl: 'https://example.org' };

describe('resolveSiteConfig', () => {
  test('fills defaults', () => {
    expect(resolveSiteConfig(VALID, {})).toEqual({
      ...VALID,
      basePath: '/',
      defaultLanguage: 'en',
      documentsDir: 'content/documents',
      sectionOrder: [],
      folderSections: true,
      language: 'en',
      partitionSize: 10_000,
      partitionHeapMb: 1024,
    });
  });

  test('reads the partition size from DOSSIER_PARTITION_SIZE, as a whole number from 1 up', () => {
    expect(resolveSiteConfig(VALID, { DOSSIER_PARTITION_SIZE: '5000' }).partitionSize).toBe(5000);
    expect(() => resolveSiteConfig(VALID, { DOSSIER_PARTITION_SIZE: '0' })).toThrow(
      /partitionSize \(from the environment variable DOSSIER_PARTITION_SIZE\)/,
    );
  });

  test('lets SITE_URL, BASE_PATH and SEEDS_DIR override the file', () => {
    const config = resolveSiteConfig(
      { ...VALID, basePath: '/' },
      { SITE_URL: 'https://user.github.io', BASE_PATH: 'docs', SEEDS_DIR: '/data/docs' },
    );
    expect(config).toMatchObject({ siteUrl: 'https://user.github.io', basePath: '/docs/', documentsDir: '/data/docs' });
  });

  test('takes DOCUMENTS_DIR over SEEDS_DIR, its older name', () => {
    expect(resolveSiteConfig(VALID, { DOCUMENTS_DIR: '/new', SEEDS_DIR: '/old' }).documentsDir).toBe('/new');
    expect(resolveSiteConfig(VALID, { DOCUMENTS_DIR: '/new' }).documentsDir).toBe('/new');
  });

  test.each([
    ['/docs', '/docs/'],
    ['/docs/', '/docs/'],
    ['docs/api', '/docs/api/'],
    ['', '/'],
    ['/', '/'],
  ])('normalizes base path %j to %j', (basePath, expected) => {
    expect(resolveSiteConfig({ ...VALID, basePath }, {}).basePath).toBe(expected);
  });

  test('names every bad field, its source and its value', () => {
    expect(() => resolveSiteConfig({ ...VALID, title: ' ', defaultLanguage: 'English', colour: 'red' }, { SITE_URL: 'example.org' }))
      .toThrowErrorMatchingInlineSnapshot(`
        [SiteConfigError: Invalid site configuration:
        - title (from dossier.config.ts): must not be empty, found " "
        - siteUrl (from the environment variable SITE_URL): must be a full http(s) URL such as https://example.org, found "example.org"
        - defaultLanguage (from dossier.config.ts): must be a BCP 47 language tag such as en or pt-BR, found "English"
        - colour (from dossier.config.ts): unknown setting; the settings are title, description, siteUrl, basePath, defaultLanguage, documentsDir, sectionOrder, folderSections, language, editUrl, partitionSize, partitionHeapMb]
      `);
  });
});
