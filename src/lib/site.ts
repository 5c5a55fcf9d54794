import { config } from './config.ts';

/** What the site says about itself in its header, tab titles and feeds (from dossier.config.ts). */
export const SITE = {
  title: config.title,
  description: config.description,
  /** Sections named here come first, in this order (`Source / Economy`); the others follow, A to Z. */
  sectionOrder: config.sectionOrder,
  /** Language of the site's own words (menus, labels), whatever the documents' languages. */
  language: 'en',
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
  /** Names per page of the people index. */
  peoplePage: 100,
  /** Quotations per page of a person. */
  quotesPage: 20,
  /** Documents around the current one in the sidebar. */
  sidebarNeighbours: 7,
  /** Documents in the RSS feed. */
  feed: 50,
} as const;
