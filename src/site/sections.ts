import { slug } from 'github-slugger';

/** What the section helpers need of a document. */
export interface Sectioned {
  id: string;
  /** `order`: the document's position in its section (`sidebar_position`, `weight`), lower first. */
  data: { section: readonly string[]; order?: number };
}

/** One section of the site: a node of the tree the section paths make. */
export interface SectionNode<T extends Sectioned> {
  /** Its own name, the last part of its path (`Economy`). */
  name: string;
  /** The whole path, as printed (`['Source', 'Economy']`); empty for Unsorted. */
  section: readonly string[];
  /** URL path under `sections/` (`source/economy`). */
  path: string;
  /** Documents whose section is exactly this one, in site order. */
  own: T[];
  /** Documents in this section and all of its subsections, in site order. */
  all: T[];
  children: SectionNode<T>[];
  parent?: SectionNode<T>;
  /** What its folder says of it (`_category_.json`, `_index.md`): description, position, collapsed. */
  meta?: SectionDetails;
}

/** What a section's folder may say of it. */
export interface SectionDetails {
  description?: string;
  position?: number;
  collapsed?: boolean;
}

/** The key of a section path in a map of details: its names, as JSON. */
export function sectionKey(section: readonly string[]): string {
  return JSON.stringify(section);
}

export const UNSORTED = 'Unsorted';

/** `['Source', 'Economy']` → `source/economy`; documents without a section are under `unsorted`. */
export function sectionPath(section: readonly string[]): string {
  if (section.length === 0) return 'unsorted';
  return section.map((part) => slug(part) || '-').join('/');
}

export function sectionName(section: readonly string[], unsorted = UNSORTED): string {
  return section.length === 0 ? unsorted : section.join(' / ');
}

export interface SectionTree<T extends Sectioned> {
  /** Top-level sections, by name; Unsorted last. */
  roots: SectionNode<T>[];
  /** Every section by its path. */
  byPath: Map<string, SectionNode<T>>;
  /** Each document's position among the documents of its own section. */
  position: Map<string, { node: SectionNode<T>; index: number }>;
}

/**
 * Documents (already in site order) → the section tree. Built once per
 * build: every page's sidebar reads it, so nothing here may cost more than
 * one pass over the documents. Sections named in `order` (as `sectionName`
 * prints them) come first, in that order; the others follow by name, and
 * Unsorted last.
 */
export function buildSectionTree<T extends Sectioned>(
  documents: readonly T[],
  order: readonly string[] = [],
  details: ReadonlyMap<string, SectionDetails> = new Map(),
  /** The name of the section of documents that have none, in the site's language. */
  unsorted = UNSORTED,
): SectionTree<T> {
  const byPath = new Map<string, SectionNode<T>>();
  const roots: SectionNode<T>[] = [];
  const nodeFor = (section: readonly string[]): SectionNode<T> => {
    const path = sectionPath(section);
    const existing = byPath.get(path);
    if (existing) return existing;
    const parent = section.length > 1 ? nodeFor(section.slice(0, -1)) : undefined;
    const meta = details.get(sectionKey(section));
    const node: SectionNode<T> = {
      name: section.at(-1) ?? unsorted,
      section,
      path,
      own: [],
      all: [],
      children: [],
      parent,
      ...(meta && { meta }),
    };
    byPath.set(path, node);
    (parent?.children ?? roots).push(node);
    return node;
  };

  for (const document of documents) {
    const node = nodeFor(document.data.section);
    node.own.push(document);
    for (let ancestor: SectionNode<T> | undefined = node; ancestor; ancestor = ancestor.parent) ancestor.all.push(document);
  }
  // Within a section, as Hugo and Docusaurus order a docs tree: documents with
  // an order first, by it; the others after, in site order (a stable sort).
  const position = new Map<string, { node: SectionNode<T>; index: number }>();
  for (const node of byPath.values()) {
    if (node.own.some((document) => document.data.order !== undefined)) node.own.sort(byOrder);
    if (node.all.some((document) => document.data.order !== undefined)) node.all.sort(byOrder);
    node.own.forEach((document, index) => position.set(document.id, { node, index }));
  }
  const rank = new Map(order.map((name, index) => [name.toLocaleLowerCase('en'), index]));
  sortTree(roots, (node) => rank.get(sectionName(node.section).toLocaleLowerCase('en')) ?? Infinity);
  return { roots, byPath, position };
}

// Natural order: `Part 2` before `Part 10`.
const NAMES = new Intl.Collator('en', { numeric: true });

/** Unsorted last; then the configured order, the folders' positions, and names in natural order. */
function sortTree<T extends Sectioned>(nodes: SectionNode<T>[], rankOf: (node: SectionNode<T>) => number): void {
  const unsorted = (node: SectionNode<T>) => Number(node.section.length === 0 && rankOf(node) === Infinity);
  const position = (node: SectionNode<T>) => node.meta?.position ?? Infinity;
  nodes.sort(
    (a, b) =>
      unsorted(a) - unsorted(b) || rankOf(a) - rankOf(b) || compareNumbers(position(a), position(b)) || NAMES.compare(a.name, b.name),
  );
  for (const node of nodes) sortTree(node.children, rankOf);
}

/** The section and its ancestors, outermost first. */
export function ancestry<T extends Sectioned>(node: SectionNode<T>): SectionNode<T>[] {
  const chain: SectionNode<T>[] = [];
  for (let current: SectionNode<T> | undefined = node; current; current = current.parent) chain.unshift(current);
  return chain;
}

/**
 * Up to `count` documents around `index` in `list` (the current one
 * included), so a sidebar shows a document's neighbours and never the whole
 * section.
 */
export function neighbours<T>(list: readonly T[], index: number, count: number): { items: T[]; start: number } {
  const start = Math.max(0, Math.min(index - Math.floor(count / 2), list.length - count));
  return { items: list.slice(start, start + count), start };
}

function byOrder(a: Sectioned, b: Sectioned): number {
  return compareNumbers(a.data.order ?? Infinity, b.data.order ?? Infinity);
}

function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
