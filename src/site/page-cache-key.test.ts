import { describe, expect, test } from 'vitest';
import { articleCacheKey, shellSignature } from './page-cache-key.ts';
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
