import type { Nodes } from 'mdast';

/** The text of an mdast node as a reader sees it: like mdast-util-to-string, but a line break stays a line break. */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join('');
  return '';
}
