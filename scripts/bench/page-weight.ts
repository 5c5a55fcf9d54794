import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
}
export interface PageWeight {
  html: Weight;
  css: Weight;
  /** Scripts a page loads before anyone uses it (inline and `src`), not the search loaded on demand. */
  js: Weight;
}

const weigh = (text: string): Weight => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

/** What a reader's browser downloads for one built page, before search is opened. */
export async function pageWeight(dist: string, pagePath: string, base = '/'): Promise<PageWeight> {
  const html = await readFile(join(dist, pagePath, 'index.html'), 'utf8');
  const local = (href: string): string => join(dist, decodeURIComponent(href.slice(base.length - 1)));
  let css: Weight = { raw: 0, gzip: 0 };
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g))
    css = add(css, weigh(await readFile(local(href!), 'utf8')));
  for (const [, style] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css = add(css, weigh(style!));
  let js: Weight = { raw: 0, gzip: 0 };
  for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/ld\+json"/.test(attributes!)) continue;
    const src = /src="([^"]+)"/.exec(attributes!)?.[1];
    js = add(js, weigh(src ? await readFile(local(src), 'utf8') : body!));
  }
  return { html: weigh(html), css, js };
}
