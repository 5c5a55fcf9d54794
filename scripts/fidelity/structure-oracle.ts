// What a document's own words and path say its structure is, read by a
// second, simpler reader (js-yaml and a few regular expressions, not the
// ingest's code), to check the ingest against on folders nobody here wrote.
import { load } from 'js-yaml';

export interface Expected {
  /** The title the document states: frontmatter `title`, else a first `# ` heading. */
  title?: string;
  /** A stated date (frontmatter), else one at the start of the name or in the folders. */
  date?: string;
  /** The section's last part: frontmatter section/category(ies), else the last folder. */
  section?: string;
  tags?: string[];
  sourceUrl?: string;
  /** A line of the frontmatter block, which must never reach the page. */
  frontmatterLine?: string;
}

const FENCE = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1\s*(?:\r?\n|$)/;

export function expectedOf(text: string, source: string, categoryFile?: string): Expected {
  const expected: Expected = {};
  const fence = FENCE.exec(text.replace(/^\uFEFF/, ''));
  let data: Record<string, unknown> = {};
  if (fence) {
    expected.frontmatterLine = fence[2]!
      .split('\n')
      .find((line) => /^\w[\w-]*\s*[:=]\s*\S/.test(line))
      ?.trim();
    if (fence[1] === '---') {
      try {
        const parsed = load(fence[2]!, { json: true });
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
      } catch {
        // Not YAML: nothing stated.
      }
    } else {
      for (const match of fence[2]!.matchAll(/^(\w+)\s*=\s*(.+)$/gm)) data[match[1]!] = tomlValue(match[2]!);
    }
  }
  let body = fence ? text.slice(fence[0].length) : text;
  // Header lines (Pelican, MultiMarkdown, wire copy, scrapers): `Key: value` lines up to a blank line.
  if (!fence) {
    const header = /^(?:[A-Za-z][\w ]{0,30}:(?!\/\/)[^\n]*\n)+/.exec(body.replace(/^\uFEFF/, '').replace(/\r/g, ''));
    const lines = header?.[0].trimEnd().split('\n') ?? [];
    if (lines.length >= 2 || (lines.length === 1 && /^title:/i.test(lines[0]!))) {
      for (const line of lines) {
        const [, key, value] = /^([^:]+):\s*(.*)$/.exec(line)!;
        const name = key!.trim().toLowerCase().replace(/\s+/g, '_');
        if (value!.trim() !== '' && !/^(none|null|n\/a)$/i.test(value!.trim())) data[name] ??= value!.trim();
      }
      expected.frontmatterLine = lines.find((line) => !/^(title|content|body|text):/i.test(line) && /:\s*\S/.test(line))?.trim();
      body = body
        .replace(/^\uFEFF/, '')
        .replace(/\r/g, '')
        .slice(header![0].length);
    }
  }
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(/\.(md|mdx|markdown)$/i.test(source) ? body : '');
  if (typeof data.title === 'string' && data.title.trim()) expected.title = data.title.trim();
  else if (heading) expected.title = heading[1]!.replace(/[*_`]/g, '').trim();

  const stated = data.date ?? data.published ?? data.pubDate ?? data.publish_date;
  const name = source.split('/').pop()!;
  const nameDate = /^(\d{4})-?(\d{2})-?(\d{2})(?:[-_.\s]|\.\w+$)/.exec(name);
  const folderDate = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\//.exec(source);
  if (stated instanceof Date) expected.date = stated.toISOString().slice(0, 10);
  else if (typeof stated === 'string' && /^\d{4}[-/]\d{2}[-/]\d{2}/.test(stated)) expected.date = stated.slice(0, 10).replace(/\//g, '-');
  else if (nameDate) expected.date = `${nameDate[1]}-${nameDate[2]}-${nameDate[3]}`;
  else if (folderDate) expected.date = `${folderDate[1]}-${folderDate[2]}-${folderDate[3]}`;

  const section = data.section ?? data.category ?? data.categories;
  const folders = source
    .split('/')
    .slice(0, -1)
    .filter((folder) => !/^\d{1,4}$/.test(folder) && folder !== '_posts' && folder !== '_drafts');
  const firstLines = body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 8);
  const wireCategory = firstLines.map((line) => /^Category:\s*(.+)$/i.exec(line)?.[1]).find(Boolean);
  // A short line between a source address and the title names the category.
  const afterUrl =
    /^https?:\/\/\S+$/.test(firstLines[0] ?? '') && /^[\p{Lu}\s&]{2,30}$/u.test(firstLines[1] ?? '') ? firstLines[1] : undefined;
  let label: string | undefined;
  try {
    label = categoryFile ? (JSON.parse(categoryFile) as { label?: string }).label : undefined;
  } catch {
    // No label.
  }
  if (Array.isArray(section) && section.length > 0) expected.section = String(section.at(-1));
  else if (wireCategory) expected.section = wireCategory;
  else if (afterUrl) expected.section = afterUrl;
  else if (typeof section === 'string' && section.trim()) expected.section = section.split('/').at(-1)!.trim();
  else if (folders.length > 0 && !/^(index|readme)\./i.test(name)) expected.section = label ?? folders.at(-1);

  const tags = data.tags ?? data.keywords;
  if (Array.isArray(tags)) expected.tags = tags.map(String);
  else if (typeof tags === 'string')
    expected.tags = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);

  const firstLine =
    body
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const canonical = data.canonical ?? data.source ?? data.url ?? data.src ?? data.link;
  const secondLine = body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)[1];
  if (typeof canonical === 'string' && /^https?:\/\//.test(canonical)) expected.sourceUrl = canonical;
  else if (/^https?:\/\/\S+$/.test(firstLine)) expected.sourceUrl = firstLine;
  // A title, then the page's address (scrapers that print the headline first).
  else if (!expected.title && /^https?:\/\/\S+$/.test(secondLine ?? '')) expected.sourceUrl = secondLine;
  return expected;
}

function tomlValue(raw: string): unknown {
  const value = raw.trim();
  if (/^".*"$/.test(value)) return value.slice(1, -1);
  if (/^\[.*\]$/.test(value)) return [...value.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
  return value;
}

/** Two names of one section: `tutorial-basics` and `Tutorial - Basics`, `BUSINESS` and `Business`. */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) =>
    name
      .toLowerCase()
      .replace(/^\d+[-_.\s]+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) === key(b);
}
