import { describe, expect, test } from 'vitest';
import { articleCacheKey, listPageCacheKey, shellSignature } from './page-cache-key.ts';
import { buildSectionTree } from './sections.ts';

const doc = (id: string, section: string[], title = id) => ({ id, data: { section, title } });
const docs = [doc('a', ['News']), doc('b', ['News']), doc('c', ['News']), doc('d', ['News']), doc('x', ['Culture'])];
const key = (documents: typeof docs, id: string, data: unknown = { title: id }) => {
  const tree = buildSectionTree(documents);
  return articleCacheKey(tree, id, data, shellSignature(tree, { title: 'Site' }), 3);
};

describe('articleCacheKey', () => {
  test('is stable when nothing the page shows changes', () => {
    expect(key(docs, 'a')).toBe(key([...docs], 'a'));
  });

  test('changes with the page’s own data', () => {
    expect(key(docs, 'a', { title: 'A' })).not.toBe(key(docs, 'a', { title: 'A, edited' }));
  });

  test('changes when a neighbour it links to is renamed, not when a far one is', () => {
    const renamed = (id: string) => docs.map((d) => (d.id === id ? doc(id, d.data.section, `${id} renamed`) : d));
    expect(key(renamed('b'), 'a')).not.toBe(key(docs, 'a'));
    expect(key(renamed('d'), 'a')).toBe(key(docs, 'a'));
  });

  test('changes when the sidebar’s sections change', () => {
    expect(key([...docs, doc('y', ['Culture'])], 'a')).not.toBe(key(docs, 'a'));
    expect(key([...docs, doc('z', ['Sports'])], 'a')).not.toBe(key(docs, 'a'));
  });
});

describe('listPageCacheKey', () => {
  const listed = (overrides: Record<string, unknown> = {}) => ({
    id: 'a',
    data: { title: 'A', section: ['News'], published: '2026-01-03', summary: 'First lines.', language: 'en', wordCount: 3, ...overrides },
  });
  const key = (documents: ReturnType<typeof listed>[], page: unknown = ['News', 1, 1, 1], shell = 'shell') =>
    listPageCacheKey(shell, page, documents);

  test('changes with anything a list shows of a document: title, section, date, summary, language', () => {
    for (const change of [
      { title: 'A, renamed' },
      { section: ['Culture'] },
      { published: '2026-01-04' },
      { summary: 'Edited.' },
      { language: 'ko' },
    ])
      expect(key([listed(change)]), JSON.stringify(change)).not.toBe(key([listed()]));
  });

  test('not with what a list does not show of it', () => {
    expect(key([listed({ wordCount: 4, quotations: [{ text: 'Said.' }] })])).toBe(key([listed()]));
  });

  test('changes with the page itself, its documents and their order, and the shell', () => {
    const other = { ...listed(), id: 'b' };
    expect(key([listed()], ['News', 1, 2, 30])).not.toBe(key([listed()]));
    expect(key([listed(), other])).not.toBe(key([other, listed()]));
    expect(key([listed()], undefined, 'another shell')).not.toBe(key([listed()]));
  });
});
