import { describe, expect, test } from 'vitest';
import { messageCollector } from '../message.ts';
import { readDocumentMeta } from './document-meta.ts';

const read = (fields: Record<string, unknown>) => {
  const report = messageCollector('doc.md');
  const entries = Object.entries(fields).map(([key, value], index) => [key, { value, line: index + 2 }] as const);
  const meta = readDocumentMeta(new Map(entries), report);
  return { meta, messages: report.messages.map(({ line, ruleId, reason }) => ({ line, ruleId, reason })) };
};

describe('readDocumentMeta: the spellings of each generator', () => {
  test.each([
    [{ title: 'Installing on Linux' }, { title: 'Installing on Linux' }],
    [{ title: 2013 }, { title: '2013' }],
    [{ description: 'One line.' }, { summary: 'One line.' }],
    [{ summary: 'Hugo summary' }, { summary: 'Hugo summary' }],
    [{ date: '2023-07-14' }, { published: '2023-07-14' }],
    [{ pubDate: 'Jul 14, 2023' }, { published: '2023-07-14' }],
    [{ published: '2010-01-10 13:07:09 +00:00' }, { published: '2010-01-10T13:07:09' }],
    [{ date: '2020-10-06T08:48:45+02:00' }, { published: '2020-10-06T08:48:45' }],
    [{ updated: '2024-01-02' }, { updated: '2024-01-02' }],
    [{ lastmod: '2024-01-02T10:00:00Z' }, { updated: '2024-01-02T10:00:00' }],
    [{ last_update: { date: '2024-03-04', author: 'x' } }, { updated: '2024-03-04' }],
    [{ author: 'Jane Doe' }, { byline: 'Jane Doe' }],
    [{ authors: ['slorber', 'yangshun'] }, { byline: 'slorber, yangshun' }],
    [{ authors: [{ name: 'Ana Costa', url: 'https://example.org' }] }, { byline: 'Ana Costa' }],
    [{ section: 'News / Economy' }, { section: ['News', 'Economy'] }],
    [{ category: 'Releases' }, { section: ['Releases'] }],
    [{ category: 2013 }, { section: ['2013'] }],
    [{ categories: ['Programming', 'Tutorial'] }, { section: ['Programming', 'Tutorial'] }],
    [{ tags: ['install', 'linux'] }, { tags: ['install', 'linux'] }],
    [{ tags: 'release, changelog' }, { tags: ['release', 'changelog'] }],
    [{ keywords: ['a', 'a', 'b'] }, { tags: ['a', 'b'] }],
    [{ lang: 'ko' }, { language: 'ko' }],
    [{ slug: '/docs/intro' }, { slug: '/docs/intro' }],
    [{ sidebar_position: 3 }, { order: 3 }],
    [{ weight: '10' }, { order: 10 }],
    [{ order: 1.5 }, { order: 1.5 }],
    [{ draft: true }, { draft: true }],
    [{ published: false }, { draft: true }],
    [{ canonical: 'https://example.com/post' }, { sourceUrl: 'https://example.com/post' }],
    [{ source: 'https://news.example.org/a' }, { sourceUrl: 'https://news.example.org/a' }],
    [{ layout: 'post', comments: true }, { extra: { layout: 'post', comments: true } }],
    [{ url: '/about/' }, { extra: { url: '/about/' } }],
  ])('%j → %j', (fields, expected) => {
    const { meta, messages } = read(fields);
    expect(meta).toEqual({ extra: {}, ...expected });
    expect(messages).toEqual([]);
  });

  test('`name` is the title when no `title` is given (Bun and Mintlify docs), and is kept', () => {
    expect(read({ name: 'Minifier' }).meta).toEqual({ title: 'Minifier', extra: { name: 'Minifier' } });
    expect(read({ name: 'Short', title: 'The long title' }).meta.title).toBe('The long title');
  });

  test('the first spelling of a field wins', () => {
    expect(read({ date: '2020-01-01', published: '2021-01-01', pubDate: '2022-01-01' }).meta.published).toBe('2020-01-01');
  });
});

describe('readDocumentMeta: bad values are warnings naming the line and field; the rest is read', () => {
  test.each([
    ['a date that does not exist', { date: '2023-02-30' }, 'date', 'a real date'],
    ['a date that is not one', { date: 'next Tuesday' }, 'date', 'a real date'],
    ['a title that is a list', { title: ['a', 'b'] }, 'title', 'a text'],
    ['a title that is a map', { title: { en: 'x' } }, 'title', 'a text'],
    ['an order that is not a number', { weight: 'heavy' }, 'weight', 'a number'],
    ['a draft that is not true or false', { draft: 'yes' }, 'draft', 'true or false'],
    ['a language that is not a tag', { lang: 'English language' }, 'lang', 'a language tag'],
    ['a section that is a map', { section: { a: 1 } }, 'section', 'a section name'],
  ])('%s', (_name, fields, key, expected) => {
    const { meta, messages } = read({ summary: 'kept', ...fields });
    expect(meta.summary).toBe('kept');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 3, ruleId: 'invalid-frontmatter-field' });
    expect(messages[0]!.reason).toContain(`\`${key}\``);
    expect(messages[0]!.reason).toContain(expected);
  });

  test('a tag that is an object is left out; the other tags are kept', () => {
    const { meta, messages } = read({ tags: ['ok', { nested: true }, 3] });
    expect(meta.tags).toEqual(['ok', '3']);
    expect(messages).toMatchObject([{ line: 2, ruleId: 'invalid-frontmatter-field' }]);
  });

  test('a key named __proto__ is kept as a key, not as a prototype', () => {
    const { meta } = read({ ['__proto__']: { polluted: true } });
    expect(Object.getPrototypeOf(meta.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
