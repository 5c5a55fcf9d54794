import { readFileSync } from 'node:fs';
import { plainText } from './plain-text.ts';
import { describe, expect, test } from 'vitest';
import { messageCollector } from '../message.ts';
import { parsePlainText } from './parse-text.ts';

const SEED = readFileSync(new URL('../../../content/documents/000_436062db2601815d.txt', import.meta.url), 'utf8');

function parse(text: string) {
  const report = messageCollector('doc.txt');
  const article = parsePlainText(text, report, 'doc');
  const paragraphs = article.body.children.map((node) => plainText(node));
  return { article, paragraphs, messages: report.messages };
}

describe('parsePlainText on the seed', () => {
  const { article, paragraphs, messages } = parse(SEED);

  test('reads the header', () => {
    expect(article).toMatchObject({
      section: ['Source', 'Economy'],
      title: 'S. Korean companies express hope to explore new business opportunities through in-depth cooperation with China',
      titleLine: 2,
      published: '2026-01-08T20:28:00',
      caption: {
        text: 'A delegation of South Korean government visits Shanghai Fourier Intelligence Co on January 6, 2026.',
        credit: 'Courtesy of KIC China',
      },
    });
    expect(messages).toEqual([]);
  });

  test('keeps every body paragraph, and the caption only once', () => {
    const bodyLines = SEED.split('\n')
      .slice(7)
      .filter((line) => line.trim() !== '');
    expect(paragraphs).toEqual(bodyLines);
    expect(paragraphs).toHaveLength(16);
    expect(paragraphs.join('\n')).not.toContain('Photo: Courtesy');
  });

  test('records the line of each paragraph', () => {
    expect(article.body.children[0]!.position?.start.line).toBe(9);
  });
});

describe('parsePlainText on other layouts', () => {
  test.each([
    {
      name: 'a title and paragraphs',
      text: 'A plain title\n\nFirst paragraph.\n\nSecond paragraph.',
      title: 'A plain title',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    },
    {
      name: 'one paragraph per line (archive layout)',
      text: '社告\n本社에서는\n讀者 諸位의\n＜104-115＞',
      title: '社告',
      paragraphs: ['本社에서는', '讀者 諸位의', '＜104-115＞'],
    },
    {
      name: 'a single long line',
      text: 'Just one paragraph that is the whole document.',
      title: 'doc',
      paragraphs: ['Just one paragraph that is the whole document.'],
    },
    {
      name: 'a hard-wrapped paragraph keeps its line breaks',
      text: 'Title\n\nRoses are red,\nviolets are blue.\n\nEnd.',
      title: 'Title',
      paragraphs: ['Roses are red,\nviolets are blue.', 'End.'],
    },
  ])('$name', ({ text, title, paragraphs }) => {
    const result = parse(text);
    expect(result.article.title).toBe(title);
    expect(result.article.section).toEqual([]);
    expect(result.article.published).toBeUndefined();
    expect(result.paragraphs).toEqual(paragraphs);
  });

  test.each([
    { line: 'Published: Jan 8, 2026', published: '2026-01-08' },
    { line: 'Published: January 8, 2026 8:28 PM', published: '2026-01-08T20:28:00' },
    { line: 'Published: 2026-01-08 20:28', published: '2026-01-08T20:28:00' },
    { line: 'Published: 8 January 2026', published: '2026-01-08' },
  ])('reads `$line`', ({ line, published }) => {
    expect(parse(`WORLD / ASIA\nTitle\n${line}\nBody.`).article.published).toBe(published);
  });

  test('reads by-line, updated and source lines in any order', () => {
    const { article, paragraphs } = parse(
      'NEWS / LOCAL\nTitle\nBy Jane Doe\nPublished: Jan 08, 2026 08:28 PM\nUpdated: Jan 09, 2026 09:00 AM\nSource: Xinhua\n\nBody.',
    );
    expect(article).toMatchObject({ byline: 'Jane Doe', updated: '2026-01-09T09:00:00', credit: 'Xinhua' });
    expect(paragraphs).toEqual(['Body.']);
  });

  test('warns on a date it cannot read, naming the line, and invents none', () => {
    const { article, messages } = parse('SOURCE / ECONOMY\nTitle\nPublished: sometime last week\nBody.');
    expect(article.published).toBeUndefined();
    expect(messages).toMatchObject([{ ruleId: 'unparsed-date', line: 3, fatal: false }]);
  });

  test('reads a breadcrumb with non-breaking spaces, and keeps two-letter words upper case', () => {
    expect(parse('NEWS\u00a0/\u00a0US POLITICS\nTitle\nBody.').article.section).toEqual(['News', 'US Politics']);
  });
});
