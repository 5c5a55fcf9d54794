import { describe, expect, test } from 'vitest';
import { ancestry, buildSectionTree, neighbours, sectionName, sectionPath } from './sections.ts';

const doc = (id: string, ...section: string[]) => ({ id, data: { section } });

describe('sectionPath and sectionName', () => {
  test.each([
    { section: ['Source', 'Economy'], path: 'source/economy', name: 'Source / Economy' },
    { section: ['World', 'Asia & Pacific'], path: 'world/asia--pacific', name: 'World / Asia & Pacific' },
    { section: ['문화'], path: '문화', name: '문화' },
    { section: [], path: 'unsorted', name: 'Unsorted' },
  ])('$section → $path, $name', ({ section, path, name }) => {
    expect(sectionPath(section)).toBe(path);
    expect(sectionName(section)).toBe(name);
  });
});

describe('buildSectionTree', () => {
  const documents = [
    doc('a', 'Source', 'Economy'),
    doc('b', 'World'),
    doc('c'),
    doc('d', 'Source', 'Economy'),
    doc('e', 'Source'),
    doc('f', 'Source', 'Art'),
  ];
  const tree = buildSectionTree(documents);

  test('top-level sections by name, Unsorted last, subsections under their parent', () => {
    expect(tree.roots.map((node) => node.name)).toEqual(['Source', 'World', 'Unsorted']);
    expect(tree.roots[0]!.children.map((node) => node.path)).toEqual(['source/art', 'source/economy']);
  });

  test('a section holds its own documents, and all of its subsections’ in site order', () => {
    const source = tree.byPath.get('source')!;
    expect(source.own.map((d) => d.id)).toEqual(['e']);
    expect(source.all.map((d) => d.id)).toEqual(['a', 'd', 'e', 'f']);
  });

  test('sections named in the configured order come first, in that order, at every level', () => {
    const ordered = buildSectionTree(documents, ['World', 'source / economy', 'Unsorted']);
    expect(ordered.roots.map((node) => node.name)).toEqual(['World', 'Unsorted', 'Source']);
    expect(ordered.roots[2]!.children.map((node) => node.name)).toEqual(['Economy', 'Art']);
  });

  test('each document knows its place among its section’s own documents', () => {
    expect(tree.position.get('d')).toMatchObject({ node: tree.byPath.get('source/economy'), index: 1 });
    expect(ancestry(tree.position.get('d')!.node).map((node) => node.name)).toEqual(['Source', 'Economy']);
  });
});

describe('neighbours', () => {
  const list = Array.from({ length: 20 }, (_, index) => index);
  test.each([
    { index: 0, expected: [0, 1, 2, 3, 4, 5, 6] },
    { index: 10, expected: [7, 8, 9, 10, 11, 12, 13] },
    { index: 19, expected: [13, 14, 15, 16, 17, 18, 19] },
  ])('around $index: $expected', ({ index, expected }) => {
    expect(neighbours(list, index, 7).items).toEqual(expected);
  });

  test('never more than asked for, however long the list', () => {
    const long = Array.from({ length: 10_000 }, (_, index) => index);
    expect(neighbours(long, 5_000, 7).items).toHaveLength(7);
    expect(neighbours([1, 2], 1, 7).items).toEqual([1, 2]);
  });
});

test('folders order their sections: position first, then names in natural number order', async () => {
  const { buildSectionTree, sectionKey } = await import('./sections.ts');
  const doc = (id: string, section: string[]) => ({ id, data: { section } });
  const documents = [doc('1', ['Part 10']), doc('2', ['Part 2']), doc('3', ['Appendix']), doc('4', ['Intro'])];
  const details = new Map([
    [sectionKey(['Intro']), { position: 1 }],
    [sectionKey(['Appendix']), { position: 99, description: 'Extras.' }],
  ]);
  const tree = buildSectionTree(documents, [], details);
  expect(tree.roots.map((node) => node.name)).toEqual(['Intro', 'Appendix', 'Part 2', 'Part 10']);
  expect(tree.byPath.get('appendix')!.meta).toEqual({ position: 99, description: 'Extras.' });
});
