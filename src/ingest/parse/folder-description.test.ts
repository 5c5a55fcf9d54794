import { describe, expect, test } from 'vitest';
import { messageCollector } from '../message.ts';
import { isFolderDescription, parseFolderDescription } from './folder-description.ts';

const parse = (text: string, source = 'guides/_category_.json') => {
  const report = messageCollector(source);
  const description = parseFolderDescription(text, source, report);
  return { description, messages: report.messages.map(({ line, ruleId }) => ({ line, ruleId })) };
};

describe('parseFolderDescription', () => {
  test.each([
    [
      "Docusaurus's _category_.json",
      '{\n  "label": "Tutorial - Basics",\n  "position": 2,\n  "link": { "type": "generated-index", "description": "5 minutes." }\n}\n',
      'docs/_category_.json',
      { title: 'Tutorial - Basics', position: 2, description: '5 minutes.' },
    ],
    [
      "Docusaurus's _category_.yml",
      'label: Extras\nposition: 3\ncollapsed: false\n',
      'docs/_category_.yml',
      { title: 'Extras', position: 3, collapsed: false },
    ],
    [
      "Hugo's _index.md (TOML)",
      '+++\ntitle = "Reference"\nweight = 2\n+++\n\nEvery command, one page each.\n',
      'reference/_index.md',
      { title: 'Reference', position: 2, description: 'Every command, one page each.' },
    ],
    [
      "Hugo's _index.md (YAML, description wins over text)",
      '---\ntitle: Guides\ndescription: How-tos.\n---\nText.\n',
      'guides/_index.md',
      { title: 'Guides', description: 'How-tos.' },
    ],
  ])('%s', (_name, text, source, expected) => {
    expect(parse(text, source)).toEqual({ description: expected, messages: [] });
  });

  test.each([
    ['invalid JSON', '{\n  "label": "x",\n  "position": \n}\n', 3],
    ['a list, not an object', '[1, 2]\n', 1],
    ['a position that is not a number', '{\n  "label": "Kept",\n  "position": "first"\n}\n', 3],
    ['collapsed that is not true or false', 'label: Kept\ncollapsed: sometimes\n', 2],
  ])('%s: one warning naming the line', (_name, text, line) => {
    const { messages } = parse(text);
    expect(messages).toEqual([{ line, ruleId: 'invalid-folder-description' }]);
  });

  test('the good keys of a file with a bad one are still read', () => {
    expect(parse('{\n  "label": "Kept",\n  "position": "first"\n}\n').description).toEqual({ title: 'Kept' });
  });

  test.each([
    ['docs/_category_.json', true],
    ['docs/_category_.yaml', true],
    ['content/posts/_index.md', true],
    ['docs/index.md', false],
    ['docs/category.json', false],
  ])('%s describes its folder: %s', (source, expected) => {
    expect(isFolderDescription(source)).toBe(expected);
  });
});
