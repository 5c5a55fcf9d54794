import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { remark } from 'remark';
import type { MessageCollector } from '../message.ts';
import { isSafeUrl } from '../../utils/safe-url.ts';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { ParsedDocument } from './parse-text.ts';

/**
 * A Markdown document → article. Its Markdown is kept (headings, lists,
 * emphasis, links), its raw HTML becomes visible text, and links or images
 * whose URL could run code (`javascript:`, `data:`) become their plain text.
 * The first level-1 heading is the title.
 */
export function parseMarkdownDocument(
  text: string,
  fallbackTitle: string,
  knownTitle?: string,
  options: { mdx?: boolean; report?: MessageCollector } = {},
): ParsedDocument {
  const body = options.mdx ? parseMdx(text, options.report) : remark().parse(text);
  visit(body, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      const replacement: RootContent =
        parent.type === 'root'
          ? { type: 'paragraph', children: [{ type: 'text', value: node.value }] }
          : { type: 'text', value: node.value };
      parent.children.splice(index, 1, replacement as never);
      return SKIP;
    }
    if (node.type === 'definition' && !isSafeUrl(node.url)) {
      node.url = '#';
      return undefined;
    }
    if ((node.type === 'link' || node.type === 'image') && !isSafeUrl(node.url)) {
      const value = node.type === 'link' ? toString(node) : (node.alt ?? '');
      parent.children.splice(index, 1, { type: 'text', value } as never);
      return SKIP;
    }
    return undefined;
  });

  const article: ParsedDocument = { title: knownTitle ?? fallbackTitle, section: [], body };
  const first = body.children[0];
  const address = first?.type === 'paragraph' ? bareAddress(first) : undefined;
  if (address) {
    // Web-scraped pages print their address first: it is the source, not the text.
    article.sourceUrl = address;
    body.children.shift();
  }
  const headingIndex = body.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  const heading = body.children[headingIndex];
  // A frontmatter title wins; a first heading that repeats it is not shown twice.
  if (heading && (knownTitle === undefined || toString(heading).trim() === knownTitle)) {
    article.title = knownTitle ?? (toString(heading) || fallbackTitle);
    article.titleLine = heading.position?.start.line;
    body.children.splice(headingIndex, 1);
  }
  return article;
}

/**
 * An `.mdx` document as its readers see it: imports, exports and `{…}`
 * expressions are code, never shown and never run; a component's children
 * are kept in its place (`<Tabs><TabItem>Text</TabItem></Tabs>` → Text).
 * Text that is not valid MDX is read as Markdown, with a warning.
 */
function parseMdx(text: string, report: MessageCollector | undefined): Root {
  let tree: Root;
  try {
    tree = fromMarkdown(text, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const place = (error as { line?: number }).line;
    report?.warn(`Expected valid MDX, found ${(error as Error).message.split('\n')[0]}; read as Markdown`, 'invalid-mdx', place);
    return remark().parse(text);
  }
  unwrapMdx(tree);
  return tree;
}

const MDX_CODE = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
const MDX_ELEMENTS = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

function unwrapMdx(node: Nodes): void {
  if (!('children' in node)) return;
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (MDX_CODE.has(child.type)) continue;
    if (MDX_ELEMENTS.has(child.type)) {
      const inner = child as unknown as Parent;
      unwrapMdx(inner as Nodes);
      children.push(...(inner.children as Nodes[]));
      continue;
    }
    unwrapMdx(child);
    children.push(child);
  }
  (node as Parent).children = children as Parent['children'];
}

/** The address a paragraph consists of, alone (`https://…` or `<https://…>`), if it is one. */
function bareAddress(paragraph: RootContent): string | undefined {
  const text = toString(paragraph).trim();
  return /^https?:\/\/[^\s<>]+\.[^\s<>]+$/i.test(text) && isSafeUrl(text) ? text : undefined;
}

export type { Root };
