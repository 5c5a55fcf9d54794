import type { Element, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Quotation } from './article-schema.ts';
import { rehypeQuotations } from './rehype-quotations.ts';

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

function refuseCode() {
  return (tree: MdastRoot): void => {
    visit(tree, (node) => {
      if (CODE_NODES.has(node.type)) throw new UnsafeEntryError(node.type, node.position?.start.line);
    });
  };
}

const processor = unified().use(remarkParse).use(remarkMdx).use(refuseCode).use(remarkRehype).use(rehypeSlug);
const stringifier = unified().use(rehypeStringify);

/**
 * The body of a generated entry → HTML, once, in the content layer. It is
 * parsed as MDX (so it reads exactly as @astrojs/mdx would read it) but never
 * compiled to a module: that is what makes large sites build fast.
 */
export async function renderEntryBody(body: string, quotations: readonly Quotation[] = []): Promise<RenderedBody> {
  const hast = (await processor.run(processor.parse(body))) as HastRoot;
  rehypeQuotations(quotations)(hast);
  return { html: stringifier.stringify(hast), headings: collectHeadings(hast) };
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
