import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { Caption } from '../../content/entry-schema.ts';
import { parseWrittenDate } from './dates.ts';
import type { MessageCollector } from '../message.ts';

/** What a plain-text document says about itself, before site-wide fields (slug) are assigned. */
export interface ParsedDocument {
  title: string;
  /** 1-based line of the title, or undefined when the title comes from the file name. */
  titleLine?: number;
  section: string[];
  published?: string;
  updated?: string;
  byline?: string;
  credit?: string;
  caption?: Caption;
  /** Where it was first published: a bare URL first line or one right under the title, or a `URL:` header line. */
  sourceUrl?: string;
  /** From a `Tags:` or `Keywords:` header line. */
  tags?: string[];
  /** The body as an mdast tree; every node has a position. */
  body: Root;
}

interface Line {
  /** The line with surrounding white space (non-breaking spaces included) removed. */
  text: string;
  /** 1-based. */
  number: number;
}

// Unicode white space, NBSP included: `\s` in JS regexps already covers it.
const BREADCRUMB_SEGMENT = String.raw`\p{Lu}[\p{Lu}\p{Nd}&'’.\-]*(?:\s+[\p{Lu}\p{Nd}&'’.\-]+)*`;
const BREADCRUMB = new RegExp(String.raw`^${BREADCRUMB_SEGMENT}(?:\s*\/\s*${BREADCRUMB_SEGMENT})+$`, 'u');
const PUBLISHED = /^(?:Published|Posted|Date)\s*:\s*(.+)$/iu;
const UPDATED = /^(?:Updated|Last updated|Modified)\s*:\s*(.+)$/iu;
const BYLINE = /^By(?::\s*|\s+)(\p{Lu}.{0,79})$/u;
const CREDIT = /^(?:Source|Credit)\s*:\s*(.+)$/iu;
const CAPTION_CREDIT = /^(.*?)\s*\b((?:Photo|Photograph|Image|Picture|Graphic|Illustration)(?:\s+credit)?\s*:\s*(.+))$/iu;
const TITLE_MAX = 200;
// Web-scraped archives print the page's address first.
const BARE_URL = /^<?(https?:\/\/[^\s<>]+\.[^\s<>]+?)>?$/iu;
// Mail- and wire-style header lines, before the title.
const WIRE_LINE =
  /^(Title|Headline|Author|Authors|By|Byline|Date|Published|Publish(?:ed)? Date|Publication Date|Date Published|Updated|Modified|URL|Link|Source|Src|Tags|Keywords|Category|Categories|Section)\s*:(?!\/\/)\s*(.*)$/iu;
// A value a scraper prints for nothing.
const NO_VALUE = /^(?:none|null|undefined|n\/a|-+)?$/iu;
// The line that ends a scraper's header and opens the text (`Content:`, perhaps with the first words after it).
const CONTENT_LINE = /^(?:Content|Body|Text|Article|Story)\s*:\s*/iu;
// A category line between the address and the title: a few words, no sentence.
const CATEGORY_MAX = 40;

/**
 * Plain text → article. Reads the header a news article usually has (section
 * breadcrumb, title, `Published:` and friends, a caption printed twice) and
 * stops at the first line that is none of these: everything after it is body.
 * A document without such a header is normal; nothing is guessed for it.
 */
export function parsePlainText(text: string, report: MessageCollector, fallbackTitle: string, knownTitle?: string): ParsedDocument {
  const lines: Line[] = text.split('\n').map((line, index) => ({ text: line.trim(), number: index + 1 }));
  const content = lines.filter((line) => line.text !== '');
  let next = 0;

  const article: ParsedDocument = { title: fallbackTitle, section: [], body: { type: 'root', children: [] } };

  const url = content[next] && BARE_URL.exec(content[next]!.text);
  if (url) {
    article.sourceUrl = url[1]!;
    next++;
  }
  next += readWireHeader(content.slice(next), article, report);

  const first = content[next];
  if (first && BREADCRUMB.test(first.text)) {
    article.section = first.text.split('/').map((segment) => titleCase(segment.trim()));
    next++;
  } else if (url && first && article.section.length === 0 && isCategoryLine(first, content[next + 1], content.length - next)) {
    article.section = [titleCase(first.text)];
    next++;
  }

  const titleCandidate = content[next];
  if (article.titleLine !== undefined) {
    // The wire header named the title.
  } else if (knownTitle !== undefined) {
    // The frontmatter named it: a first line that repeats it is not shown twice.
    article.title = knownTitle;
    if (titleCandidate?.text === knownTitle) {
      article.titleLine = titleCandidate.number;
      next++;
    }
  } else if (titleCandidate && isTitle(titleCandidate, content.length - next, article.section.length > 0 || url !== null)) {
    article.title = titleCandidate.text;
    article.titleLine = titleCandidate.number;
    next++;
  }

  // A page title that ends with its site's name (`Headline - 전자신문`), and that name on the next line:
  // the name is the credit, not part of the headline.
  const siteName = article.titleLine !== undefined ? content[next] : undefined;
  const suffix = siteName && /^(.+?)\s+[-|–—]\s+(.+)$/u.exec(article.title);
  if (siteName && suffix && suffix[2] === siteName.text && article.credit === undefined) {
    article.title = suffix[1]!;
    article.credit = siteName.text;
    next++;
  }

  // Scrapers that print the headline first print the page's address right under it.
  const addressAfterTitle = article.titleLine !== undefined ? content[next] && BARE_URL.exec(content[next]!.text) : null;
  if (addressAfterTitle && article.sourceUrl === undefined) {
    article.sourceUrl = addressAfterTitle[1]!;
    next++;
  }

  // Header lines, in any order, until the first line that is not one.
  for (;;) {
    const line = content[next];
    if (!line) break;
    const consumed = readHeaderLine(line, content[next + 1], article, report);
    if (consumed === 0) break;
    next += consumed;
  }

  // Scraped pages often print the site's name, then the date alone on its line, under the headline,
  // and the category under that.
  if (url && article.titleLine !== undefined && article.published === undefined) {
    let at = next;
    const named = content[at] && isShortLabel(content[at]!.text) && bareDate(content[at + 1]) !== undefined ? content[at] : undefined;
    if (named) at++;
    const date = bareDate(content[at]);
    if (date !== undefined) {
      if (named && article.credit === undefined) article.credit = named.text;
      article.published = date;
      at++;
      const category = content[at];
      if (category && article.section.length === 0 && content[at + 1] !== undefined && isShortLabel(category.text)) {
        article.section = [titleCase(category.text)];
        at++;
      }
      next = at;
    }
  }

  const bodyStart = content[next]?.number;
  if (bodyStart === undefined) {
    if (article.titleLine === undefined) report.warn('No text after the header', 'empty-body');
  } else {
    article.body.children = paragraphsFrom(lines.slice(bodyStart - 1));
  }
  if (article.titleLine === undefined && article.section.length > 0) {
    report.warn('Expected a title line after the section line', 'missing-title', content[0]?.number);
  }
  return article;
}

/** How many content lines `line` (and perhaps `following`) fill in as header; 0 when it is body. */
function readHeaderLine(line: Line, following: Line | undefined, article: ParsedDocument, report: MessageCollector): number {
  const published = PUBLISHED.exec(line.text);
  if (published && article.published === undefined) {
    article.published = parseDateOrWarn(published[1]!, line, report);
    return 1;
  }
  const updated = UPDATED.exec(line.text);
  if (updated && article.updated === undefined) {
    article.updated = parseDateOrWarn(updated[1]!, line, report);
    return 1;
  }
  const byline = BYLINE.exec(line.text);
  if (byline && article.byline === undefined) {
    article.byline = byline[1]!.trim();
    return 1;
  }
  const credit = CREDIT.exec(line.text);
  if (credit && article.credit === undefined) {
    article.credit = credit[1]!.trim();
    return 1;
  }
  if (article.caption === undefined) {
    // A photo's alt text and caption are often printed as the same line twice.
    if (following && following.text === line.text && following.number - line.number <= 3) {
      article.caption = splitCredit(line.text);
      return 2;
    }
    const caption = CAPTION_CREDIT.exec(line.text);
    if (caption && caption[1] !== '' && line.text.length <= 400) {
      article.caption = splitCredit(line.text);
      return 1;
    }
  }
  return 0;
}

/**
 * Wire-style `Key: value` lines at the very top: how many there are. An empty
 * value (`Author:`, `Publish Date: None`) is read as nothing; a `Content:` line
 * after them ends the header, and what follows its colon is the text's start.
 */
function readWireHeader(lines: Line[], article: ParsedDocument, report: MessageCollector): number {
  let count = 0;
  for (const line of lines) {
    const match = WIRE_LINE.exec(line.text);
    if (!match) {
      if (count > 0 && CONTENT_LINE.test(line.text)) {
        const rest = line.text.replace(CONTENT_LINE, '');
        if (rest === '') return count + 1;
        // The label is header; the words after it are the body's first line.
        line.text = rest;
      }
      break;
    }
    const key = match[1]!.toLowerCase().replace(/\s+/gu, ' ');
    const value = match[2]!.trim();
    count++;
    if (NO_VALUE.test(value)) continue;
    if (key === 'title' || key === 'headline') {
      article.title = value;
      article.titleLine = line.number;
    } else if (['author', 'authors', 'by', 'byline'].includes(key)) article.byline ??= value.replace(/^By\s+/iu, '');
    else if (key === 'updated' || key === 'modified') article.updated ??= parseDateOrWarn(value, line, report);
    else if (key.includes('date') || key === 'published') article.published ??= parseDateOrWarn(value, line, report);
    else if (key === 'url' || key === 'link' || key === 'src') {
      const url = BARE_URL.exec(value);
      if (url) article.sourceUrl ??= url[1]!;
    } else if (key === 'source') {
      const url = BARE_URL.exec(value);
      if (url) article.sourceUrl ??= url[1]!;
      else article.credit ??= value;
    } else if (key === 'tags' || key === 'keywords') {
      article.tags = [
        ...new Set(
          value
            .split(/[,;]/u)
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ];
    } else
      article.section = value
        .split('/')
        .map((part) => part.trim())
        .filter(Boolean);
  }
  return count;
}

/** A short line naming a category (`BUSINESS`, `World news`), followed by a title and a body. */
function isCategoryLine(line: Line, following: Line | undefined, linesLeft: number): boolean {
  return following !== undefined && linesLeft >= 3 && isShortLabel(line.text);
}

/** A few words, no sentence and no quotation: `BUSINESS`, `World news`, `신용카드`, not `현대카드, ‘에디션2’ 출시`. */
function isShortLabel(text: string): boolean {
  return (
    Array.from(text).length <= CATEGORY_MAX && text.split(/\s+/u).length <= 4 && !/[.!?:;,"“”‘’'…]/u.test(text) && !BARE_URL.test(text)
  );
}

/** A line that is a date and nothing else (`2024-09-23`, `Jan 8, 2026`). */
function bareDate(line: Line | undefined): string | undefined {
  return line && line.text.length <= 30 && /^\d|^\p{Lu}\p{Ll}{2}/u.test(line.text) ? parseWrittenDate(line.text) : undefined;
}

function parseDateOrWarn(printed: string, line: Line, report: MessageCollector): string | undefined {
  const date = parseWrittenDate(printed);
  if (date === undefined) {
    report.warn(`Expected a date such as \`Jan 08, 2026 08:28 PM\`, found \`${printed}\``, 'unparsed-date', line.number);
  }
  return date;
}

function splitCredit(text: string): Caption {
  const match = CAPTION_CREDIT.exec(text);
  if (!match || match[1] === '') return { text };
  return { text: match[1]!, credit: match[3]!.trim() };
}

/**
 * The first line is a title when it is short enough to be one and something
 * follows it. A lone line, or a long first line that is really the opening
 * paragraph, stays in the body and the title comes from the file name.
 */
function isTitle(line: Line, linesLeft: number, afterBreadcrumb: boolean): boolean {
  if (Array.from(line.text).length > TITLE_MAX) return false;
  return linesLeft > 1 || afterBreadcrumb;
}

/** `SOURCE` → `Source`, `ASIA-PACIFIC` → `Asia-Pacific`; two-letter words (`US`, `EU`, `AI`) stay upper case. */
function titleCase(segment: string): string {
  return segment
    .split(/\s+/u)
    .map((word) => word.replace(/[^-]+/gu, (part) => (part.length <= 2 ? part : part.charAt(0) + part.slice(1).toLocaleLowerCase('en'))))
    .join(' ');
}

/**
 * Body lines → paragraphs. When the body separates paragraphs with blank
 * lines, a block of lines is one paragraph and its line breaks are kept (a
 * poem, an address). When it never does, as in archives that put one
 * paragraph per line, every line is a paragraph.
 */
function paragraphsFrom(lines: Line[]): Paragraph[] {
  const usesBlankLines = hasInnerBlankLine(lines);
  const paragraphs: Paragraph[] = [];
  let block: Line[] = [];
  const flush = (): void => {
    if (block.length > 0) paragraphs.push(paragraph(block));
    block = [];
  };
  for (const line of lines) {
    if (line.text === '') flush();
    else {
      if (!usesBlankLines) flush();
      block.push(line);
    }
  }
  flush();
  return paragraphs;
}

function hasInnerBlankLine(lines: Line[]): boolean {
  let seenText = false;
  let blankAfterText = false;
  for (const line of lines) {
    if (line.text === '') blankAfterText = seenText;
    else if (blankAfterText) return true;
    else seenText = true;
  }
  return false;
}

function paragraph(block: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  block.forEach((line, index) => {
    if (index > 0) children.push({ type: 'break' });
    children.push({ type: 'text', value: line.text, position: linePosition(line) });
  });
  return { type: 'paragraph', children, position: { start: linePosition(block[0]!).start, end: linePosition(block.at(-1)!).end } };
}

function linePosition(line: Line) {
  return { start: { line: line.number, column: 1 }, end: { line: line.number, column: line.text.length + 1 } };
}
