import fc from 'fast-check';
import type { Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { CORE_SCHEMA, load } from 'js-yaml';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitEntry } from '../src/content/entry-file.ts';
import { renderEntryBody } from '../src/content/render-entry.ts';
import { ingestDocument } from '../src/ingest/parse/ingest-document.ts';
import { toMdx } from '../src/ingest/to-mdx.ts';

// Pieces that mean something to MDX, JSX, Markdown, HTML or YAML, mixed with
// ordinary text, so that random documents hit every escape and its neighbours.
const TOKENS = [
  'import ',
  'export ',
  'import{x}from"y"',
  'export default 1',
  '{',
  '}',
  '{x}',
  '{/* c */}',
  '<',
  '>',
  '</',
  '/>',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<Foo />',
  '<!--',
  '-->',
  'javascript:',
  '&',
  '&amp;',
  '&#x69;',
  '&lt;',
  '#',
  '## ',
  '*',
  '**',
  '_',
  '__',
  '`',
  '```',
  '~',
  '~~~',
  '-',
  '---',
  '+',
  '=',
  '===',
  '>',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '|',
  '\\',
  '\\\\',
  ':',
  ': ',
  '- ',
  '? ',
  '"',
  "'",
  '%',
  '@',
  '!',
  '$',
  '^',
  '1. ',
  '1) ',
  '    ',
  '\t',
  ' ',
  '  ',
  'a',
  'word',
  'Said',
  'é',
  'é',
  '한국어',
  '中文',
  'שלום',
  '👩🏽‍💻',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufffd',
];
const line = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

/** What the reader should see of a line: the parser trims it, nothing else. */
const visible = (text: string): string => text.trim();

function paragraphsOf(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  return tree.children.filter((node) => node.type === 'element').map((node) => hastToString(node as HastNodes));
}

type MdastLike = { children: { type: string; children?: { type: string; value?: string }[] }[] };

/** Paragraph texts of an MDX body as a parser reads it; any other node shows as `<type>`. */
function paragraphsOfTree(tree: MdastLike): string[] {
  return tree.children.map((node) => {
    if (node.type !== 'paragraph') return `<${node.type}>`;
    return (node.children ?? []).map((child) => (child.type === 'text' ? child.value : `<${child.type}>`)).join('');
  });
}

describe('any text survives ingest → MDX → page unchanged', () => {
  test('in titles and body paragraphs, through both MDX parsers', async () => {
    await fc.assert(
      fc.asyncProperty(
        line.filter((title) => visible(title).length <= 200),
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 60 }),
        async (title, paragraphs, chunkLength) => {
          // A fixed header and first paragraph, so every random line is body text.
          const document = `TEST / PROPERTY\n${title}\nPublished: Jan 08, 2026 08:28 PM\n\nBody follows.\n\n${paragraphs.join('\n\n')}\n`;
          const { draft } = ingestDocument(new TextEncoder().encode(document), 'random.txt', { defaultLanguage: 'en' });
          // Tiny chunks prove that cutting long text nodes (see to-mdx.ts) changes nothing.
          const mdx = toMdx({ ...draft!.frontmatter, slug: 'random' }, draft!.body, chunkLength);
          const { frontmatter, body } = splitEntry(mdx)!;

          const expected = ['Body follows.', ...paragraphs.map(visible)];
          expect((parseYaml(frontmatter!) as { title: string }).title).toBe(visible(title));
          // Our own path: satteri in the content layer (it throws on any code node).
          const { html } = renderEntryBody(body!);
          expect(paragraphsOf(html)).toEqual(expected);
          // And the reference MDX parser, micromark's, reads the same text.
          expect(
            paragraphsOfTree(fromMarkdown(body!, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as MdastLike),
          ).toEqual(expected);
          // The loader reads frontmatter with js-yaml: it must agree with the yaml library that wrote it.
          expect(load(frontmatter!, { schema: CORE_SCHEMA })).toEqual(parseYaml(frontmatter!));
        },
      ),
      { numRuns: 300 },
    );
  });
});
