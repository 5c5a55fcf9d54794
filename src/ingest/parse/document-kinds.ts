// Which files are documents, by their names alone: apart from the parsers, so that what only
// counts documents (the build choosing partitions) does not load them.

// `.mdx` is read as Markdown whose code is left out (parse-markdown.ts).
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdx'] as const;
export const TEXT_EXTENSIONS = ['.txt', '.text'] as const;

export function isMarkdown(path: string): boolean {
  return MARKDOWN_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

export function isDocument(path: string): boolean {
  const lower = path.toLowerCase();
  return [...TEXT_EXTENSIONS, ...MARKDOWN_EXTENSIONS].some((extension) => lower.endsWith(extension));
}
