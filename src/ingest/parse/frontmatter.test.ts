import { describe, expect, test } from 'vitest';
import { messageCollector } from '../message.ts';
import { splitFrontmatter } from './frontmatter.ts';

const split = (text: string) => {
  const report = messageCollector('doc.md');
  const result = splitFrontmatter(text, report);
  const fields = result.fields && Object.fromEntries([...result.fields].map(([key, field]) => [key, field]));
  return { ...result, fields, messages: report.messages.map(({ line, ruleId }) => ({ line, ruleId })) };
};

describe('splitFrontmatter', () => {
  test('reads YAML keys with their lines, and blanks the block so body lines keep their numbers', () => {
    const { fields, text, messages } = split('---\ntitle: Installing on Linux\ntags: [install, linux]\n---\n\nBody.\n');
    expect(fields).toEqual({ title: { value: 'Installing on Linux', line: 2 }, tags: { value: ['install', 'linux'], line: 3 } });
    expect(text).toBe('\n\n\n\n\nBody.\n');
    expect(messages).toEqual([]);
  });

  test('keeps YAML dates as written: never a Date, never shifted to UTC', () => {
    expect(split('---\ndate: 2010-01-10 13:07:09 +00:00\nd: 2020-10-06T08:48:45+02:00\n---\n').fields).toEqual({
      date: { value: '2010-01-10 13:07:09 +00:00', line: 2 },
      d: { value: '2020-10-06T08:48:45+02:00', line: 3 },
    });
  });

  test('reads TOML (+++), as Hugo writes it, dates as written', () => {
    const { fields } = split(
      '+++\ntitle = "Getting started"\nweight = 2\ndate = 2020-10-06T08:48:45+02:00\n[params]\n  icon = "gear"\n+++\nBody',
    );
    expect(fields).toEqual({
      title: { value: 'Getting started', line: 2 },
      weight: { value: 2, line: 3 },
      date: { value: '2020-10-06T08:48:45.000+02:00', line: 4 },
      params: { value: { icon: 'gear' }, line: 5 },
    });
  });

  test.each([
    ['a Markdown rule is not frontmatter', '---\n\nSome text\n\n---\n\nMore text\n', []],
    ['a document without a block', '# Title\n\nText\n', []],
    [
      'an unclosed block is reported and read as text',
      '---\ntitle: Open\n\nText that never closes it\n',
      [{ line: 1, ruleId: 'unclosed-frontmatter' }],
    ],
    [
      'a YAML syntax error names its line, and the block is read as text',
      '---\ntitle: ok\ntags: [a, b\n---\nText\n',
      [{ line: 3, ruleId: 'invalid-frontmatter' }],
    ],
    ['a TOML syntax error names its line', '+++\ntitle = "ok"\nweight = = 2\n+++\nText\n', [{ line: 3, ruleId: 'invalid-frontmatter' }]],
  ])('%s', (_name, text, messages) => {
    const result = split(text);
    expect(result.fields).toBeUndefined();
    expect(result.text).toBe(text);
    expect(result.messages).toEqual(messages);
  });

  test('an empty block is frontmatter with no keys', () => {
    expect(split('---\n---\nText\n')).toMatchObject({ fields: {}, text: '\n\nText\n' });
  });
});
