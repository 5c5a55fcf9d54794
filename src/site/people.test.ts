import { describe, expect, test } from 'vitest';
import { collectPeople, indexLetter, standaloneQuote } from './people.ts';

const doc = (id: string, ...quotations: { text: string; speaker?: string; paragraph: number }[]) => ({ id, data: { quotations } });

describe('collectPeople', () => {
  const people = collectPeople([
    doc(
      'new',
      { text: 'One', speaker: 'Lee Whan-chul', paragraph: 0 },
      { text: 'Unattributed', paragraph: 1 },
      { text: 'Two', speaker: 'Park Sun-kyung', paragraph: 2 },
    ),
    doc('old', { text: 'Three', speaker: 'Lee  Whan-chul', paragraph: 0 }, { text: 'Four', speaker: 'lee whan-chul', paragraph: 3 }),
  ]);

  test('groups quotations by person, whatever the spacing or case of the name, and leaves out unattributed ones', () => {
    expect(
      people.map((person) => [person.name, person.slug, person.quotes.map((quote) => quote.quotation.text), person.documents]),
    ).toEqual([
      ['Lee Whan-chul', 'lee-whan-chul', ['One', 'Three', 'Four'], 2],
      ['Park Sun-kyung', 'park-sun-kyung', ['Two'], 1],
    ]);
  });
});

describe('standaloneQuote', () => {
  test.each([
    [
      'Traveling from South Korea to Kunshan is as convenient as going to Jeju Island,',
      'Traveling from South Korea to Kunshan is as convenient as going to Jeju Island',
    ],
    ['high technology and green development.', 'high technology and green development.'],
    [' close neighbors ', 'close neighbors'],
  ])('%j → %j', (input, expected) => {
    expect(standaloneQuote(input)).toBe(expected);
  });
});

describe('indexLetter', () => {
  test.each([
    ['Ahn Jung-hyun', 'A'],
    ['élise Martin', 'É'],
    ['김지원', '김'],
    ['3M spokesperson', '#'],
  ])('%s is filed under %s', (name, letter) => {
    expect(indexLetter(name)).toBe(letter);
  });
});
