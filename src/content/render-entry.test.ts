import { describe, expect, test } from 'vitest';
import { renderEntryBody, UnsafeEntryError } from './render-entry.ts';

describe('renderEntryBody', () => {
  test('renders escaped text as text', () => {
    const { html } = renderEntryBody('&#x69;mport x from "y"\n\n\\{1+1} \\<b>bold\\</b>\n');
    expect(html).toBe('<p>import x from "y"</p>\n<p>{1+1} &#x3C;b>bold&#x3C;/b></p>');
  });

  test.each([
    { name: 'an import', body: 'import x from "y"\n', type: 'mdxjsEsm' },
    { name: 'an expression', body: 'text\n\n{alert(1)}\n', type: 'mdxFlowExpression' },
    { name: 'a JSX element', body: 'Hello <Danger />\n', type: 'mdxJsxTextElement' },
  ])('refuses $name, naming the line', async ({ body, type }) => {
    let error: unknown;
    try {
      renderEntryBody(body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsafeEntryError);
    expect((error as UnsafeEntryError).message).toContain(type);
    expect((error as UnsafeEntryError).line).toBe(body.startsWith('text') ? 3 : 1);
  });

  test('wraps each quotation in <q> with its speaker, keeping the marks as text', () => {
    const { html } = renderEntryBody('Intro.\n\n"Go on," Lee said, "please."\n', [
      { text: 'Go on,', speaker: 'Lee Whan-chul', paragraph: 1 },
      { text: 'please.', paragraph: 1 },
    ]);
    expect(html).toBe(
      '<p>Intro.</p>\n<p>"<q class="quote" data-speaker="Lee Whan-chul">Go on,</q>" Lee said, "<q class="quote">please.</q>"</p>',
    );
  });

  test('collects headings with their ids for the table of contents', () => {
    const { headings } = renderEntryBody('## First part\n\ntext\n\n### A detail\n');
    expect(headings).toEqual([
      { depth: 2, slug: 'first-part', text: 'First part' },
      { depth: 3, slug: 'a-detail', text: 'A detail' },
    ]);
  });
});

test('refuses code however deep it sits in the tree', () => {
  const body = 'Text.\n\n> - one\n>   - two, and <b onClick={x}>b</b>\n';
  expect(() => renderEntryBody(body)).toThrow(
    expect.objectContaining({ name: 'UnsafeEntryError', line: 4, message: expect.stringContaining('mdxJsxTextElement') }),
  );
});

describe('defence in depth, whatever the entry says', () => {
  test.each([
    ['a javascript: link becomes its text', '[click](javascript:alert(1))\n', '<p>click</p>'],
    ['a scheme in capitals', '[click](JavaScript:alert(1))\n', '<p>click</p>'],
    ['a data: image becomes its alt text', '![a cat](data:text/html,<script>alert(1)</script>)\n', '<p>a cat</p>'],
    [
      'a safe link stays a link',
      '[site](https://example.org) and [here](#part)\n',
      '<p><a href="https://example.org">site</a> and <a href="#part">here</a></p>',
    ],
  ])('%s', (_name, body, html) => {
    expect(renderEntryBody(body).html).toBe(html);
  });

  test("a heading never takes one of the layout's ids, and every id stays unique", () => {
    const { headings, html } = renderEntryBody('## Content\n\n## Content 1\n\n## Sidebar\n\n## Search dialog\n');
    expect(headings.map((heading) => heading.slug)).toEqual(['content-2', 'content-1', 'sidebar-1', 'search-dialog-1']);
    expect(html).not.toMatch(/id="(content|sidebar|search-dialog)"/);
  });
});

describe('long documents', () => {
  // Headings, lists, inline links and link references, in a document longer than one part.
  const parts: string[] = [];
  for (let i = 0; i < 3_500; i++) {
    if (i % 500 === 0) parts.push(`## Heading ${i}`);
    if (i % 700 === 0) parts.push(`A [link][ref${i % 3}] and a list:\n\n- one\n- two`);
    parts.push(`Paragraph ${i} with *emphasis* and a [link](https://example.org/${i}).`);
  }
  parts.push('[ref0]: https://example.org/zero', '[ref1]: https://example.org/one');
  const body = parts.join('\n\n');

  test('render as a whole would: every block, link reference and heading, in order', () => {
    const { html, headings } = renderEntryBody(body);
    expect(html.match(/<p>/g)).toHaveLength(3_505);
    // A reference near the end resolves to a definition given after it.
    expect(html).toContain('A <a href="https://example.org/zero">link</a>');
    expect(html).toContain('A <a href="https://example.org/one">link</a>');
    // A reference with no definition stays text, as CommonMark says.
    expect(html).toContain('[link][ref2]');
    expect(headings.map((heading) => heading.slug)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000].map((n) => `heading-${n}`));
    // Blocks are joined by one newline, across the parts as within them.
    expect(html).not.toMatch(/<\/p><p>|<\/p>\n\n<p>/);
  });

  test('take time in proportion to their length (a ratio, not a time limit)', () => {
    const document = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i} with a few words in it.`).join('\n\n');
    const once = (text: string): number => {
      const started = performance.now();
      renderEntryBody(text);
      return performance.now() - started;
    };
    const short = document(50_000);
    const long = document(200_000);
    once(short); // warm up the JIT
    // The faster of two runs each, taken in turns: the machine's noise only ever adds time, and a
    // busy spell (this suite runs builds beside it) then falls on both sides rather than one.
    let shortest = { short: Infinity, long: Infinity };
    for (let run = 0; run < 2; run++)
      shortest = { short: Math.min(shortest.short, once(short)), long: Math.min(shortest.long, once(long)) };
    const ratio = shortest.long / shortest.short;
    // 4× the paragraphs: linear is about 4, the quadratic renderer before it was over 12.
    expect(ratio).toBeLessThan(8);
    // A generous limit: this measures a ratio, and a loaded machine is slow.
  }, 60_000);
});
