import { CORE_SCHEMA, load } from 'js-yaml';

/** The text of an entry file: YAML frontmatter between `---` lines, then the MDX body. */
export interface EntryText {
  /** The YAML between the fences. */
  frontmatter: string;
  /** Everything after the closing fence. */
  body: string;
  /** Lines before the body: a body's line n is the file's line n + this. */
  bodyLineOffset: number;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

/** Splits an entry's text, or returns undefined when it opens with no frontmatter block. */
export function splitEntry(text: string): EntryText | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1]!, body: text.slice(match[0].length), bodyLineOffset: match[0].split('\n').length - 1 };
}

/**
 * The frontmatter's YAML as data. js-yaml's core schema reads what the ingest's `yaml` writes (the
 * property test checks), eight times faster: it matters at 10,000 entries.
 */
export function readFrontmatter(yaml: string): Record<string, unknown> | undefined {
  return load(yaml, { schema: CORE_SCHEMA }) as Record<string, unknown> | undefined;
}
