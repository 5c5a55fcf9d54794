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
