import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Nodes, Parent, Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeSlug from 'rehype-slug';
import { mdxToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import type { Quotation } from './entry-schema.ts';
import { rehypeQuotations } from './rehype-quotations.ts';
import { isSafeUrl } from '../utils/safe-url.ts';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: Heading[];
}

// Nodes that would make MDX run code. The ingest never writes them, so one
// in a generated entry means the file was edited by hand: refuse it.
const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

export class UnsafeEntryError extends Error {
  readonly line: number | undefined;
  constructor(nodeType: string, line: number | undefined) {
    super(`Expected plain text in a generated entry, found MDX code (${nodeType})`);
    this.name = 'UnsafeEntryError';
    this.line = line;
  }
}

const addHeadingIds = rehypeSlug();

/**
 * The body of a generated entry → HTML, once, in the content layer. It is
 * parsed as MDX, by satteri, the native parser Astro 7's own MDX support
 * uses (ten times faster than micromark here), but never compiled to a
 * module: that is what makes large sites build fast. Any code node refuses
 * the entry.
 */
export interface RenderOptions {
  /** The accessible name of a heading's link before the heading's text, in the site's language. */
  headingLinkLabel?: string;
}

export function renderEntryBody(body: string, quotations: readonly Quotation[] = [], options: RenderOptions = {}): RenderedBody {
  const mdast = mdxToMdast(body) as MdastRoot;
  refuseCode(mdast);
  const hast = toHast(mdast) as HastRoot;
  addHeadingIds(hast);
  keepLayoutIds(hast);
  refuseUnsafeUrls(hast);
  rehypeQuotations(quotations)(hast);
  const headings = collectHeadings(hast);
  addHeadingLinks(hast, options.headingLinkLabel ?? 'Link to section');
  return { html: toHtml(hast), headings };
}

// The page's own ids (BaseLayout, Sidebar, Search, the article page): a heading
// named "Content" or "Search" must not take them, or the skip link and
// "On this page" would jump to the wrong element.
const LAYOUT_IDS = new Set([
  'content',
  'sidebar',
  'sidebar-sections',
  'search-dialog',
  'search-dialog-title',
  'toc-heading',
  'quoted-heading',
  'related-heading',
  'top',
]);

/** Renames a heading id the layout uses (`content` → `content-1`), keeping every id unique. */
function keepLayoutIds(tree: HastRoot): void {
  const used = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') used.add(node.properties.id);
  });
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id !== 'string' || !LAYOUT_IDS.has(id)) return;
    let n = 1;
    while (used.has(`${id}-${n}`) || LAYOUT_IDS.has(`${id}-${n}`)) n++;
    node.properties.id = `${id}-${n}`;
    used.add(node.properties.id);
  });
}

/**
 * Defence in depth: the ingest already turns unsafe links into text, but an
 * entry from an old cache or edited by hand is checked again here. A link
 * whose URL could run code (`javascript:`, `data:`) becomes its text, and
 * such an image, its alt text.
 */
function refuseUnsafeUrls(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const url = node.tagName === 'a' ? node.properties.href : node.tagName === 'img' ? node.properties.src : undefined;
    if (typeof url !== 'string' || isSafeUrl(url)) return undefined;
    const replacement = node.tagName === 'a' ? node.children : [{ type: 'text' as const, value: String(node.properties.alt ?? '') }];
    parent.children.splice(index, 1, ...replacement);
    return index;
  });
}

/**
 * A link to each heading, as Starlight's: it follows the heading (so the
 * heading's own name stays its text), is named "Link to section: …", shows
 * on hover and focus (styles in global.css), and search ignores it.
 */
function addHeadingLinks(tree: HastRoot, label: string): void {
  tree.children = tree.children.flatMap((node) => {
    if (node.type !== 'element' || !/^h[2-6]$/.test(node.tagName) || typeof node.properties.id !== 'string') return [node];
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { className: ['heading-link'], href: `#${node.properties.id}`, dataPagefindIgnore: true },
      children: [
        { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['visually-hidden'] },
          children: [{ type: 'text', value: `${label}: ${toString(node)}` }],
        },
      ],
    };
    return [{ type: 'element', tagName: 'div', properties: { className: ['heading-wrapper'] }, children: [node, link] }];
  });
}

/**
 * Throws on the first code node. A plain walk: unist-util-visit cost ten
 * times as much, a visible share of a large site's content sync.
 */
function refuseCode(tree: MdastRoot): void {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (CODE_NODES.has(node.type)) throw new UnsafeEntryError(node.type, node.position?.start.line);
    const { children } = node as Partial<Parent>;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

function collectHeadings(tree: HastRoot): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (depth && typeof node.properties.id === 'string') {
      headings.push({ depth: Number(depth), slug: node.properties.id, text: toString(node) });
    }
  });
  return headings;
}
