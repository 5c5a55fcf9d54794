import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { absoluteUrl, articleHref, fileHref, getEntries, href, sectionName } from '../site/entries.ts';
import { LIMITS, SITE } from '../config.ts';
import { UI_LANGUAGE } from '../site/ui.ts';

// The latest documents, newest first. Dates carry no zone in the documents;
// RSS needs one, so they are given as printed, in UTC (as formatDate shows them).
export const GET: APIRoute = async ({ site }) => {
  const articles = (await getEntries()).slice(0, LIMITS.feed);
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: absoluteUrl(href(''), site),
    items: articles.map((article) => ({
      title: article.data.title,
      link: absoluteUrl(articleHref(article), site),
      description: article.data.summary,
      categories: [sectionName(article.data.section)],
      ...(article.data.published && { pubDate: asUtc(article.data.published) }),
    })),
    // The feed names its own address, as feed readers and validators expect.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${UI_LANGUAGE}</language><atom:link href="${absoluteUrl(fileHref('rss.xml'), site)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};

function asUtc(local: string): Date {
  return new Date(local.includes('T') ? `${local}Z` : `${local}T00:00:00Z`);
}
