import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Quotation } from '../../content/entry-schema.ts';
import { extractQuotations } from './quotations.ts';

/** The seed's body: the non-empty lines from the first body paragraph on (header and captions come before). */
function seedParagraphs(): string[] {
  const lines = readFileSync(new URL('../../../content/documents/000_436062db2601815d.txt', import.meta.url), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('A high-profile economic delegation'));
  return lines.slice(start).filter((line) => line.trim() !== '');
}

describe('extractQuotations on the seed article', () => {
  const found = extractQuotations(seedParagraphs());

  // Hand-checked against the text, in document order.
  const expected: [paragraph: number, speaker: string | undefined, text: string, source?: string][] = [
    // "Multiple South Korean business leaders told …": a group, not a named person.
    [
      1,
      undefined,
      'South Korean companies view China as a core strategic market and hope to discover new growth opportunities through in-depth cooperation with China.',
      'Multiple South Korean business leaders',
    ],
    // "He said the meeting … " after "Lee Whan-chul, founder of …, told the Global Times".
    [
      2,
      'Lee Whan-chul',
      'sent a positive signal and significantly bolstered the confidence of the South Korean business community in investing in China. I believe this will mark a new beginning for long-term cooperation between China and South Korea.',
    ],
    [4, 'Lee Whan-chul', 'Traveling from South Korea to Kunshan is as convenient as going to Jeju Island,'],
    // The scare quote sits in the sentence governed by "Lee said".
    [4, 'Lee Whan-chul', 'close neighbors'],
    [
      5,
      'Ahn Jung-hyun',
      "I have a most intuitive perception of China's industrial ecosystem and market vitality. This place has long been the indispensable soil for my entrepreneurial journey,",
    ],
    // "Against the backdrop …, Ahn said." then `"…," he said, noting that … "…"`.
    [
      7,
      'Ahn Jung-hyun',
      "For tech enterprises, China's advantages in market scale, the speed of commercialization, and the supporting manufacturing infrastructure make it an irreplaceable strategic market,",
    ],
    [
      7,
      'Ahn Jung-hyun',
      'a consideration focused on the short term, but rather a manifestation of the firm determination of those South Korean companies to discover new growth opportunities through in-depth cooperation with China.',
    ],
    [10, 'Park Sun-kyung', 'clear trend of warming and positive momentum'],
    // "She further noted that …", after "Park noted" in the paragraph before.
    [12, 'Park Sun-kyung', 'high technology and green development.'],
    [
      14,
      'Kim Jong-moon',
      "Through the visit, we gained a more intuitive and profound understanding of China's development, particularly its technological strength and business environment,",
    ],
  ];

  test('finds exactly the hand-checked quotations', () => {
    expect(found).toHaveLength(expected.length);
  });

  test('finds its five speakers: four people and one group', () => {
    expect(new Set(found.map((quotation) => quotation.speaker).filter(Boolean))).toEqual(
      new Set(['Lee Whan-chul', 'Ahn Jung-hyun', 'Park Sun-kyung', 'Kim Jong-moon']),
    );
    expect(found.filter((quotation) => quotation.source !== undefined)).toHaveLength(1);
  });

  test.each(expected.map((row, i) => [i, ...row] as const))(
    'quotation %i (paragraph %i) is spoken by %s',
    (i, paragraph, speaker, text, source) => {
      expect(found[i]).toEqual({ text, speaker, source, paragraph });
      // An unknown speaker is left out, not written as an empty key.
      if (speaker === undefined) expect(found[i]).not.toHaveProperty('speaker');
    },
  );
});

describe('extractQuotations on small cases', () => {
  type Row = [name: string, paragraphs: string[], expected: Quotation[]];
  const rows: Row[] = [
    ['empty input', [], []],
    ['paragraphs without quotes', ['', '   ', 'Nothing is quoted here, Lee said.'], []],
    [
      'curly quotes, said-name inversion',
      ['“We will win,” said Lee Min-ho.'],
      [{ text: 'We will win,', speaker: 'Lee Min-ho', paragraph: 0 }],
    ],
    ['guillemets', ['«We will win,» Lee Min-ho said.'], [{ text: 'We will win,', speaker: 'Lee Min-ho', paragraph: 0 }]],
    ['unbalanced curly quote', ['He said “this never ends, and neither does the paragraph.'], []],
    [
      'unbalanced mark after a balanced pair',
      ['"Yes," Kim Min-ji said, and then "no.'],
      [{ text: 'Yes,', speaker: 'Kim Min-ji', paragraph: 0 }],
    ],
    ['empty quotes are skipped', ['An empty "" pair and a blank “ ” one.'], []],
    [
      'nested single quotes stay in the text',
      [`"He called it 'a farce,' frankly," Kim Min-ji said.`],
      [{ text: "He called it 'a farce,' frankly,", speaker: 'Kim Min-ji', paragraph: 0 }],
    ],
    [
      'bare surname resolves to the full name seen earlier',
      ['Lee Whan-chul, founder of L&C Bio, said the plan is ready.', '"We are ready," said Lee.'],
      [{ text: 'We are ready,', speaker: 'Lee Whan-chul', paragraph: 1 }],
    ],
    [
      'bare surname matching a last name',
      ['John Smith, a trader in London, said markets fell.', '"Sell now," Smith told reporters.'],
      [{ text: 'Sell now,', speaker: 'John Smith', paragraph: 1 }],
    ],
    [
      'pronoun resolves to the previous speaker in the document',
      ['Park Sun-kyung, an official, told reporters the talks went well.', '"It was productive," she said.'],
      [{ text: 'It was productive,', speaker: 'Park Sun-kyung', paragraph: 1 }],
    ],
    [
      'pronoun prefers the person named earlier in the paragraph',
      ['"First," Kim Min-ji said.', 'Lee Min-ho, a banker, spoke next. Lee Min-ho said the rates were low. "Second," he added.'],
      [
        { text: 'First,', speaker: 'Kim Min-ji', paragraph: 0 },
        { text: 'Second,', speaker: 'Lee Min-ho', paragraph: 1 },
      ],
    ],
    ['pronoun with nobody to refer to', ['"Hello," he said.'], [{ text: 'Hello,', paragraph: 0 }]],
    [
      'unnamed speaker after the quote',
      ['"We are worried," a spokesperson said.'],
      [{ text: 'We are worried,', source: 'a spokesperson', paragraph: 0 }],
    ],
    [
      'unnamed speaker before the quote',
      ['The ministry said the rules had "nothing to do with trade" and "would stay."'],
      [
        { text: 'nothing to do with trade', source: 'The ministry', paragraph: 0 },
        { text: 'would stay.', source: 'The ministry', paragraph: 0 },
      ],
    ],
    [
      'an unnamed speaker is not replaced by a name from another sentence',
      ['Lee Min-ho said the plan works. Several officials told reporters that "it will fail."'],
      [{ text: 'it will fail.', source: 'Several officials', paragraph: 0 }],
    ],
    [
      'a later quote in the same sentence shares the speaker',
      ['Lee Min-ho said the plan was "bold" and "overdue."'],
      [
        { text: 'bold', speaker: 'Lee Min-ho', paragraph: 0 },
        { text: 'overdue.', speaker: 'Lee Min-ho', paragraph: 0 },
      ],
    ],
    [
      'speaker named elsewhere in the paragraph',
      ['Prices will rise, Ahn Jung-hyun said. "Nobody can stop it."'],
      [{ text: 'Nobody can stop it.', speaker: 'Ahn Jung-hyun', paragraph: 0 }],
    ],
    [
      'titles and places are not part of the name',
      ['Chinese President Xi Jinping said the ties were "at a new starting point."'],
      [{ text: 'at a new starting point.', speaker: 'Xi Jinping', role: 'President', paragraph: 0 }],
    ],
    [
      'according to',
      ['"Prices are falling," according to Lee Min-ho.'],
      [{ text: 'Prices are falling,', speaker: 'Lee Min-ho', paragraph: 0 }],
    ],
    [
      'an organisation is not a person',
      ['"No comment," the Foreign Ministry said.', '"None," Xinhua News Agency said.'],
      [
        { text: 'No comment,', paragraph: 0 },
        { text: 'None,', paragraph: 1 },
      ],
    ],
    [
      'CJK brackets, a Chinese speech verb, and a pronoun',
      ['李明说：「我们会赢。」他补充道『没问题』。'],
      [
        { text: '我们会赢。', speaker: '李明', paragraph: 0 },
        { text: '没问题', speaker: '李明', paragraph: 0 },
      ],
    ],
  ];

  test.each(rows)('%s', (_name, paragraphs, expected) => {
    expect(extractQuotations(paragraphs)).toEqual(expected);
  });
});

describe('extractQuotations on hostile input', () => {
  // No time assertions: these would hang (or throw) if matching backtracked or recursed.
  const rows: [name: string, paragraph: string, count: number][] = [
    ['300 KB of balanced straight quotes', '"a" he said '.repeat(25_000), 25_000],
    ['300 KB after an opening mark that never closes', '“' + 'word said Lee, '.repeat(20_000), 0],
    ['thousands of unmatched curly openers', '“ said Lee '.repeat(30_000), 0],
    ['an odd number of straight quotes', '"'.repeat(100_001), 0],
    ['a 300 KB word', 'A'.repeat(150_000) + 'a'.repeat(150_000) + ' said "x"', 1],
  ];

  test.each(rows)('%s', (_name, paragraph, count) => {
    expect(paragraph.length).toBeGreaterThan(100_000);
    expect(extractQuotations([paragraph])).toHaveLength(count);
  });

  test('never throws on values that are not strings', () => {
    expect(extractQuotations([null, 42, '"ok," Lee said.'] as unknown as string[])).toEqual([
      { text: 'ok,', speaker: 'Lee', paragraph: 2 },
    ]);
    expect(extractQuotations(undefined as unknown as string[])).toEqual([]);
  });
});
