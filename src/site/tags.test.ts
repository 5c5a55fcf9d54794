import { expect, test } from 'vitest';
import { collectTags } from './tags.ts';

const doc = (id: string, tags?: string[]) => ({ id, data: { tags } });

test('tags that differ in case are one tag, named as most documents write it, documents in site order', () => {
  const tags = collectTags([doc('a', ['Linux', 'install']), doc('b', ['linux']), doc('c', ['linux', 'linux']), doc('d')]);
  expect(tags.map((tag) => [tag.name, tag.slug, tag.documents.map((document) => document.id)])).toEqual([
    ['install', 'install', ['a']],
    ['linux', 'linux', ['a', 'b', 'c']],
  ]);
});

test('a tag of punctuation only has no page', () => {
  expect(collectTags([doc('a', ['!!!'])])).toEqual([]);
});
