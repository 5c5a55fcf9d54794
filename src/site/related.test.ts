import { expect, test } from 'vitest';
import { relatedEntries } from './related.ts';

const doc = (id: string, section: string[], tags?: string[]) => ({ id, data: { section, tags } });

test('shared tags weigh most, then people quoted, then the section; nearer documents break ties', () => {
  const a = doc('a', ['News'], ['rail']);
  const b = doc('b', ['News']);
  const c = doc('c', ['Sport'], ['rail']);
  const d = doc('d', ['Sport']);
  const e = doc('e', ['Arts']);
  const people = [{ slug: 'tom', quotes: [{ document: a }, { document: d }] }];
  const related = relatedEntries([a, b, c, d, e], people);
  expect(related.get('a')!.map((other) => other.id)).toEqual(['c', 'd', 'b']);
  expect(related.get('e')).toEqual([]);
});

test('at most five, and a tag on hundreds of documents says nothing', () => {
  const many = Array.from({ length: 300 }, (_, index) => doc(`d${index}`, [], ['everything']));
  const related = relatedEntries(many);
  expect(related.get('d0')).toEqual([]);
  const few = Array.from({ length: 9 }, (_, index) => doc(`f${index}`, [], ['rare']));
  expect(
    relatedEntries(few)
      .get('f4')!
      .map((other) => other.id),
  ).toEqual(['f3', 'f5', 'f2', 'f6', 'f1']);
});

test('only the documents asked for get a list, found among all of them', () => {
  const a = doc('a', ['News'], ['rail']);
  const b = doc('b', ['News']);
  const c = doc('c', ['Sport'], ['rail']);
  const related = relatedEntries([a, b, c], [], (document) => document.id === 'a');
  expect([...related.keys()]).toEqual(['a']);
  expect(related.get('a')!.map((other) => other.id)).toEqual(['c', 'b']);
});
