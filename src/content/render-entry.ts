import type { Element, ElementContent, Root as HastRoot } from 'hast';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Nodes, Parent, Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
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
  const hast = mdastToHast(mdast);
  const headings = prepareTree(hast);
  rehypeQuotations(quotations)(hast);
  addHeadingLinks(hast, options.headingLinkLabel ?? 'Link to section');
  return { html: toHtml(hast), headings };
}

/** Top-level blocks converted at a time: mdast-util-to-hast's first walk slows down with the square of a long root. */
const BLOCKS_AT_A_TIME = 1_000;

/**
 * mdast → hast, as `toHast` does, in linear time: a long document's blocks
 * are converted a thousand at a time, each part with every link definition
 * of the document (they render nothing, and references need them), and
 * joined with the newline `toHast` puts between blocks. Documents with
 * footnotes, whose section is built once for the whole tree, are converted whole.
 */
function mdastToHast(mdast: MdastRoot): HastRoot {
  const blocks = mdast.children;
  if (blocks.length <= BLOCKS_AT_A_TIME || blocks.some((node) => node.type === 'footnoteDefinition')) {
    return toHast(mdast) as HastRoot;
  }
  const definitions = blocks.filter((node) => node.type === 'definition');
  const tree: HastRoot = { type: 'root', children: [] };
  for (let start = 0; start < blocks.length; start += BLOCKS_AT_A_TIME) {
    const part = toHast({ type: 'root', children: [...blocks.slice(start, start + BLOCKS_AT_A_TIME), ...definitions] }) as HastRoot;
    if (tree.children.length > 0 && part.children.length > 0) tree.children.push({ type: 'text', value: '\n' });
    for (const node of part.children) tree.children.push(node);
  }
  return tree;
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
const HEADING = /^h([1-6])$/;

/**
 * One plain walk over the tree, in linear time (rehype-slug and
 * unist-util-visit grew faster than the document: 4× the paragraphs cost
 * over 10× the time), that:
 * - gives each heading an id from its text, as rehype-slug does (GitHub's slugs);
 * - renames an id the layout uses (`content` → `content-1`), keeping every id unique;
 * - as defence in depth, turns a link whose URL could run code (`javascript:`,
 *   `data:`) into its text, and such an image into its alt text: the ingest
 *   already does, but an entry from an old cache or edited by hand is checked again;
 * - and returns the headings, for "On this page".
 */
function prepareTree(tree: HastRoot): Heading[] {
  const slugs = new GithubSlugger();
  const used = new Set<string>();
  const headings: Element[] = [];
  const clashing: Element[] = [];
  // Depth first, in document order, without recursion: a frame per open element.
  const frames: { parent: HastRoot | Element; index: number }[] = [{ parent: tree, index: 0 }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    const children = frame.parent.children;
    if (frame.index >= children.length) {
      frames.pop();
      continue;
    }
    const index = frame.index++;
    const node = children[index]!;
    if (node.type !== 'element') continue;
    const url = node.tagName === 'a' ? node.properties.href : node.tagName === 'img' ? node.properties.src : undefined;
    if (typeof url === 'string' && !isSafeUrl(url)) {
      const replacement: ElementContent[] =
        node.tagName === 'a' ? node.children : [{ type: 'text', value: String(node.properties.alt ?? '') }];
      children.splice(index, 1, ...replacement);
      // The replacement is looked at in its turn: a link inside the link is checked too.
      frame.index = index;
      continue;
    }
    const heading = HEADING.test(node.tagName);
    if (heading && node.properties.id === undefined) node.properties.id = slugs.slug(toString(node));
    const id = node.properties.id;
    if (typeof id === 'string') {
      used.add(id);
      if (LAYOUT_IDS.has(id)) clashing.push(node);
    }
    if (heading) headings.push(node);
    frames.push({ parent: node, index: 0 });
  }
  for (const node of clashing) {
    const id = node.properties.id as string;
    let n = 1;
    while (used.has(`${id}-${n}`) || LAYOUT_IDS.has(`${id}-${n}`)) n++;
    node.properties.id = `${id}-${n}`;
    used.add(node.properties.id);
  }
  return headings.flatMap((node) =>
    typeof node.properties.id === 'string'
      ? [{ depth: Number(HEADING.exec(node.tagName)![1]), slug: node.properties.id, text: toString(node) }]
      : [],
  );
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
