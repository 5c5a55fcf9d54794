import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { describe, expect, test } from 'vitest';
import { escapeText } from './escape-text.ts';

// Marks that some unsafe pattern escapes somewhere, line breaks and plain words between them.
const PIECES = [
  ...'#*_`~-+=>[]()!|\\:{}<&"\'%.,;?@^$/1 \t\n\r',
  'import ',
  'export ',
  '1. ',
  '- ',
  '    ',
  '***',
  '```',
  '~~~',
  '---',
  '&amp;',
  '&#x69;',
  'www.',
  'http://',
  'a',
  'word',
  '한국어',
  '\u00a0',
];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{ node: PhrasingContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((value): PhrasingContent => ({ type: 'text', value })),
    fc.constant<PhrasingContent>({ type: 'break' }),
    fc.array(tie('node'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'emphasis', children })),
    fc.array(tie('node'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'strong', children })),
    fc.array(tie('node'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'link', url: 'https://example.org/', children })),
  ),
})).node;
const inline = fc.array(phrasing, { minLength: 1, maxLength: 5 });
const block: fc.Arbitrary<RootContent> = fc.oneof(
  inline.map((children): RootContent => ({ type: 'paragraph', children })),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), inline)
    .map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1, children })),
  inline.map((children): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((items): RootContent => ({
    type: 'list',
    children: items.map((children) => ({ type: 'listItem', children: [{ type: 'paragraph', children }] })),
  })),
);
const root = fc.array(block, { minLength: 1, maxLength: 4 }).map((children): Root => ({ type: 'root', children }));

// As the ingest serializes (to-mdx.ts): MDX, GFM, and line starts that MDX would read as code.
const options: Options = {
  extensions: [
    mdxToMarkdown(),
    gfmToMarkdown(),
    {
      unsafe: [
        { character: 'i', atBreak: true, after: 'mport\\b' },
        { character: 'e', atBreak: true, after: 'xport\\b' },
      ],
    },
  ],
};

describe('escapeText', () => {
  test('writes every text exactly as the library’s own text handler does', () => {
    fc.assert(
      fc.property(root, (tree) => {
        const expected = toMarkdown(tree, options);
        const actual = toMarkdown(tree, { ...options, extensions: [...options.extensions!, { handlers: { text: escapeText } }] });
        expect(actual).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
