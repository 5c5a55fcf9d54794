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

describe('parsePlainText: source lines and wire headers', () => {
  test.each([
    [
      'a bare URL first line is the source, not the title',
      'https://example.com/news/2023/07/14/harbour\nHarbour freight rebounds\n\nContainer traffic rose.\n',
      { sourceUrl: 'https://example.com/news/2023/07/14/harbour', title: 'Harbour freight rebounds', section: [] },
      ['Container traffic rose.'],
    ],
    [
      'a short category line between the URL and the title is the section',
      'https://example.com/a\nBUSINESS\nHarbour freight rebounds\n\nContainer traffic rose.\n',
      { sourceUrl: 'https://example.com/a', title: 'Harbour freight rebounds', section: ['Business'] },
      ['Container traffic rose.'],
    ],
    [
      'an address in angle brackets',
      '<https://example.com/a>\nTitle here\n\nBody.\n',
      { sourceUrl: 'https://example.com/a', title: 'Title here' },
      ['Body.'],
    ],
    [
      'a sentence after the URL is the title, not a category',
      'https://example.com/a\nLibrary extends its opening hours over the summer\n\nBody one.\n\nBody two.\n',
      { title: 'Library extends its opening hours over the summer', section: [] },
      ['Body one.', 'Body two.'],
    ],
    [
      'wire-style header lines are metadata',
      'Title: Rail strike called off\nAuthor: Staff reporter\nDate: 2024-02-03 18:40\nURL: https://wire.example.net/x\nTags: transport, labour\nCategory: Transport\n\nA planned strike was called off.\n',
      {
        title: 'Rail strike called off',
        byline: 'Staff reporter',
        published: '2024-02-03T18:40:00',
        sourceUrl: 'https://wire.example.net/x',
        tags: ['transport', 'labour'],
        section: ['Transport'],
      },
      ['A planned strike was called off.'],
    ],
    [
      // As the newspaper3k-style scrapers on GitHub write them.
      'a scraper header: empty and None values are nothing, and Content: opens the text',
      'Title: Wolf attacks halt village life\nAuthor: \nPublish Date: None\nContent:\nLUCKNOW: Life has come to a standstill.\n',
      { title: 'Wolf attacks halt village life', section: [] },
      ['LUCKNOW: Life has come to a standstill.'],
    ],
    [
      'Content: with the first words after it',
      'Title: A\nPublish Date: 2024-09-05\nContent: NEW DELHI: The match was short.\n',
      { title: 'A', published: '2024-09-05' },
      ['NEW DELHI: The match was short.'],
    ],
    [
      'an address right under the title is the source',
      'MAN PARDONED THREE MONTHS AGO ARRESTED\nhttp://news.example.com/the-truth/man-pardoned/\nJust 94 days ago, a man was pardoned.\n',
      { title: 'MAN PARDONED THREE MONTHS AGO ARRESTED', sourceUrl: 'http://news.example.com/the-truth/man-pardoned/' },
      ['Just 94 days ago, a man was pardoned.'],
    ],
    [
      'Src:, By: and Modified: spellings',
      'Title: B\nBy: Ann Lee\nModified: 2024-01-02\nSrc: https://example.org/b\n\nBody.\n',
      { title: 'B', byline: 'Ann Lee', updated: '2024-01-02', sourceUrl: 'https://example.org/b' },
      ['Body.'],
    ],
    [
      'a title with a colon is no header line, and an address is no key',
      'Edward Snowden: Bin Laden is alive\nhttp://example.com/snowden\nThe claim spread fast.\n',
      { title: 'Edward Snowden: Bin Laden is alive', sourceUrl: 'http://example.com/snowden' },
      ['The claim spread fast.'],
    ],
    [
      // As a scraper of Korean news on GitHub writes them: address, page title, site name, date, category.
      'a page title that ends with the site name on the next line, then a bare date and a category',
      'https://www.etnews.com/20240923000173\n간편지급 이용액 9400억 육박 - 전자신문\n전자신문\n2024-09-23\n신용카드\n올해 상반기 간편지급 서비스 이용규모가 늘었다.\n',
      {
        sourceUrl: 'https://www.etnews.com/20240923000173',
        title: '간편지급 이용액 9400억 육박',
        credit: '전자신문',
        published: '2024-09-23',
        section: ['신용카드'],
      },
      ['올해 상반기 간편지급 서비스 이용규모가 늘었다.'],
    ],
    [
      'a title with a dash whose end is not the next line keeps its dash',
      'https://example.com/a\nRates rise - and so do worries\nThe bank raised rates.\n',
      { title: 'Rates rise - and so do worries' },
      ['The bank raised rates.'],
    ],
    [
      'a Source: header that is an address is the source; one that is a name is the credit',
      'Source: Reuters\nTitle: Markets calm\n\nBody.\n',
      { title: 'Markets calm', credit: 'Reuters' },
      ['Body.'],
    ],
  ])('%s', (_name, text, expected, body) => {
    const { article, paragraphs, messages } = parse(text);
    expect(article).toMatchObject(expected);
    expect(paragraphs).toEqual(body);
    expect(messages).toEqual([]);
  });

  test('a frontmatter title wins, and a first line that repeats it is not shown twice', () => {
    const report = messageCollector('doc.txt');
    expect(parsePlainText('Known title\n\nBody.\n', report, 'doc', 'Known title')).toMatchObject({ title: 'Known title', titleLine: 1 });
    const other = parsePlainText('First line here\n\nBody.\n', report, 'doc', 'Known title');
    expect(other.title).toBe('Known title');
    expect(other.body.children.map((node) => plainText(node))).toEqual(['First line here', 'Body.']);
  });

  test('a Date: line with an impossible date is a warning on its line', () => {
    const { article, messages } = parse('Title: A\nDate: 2023-02-30\n\nBody.\n');
    expect(article.published).toBeUndefined();
    expect(messages).toMatchObject([{ line: 2, ruleId: 'unparsed-date' }]);
  });
});
