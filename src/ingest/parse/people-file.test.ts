import { describe, expect, test } from 'vitest';
import { messageCollector } from '../message.ts';
import { applyPeopleRules, isPeopleFile, parsePeopleFile } from './people-file.ts';

const parse = (text: string) => {
  const report = messageCollector('people.yml');
  return { rules: parsePeopleFile(text, report), messages: report.messages };
};

describe('parsePeopleFile', () => {
  test('names, aliases and folders; a folder is written with one trailing slash', () => {
    const { rules, messages } = parse(
      '- name: Tony Blair\n  aliases: [Anthony Blair, Blair]\n- name: John Smith (footballer)\n  aliases: John Smith\n  in: [./sport, football/]\n',
    );
    expect(rules).toEqual([
      { name: 'Tony Blair', aliases: ['Anthony Blair', 'Blair'], in: [] },
      { name: 'John Smith (footballer)', aliases: ['John Smith'], in: ['sport/', 'football/'] },
    ]);
    expect(messages).toEqual([]);
  });

  test.each([
    ['an entry with no name', '- aliases: [Blair]\n- name: Ok\n', 1, 'name'],
    ['aliases that are not names', '- name: Ok\n- name: Tony Blair\n  aliases: {first: Tony}\n', 2, 'aliases'],
    ['an unknown key', '- name: Ok\n- name: Kim\n  role: minister\n', 2, 'role'],
    ['an entry that is a bare text', '- Tony Blair\n- name: Ok\n', 1, 'name:'],
  ])('%s is a warning naming its line, and the rest is read', (_name, text, line, mentioned) => {
    const { rules, messages } = parse(text);
    expect(rules.map((rule) => rule.name)).toEqual(['Ok']);
    expect(messages).toMatchObject([{ line, ruleId: 'invalid-people-file', fatal: false }]);
    expect(messages[0]!.reason).toContain(mentioned);
  });

  test("YAML's anchors and aliases are read as what they stand for", () => {
    const { rules, messages } = parse(
      '- name: Tony Blair\n  aliases: &blairs [Blair, Anthony Blair]\n- name: Blair (all)\n  aliases: *blairs\n  in: [politics/]\n',
    );
    expect(rules.map((rule) => rule.aliases)).toEqual([
      ['Blair', 'Anthony Blair'],
      ['Blair', 'Anthony Blair'],
    ]);
    expect(messages).toEqual([]);
  });

  test('a folder that is not below the documents folder is a warning', () => {
    const { rules, messages } = parse('- name: A\n  in: [/]\n- name: B\n  in: [../x]\n');
    expect(rules).toEqual([]);
    expect(messages.map((message) => message.line)).toEqual([1, 3]);
  });

  test('a spelling two people claim keeps its first meaning, with a warning naming the second', () => {
    const { rules, messages } = parse('- name: Tony Blair\n  aliases: [Blair]\n- name: Ian Blair\n  aliases: [Blair, Sir Ian]\n');
    expect(rules[1]!.aliases).toEqual(['Sir Ian']);
    expect(messages).toMatchObject([
      { line: 3, reason: '`Blair` already means Tony Blair; here it is left out, so it keeps meaning Tony Blair' },
    ]);
  });

  test('a file that is not a list, or not YAML, renames no one and says so', () => {
    expect(parse('name: Tony Blair\n')).toMatchObject({ rules: [], messages: [{ line: 1, ruleId: 'invalid-people-file' }] });
    expect(parse('- name: [unclosed\n')).toMatchObject({ rules: [], messages: [{ ruleId: 'invalid-people-file' }] });
    expect(parse('')).toEqual({ rules: [], messages: [] });
  });

  test('only people.yml or people.yaml at the top of the folder', () => {
    expect([isPeopleFile('people.yml'), isPeopleFile('People.YAML'), isPeopleFile('sport/people.yml')]).toEqual([true, true, false]);
  });
});

describe('applyPeopleRules', () => {
  const rules = parsePeopleFile(
    '- name: Tony Blair\n  aliases: [Blair]\n- name: John Smith (footballer)\n  aliases: [John Smith]\n  in: [sport/]\n- name: Lee Whan-chul\n',
    messageCollector('people.yml'),
  );
  const quotations = [
    { text: 'A', speaker: 'Blair', paragraph: 0 },
    { text: 'B', speaker: 'John Smith', paragraph: 1 },
    { text: 'C', speaker: 'Lee Whan Chul', paragraph: 2 },
    { text: 'D', source: 'analysts', paragraph: 3 },
  ];

  test('aliases merge, the name sets how it is shown, and folders split namesakes', () => {
    expect(applyPeopleRules(quotations, 'sport/derby.txt', rules).map((quotation) => quotation.speaker)).toEqual([
      'Tony Blair',
      'John Smith (footballer)',
      'Lee Whan-chul',
      undefined,
    ]);
    // Outside sport/, John Smith is someone else.
    expect(applyPeopleRules(quotations, 'politics/vote.txt', rules)[1]!.speaker).toBe('John Smith');
  });
});
