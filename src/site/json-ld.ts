// Structured data for search engines (https://schema.org), one `@graph` per page.

export type JsonLdNode = { '@type': string } & Record<string, unknown>;

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** `BreadcrumbList` of a page, outermost first. */
export function breadcrumbList(crumbs: readonly Crumb[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

export interface ArticleFacts {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  language: string;
  section: string;
  published?: string;
  updated?: string;
  byline?: string;
  /** Tags, as schema.org `keywords`. */
  keywords?: readonly string[];
  /** Where the document was first published. */
  sourceUrl?: string;
  wordCount: number;
  /** The site, as publisher. */
  site: { name: string; url: string };
}

/** `NewsArticle` when the document is dated (it reports news), `Article` otherwise. */
export function articleNode(facts: ArticleFacts): JsonLdNode {
  return {
    '@type': facts.published ? 'NewsArticle' : 'Article',
    headline: facts.title,
    description: facts.description,
    url: facts.url,
    mainEntityOfPage: facts.url,
    inLanguage: facts.language,
    articleSection: facts.section,
    wordCount: facts.wordCount,
    ...(facts.published && { datePublished: facts.published }),
    ...((facts.updated ?? facts.published) && { dateModified: facts.updated ?? facts.published }),
    ...(facts.byline && { author: { '@type': 'Person', name: facts.byline } }),
    ...(facts.keywords && facts.keywords.length > 0 && { keywords: facts.keywords.join(', ') }),
    ...(facts.sourceUrl && { isBasedOn: facts.sourceUrl }),
    publisher: { '@type': 'Organization', name: facts.site.name, url: facts.site.url },
  };
}

/**
 * The JSON for a `<script type="application/ld+json">`. Documents may hold
 * `</script>`, so `<` is escaped (JSON allows `\u003c` anywhere in a string),
 * as are the two line separators some parsers refuse.
 */
export function serializeJsonLd(nodes: readonly JsonLdNode[]): string {
  const json = JSON.stringify({ '@context': 'https://schema.org', '@graph': nodes });
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
