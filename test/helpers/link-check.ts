import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { listFiles, pagePathOf } from './site-files.ts';

export interface LinkProblem {
  /** The page the link is on, relative to dist. */
  page: string;
  /** The link as written. */
  url: string;
  reason: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  /** Internal links checked, for a sanity check that the checker saw anything. */
  checked: number;
}

// Attributes that point at another resource of the site.
const LINKS: readonly [selector: string, attribute: 'href' | 'src' | 'content'][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['meta[property="og:url"]', 'content'],
];

/**
 * Checks every internal link of a built site: the file it points to exists,
 * it stays under the base path, and its `#fragment` names an element on the
 * target page. Absolute URLs on the site's own origin (canonical, Open Graph,
 * feed) count as internal. Text fragments (`#:~:text=`) are the browser's
 * business and are not checked.
 */
export async function checkLinks(dist: string, options: { base: string; site: string }): Promise<LinkReport> {
  const base = options.base.replace(/\/?$/, '/');
  const origin = new URL(options.site).origin;
  const pages = await listFiles(dist, '.html');
  const idsOf = new Map<string, Set<string>>();
  const parsed = new Map<string, Root>();
  const parse = async (file: string): Promise<Root> => {
    let tree = parsed.get(file);
    if (!tree) {
      tree = fromHtml(await readFile(join(dist, file), 'utf8'));
      parsed.set(file, tree);
    }
    return tree;
  };
  const ids = async (file: string): Promise<Set<string>> => {
    let set = idsOf.get(file);
    if (!set) {
      set = new Set(selectAll('[id]', await parse(file)).map((element) => String(element.properties.id)));
      idsOf.set(file, set);
    }
    return set;
  };

  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const page of pages) {
    const tree = await parse(page);
    const pageUrl = new URL(`${base}${pagePathOf(page)}`, origin);
    for (const [selector, attribute] of LINKS) {
      for (const element of selectAll(selector, tree) as Element[]) {
        const raw = String(element.properties[attribute]);
        const url = new URL(raw, pageUrl);
        if (url.origin !== origin || !/^https?:$/.test(url.protocol)) continue;
        checked++;
        const report = (reason: string) => problems.push({ page, url: raw, reason });
        if (!url.pathname.startsWith(base)) {
          report(`outside the base path ${base}`);
          continue;
        }
        const file = fileFor(dist, decodeURIComponent(url.pathname.slice(base.length)));
        if (!file) {
          report('no such file');
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment === '' || fragment.startsWith(':~:') || !file.endsWith('.html')) continue;
        if (!(await ids(file)).has(fragment)) report(`no element with id "${fragment}" on ${file}`);
      }
    }
  }
  return { problems, checked };
}

/** The file a URL path (without the base) is served from, as a static host would, or undefined. */
function fileFor(dist: string, path: string): string | undefined {
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((candidate) => {
    const full = join(dist, candidate);
    return existsSync(full) && statSync(full).isFile();
  });
}
