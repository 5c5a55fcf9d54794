import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** A built page, parsed as a browser would (entities decoded), by its URL path. */
export async function readPage(dist: string, path: string): Promise<Root> {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return fromHtml(await readFile(join(dist, decodeURIComponent(file)), 'utf8'));
}
