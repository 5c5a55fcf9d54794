import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { MessageCollector } from '../message.ts';

/** One frontmatter key as written, with the 1-based line it is on in the document. */
export interface FrontmatterField {
  value: unknown;
  line: number;
}

export interface SplitDocument {
  /** The keys of the frontmatter block, when the document opens with one. */
  fields?: Map<string, FrontmatterField>;
  /**
   * The text with the frontmatter block blanked out: the block's lines become
   * empty lines, so every line of the body keeps its number in the document.
   */
  text: string;
}

const FENCES = { '---': 'yaml', '+++': 'toml' } as const;

/**
 * Splits off the YAML (`---`) or TOML (`+++`, as Hugo writes it) block that
 * opens a document. Pure. A block that is not a map of keys (a Markdown
 * document that opens with a rule, say) is not frontmatter and stays text; a
 * block that is never closed, or does not parse, is reported and stays text,
 * so nothing the document says is lost.
 */
export function splitFrontmatter(text: string, report: MessageCollector): SplitDocument {
  const lines = text.split('\n');
  const fence = lines[0]?.trimEnd();
  if (fence !== '---' && fence !== '+++') return { text };
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === fence);
  if (close === -1) {
    // A lone `---` first line is a Markdown rule; only a block that looks like keys is a broken frontmatter block.
    if (/^[\w-]+\s*[:=]/.test(lines[1] ?? '')) {
      report.warn(
        `Expected the frontmatter block opened here to be closed by a \`${fence}\` line; it is read as text`,
        'unclosed-frontmatter',
        1,
      );
    }
    return { text };
  }
  const block = lines.slice(1, close).join('\n');
  const fields = FENCES[fence] === 'yaml' ? readYaml(block, report) : readToml(block, lines.slice(1, close), report);
  if (!fields) return { text };
  const blanked = [...lines.slice(0, close + 1).map(() => ''), ...lines.slice(close + 1)].join('\n');
  return { fields, text: blanked };
}

/** YAML 1.2's core schema: dates stay the strings they are written as, never shifted to UTC. */
function readYaml(block: string, report: MessageCollector): Map<string, FrontmatterField> | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(block, { lineCounter, schema: 'core', uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line + 1;
    report.warn(
      `Expected YAML frontmatter, found a syntax error: ${error.message.split('\n')[0]}; the block is read as text`,
      'invalid-frontmatter',
      line,
    );
    return undefined;
  }
  if (block.trim() === '') return new Map();
  if (!isMap(document.contents)) return undefined;
  const fields = new Map<string, FrontmatterField>();
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
    fields.set(key, {
      value: pair.value === null ? null : (pair.value as { toJSON(): unknown }).toJSON(),
      line: lineCounter.linePos(offset).line + 1,
    });
  }
  return fields;
}

function readToml(block: string, lines: string[], report: MessageCollector): Map<string, FrontmatterField> | undefined {
  let table: Record<string, unknown>;
  try {
    table = parseToml(block);
  } catch (error) {
    const line = error instanceof TomlError ? error.line + 1 : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report.warn(`Expected TOML frontmatter, found a syntax error: ${reason}; the block is read as text`, 'invalid-frontmatter', line);
    return undefined;
  }
  const fields = new Map<string, FrontmatterField>();
  for (const [key, value] of Object.entries(table)) {
    const name = escapeRegExp(key);
    // `key = …`, or a table `[key]` / `[[key]]`.
    const at = lines.findIndex((line) => new RegExp(`^\\s*(?:["']?${name}["']?\\s*=|\\[\\[?\\s*["']?${name}["']?\\s*\\]?\\])`).test(line));
    fields.set(key, { value: fromToml(value), line: at === -1 ? 1 : at + 2 });
  }
  return fields;
}

/** TOML dates keep the date and time as written (`2020-10-06T08:48:45+02:00`), like YAML's strings. */
function fromToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromToml);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fromToml(inner)]));
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
