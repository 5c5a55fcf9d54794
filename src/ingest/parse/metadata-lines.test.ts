import { describe, expect, test } from 'vitest';
import { splitMetadataLines } from './metadata-lines.ts';

describe('splitMetadataLines', () => {
  test('Pelican metadata: keys without case, values as written, lines blanked so the body keeps its numbers', () => {
    // As the Pelican sites on GitHub write them: headers, blank lines, then the text.
    const text =
      'Title: 3D-printed car\nDate: 2015-06-09 10:15\nCategory: news\nTags: aljazeera\nSrc: http://example.com/a\nAuthor: jarvis\n\n\nWe live in a do-it-yourself age.\n';
    const { fields, text: rest } = splitMetadataLines(text);
    expect(Object.fromEntries([...fields!].map(([key, field]) => [key, field.value]))).toEqual({
      title: '3D-printed car',
      date: '2015-06-09 10:15',
      category: 'news',
      tags: 'aljazeera',
      src: 'http://example.com/a',
      author: 'jarvis',
    });
    expect(fields!.get('author')!.line).toBe(6);
    expect(rest.split('\n')).toHaveLength(text.split('\n').length);
    expect(rest.split('\n')[8]).toBe('We live in a do-it-yourself age.');
    expect(rest).not.toContain('Title:');
  });

  test('MultiMarkdown: a key with spaces, and an indented continuation line', () => {
    const { fields } = splitMetadataLines('Title: A\nPublish Date: 2020-01-02\nSummary: one\n    two\n\nBody.\n');
    expect(fields!.get('publish_date')!.value).toBe('2020-01-02');
    expect(fields!.get('summary')!.value).toBe('one two');
  });

  test.each([
    ['a first key nobody uses for metadata', 'Note: this is text.\nTitle: no\n\nBody.\n'],
    ['a line that is no key inside the block', 'Title: A\nJust a sentence here.\n\nBody.\n'],
    ['a heading', '# Title\n\nBody.\n'],
    ['a lone key line with nothing after it', 'Title: only this'],
  ])('%s is text', (_name, text) => {
    expect(splitMetadataLines(text)).toEqual({ text });
  });
});
