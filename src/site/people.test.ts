import { describe, expect, test } from 'vitest';
import type { Quotation } from '../content/entry-schema.ts';
import { collectPeople, collectUnnamedSources, continuation, indexLetter, listedQuotes, standaloneQuote } from './people.ts';

const doc = (id: string, ...quotations: Quotation[]) => ({ id, data: { quotations } });
const dated = (id: string, published: string, ...quotations: Quotation[]) => ({ id, data: { quotations, published } });

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

describe('collectPeople: one person, one page', () => {
  test('a bare name quoted a few hundred thousand times joins the full name, in site order', () => {
    // Spread into one push(), so many quotes overflowed the stack; a Map of every quotation outgrew V8's at 1,000,000 documents.
    const many = 300_000;
    const documents = Array.from({ length: many }, (_, index) =>
      doc(`d${index}`, { text: `Said ${index}`, speaker: index % 2 === 0 ? 'Blair' : 'Tony Blair', paragraph: 0 }),
    );
    const [blair] = collectPeople(documents);
    expect(blair?.name).toBe('Tony Blair');
    expect(blair?.quotes.length).toBe(many);
    expect(blair?.quotes.every((quote, index) => quote.quotation.text === `Said ${index}`)).toBe(true);
  });

  test('names that differ only in accents, hyphens or case are one person', () => {
    const people = collectPeople([
      doc('a', { text: 'One', speaker: 'José Mourinho', paragraph: 0 }),
      doc('b', { text: 'Two', speaker: 'Jose Mourinho', paragraph: 0 }, { text: 'Three', speaker: 'jose mourinho', paragraph: 1 }),
    ]);
    expect(people.map((person) => [person.name, person.quotes.length, person.documents])).toEqual([['José Mourinho', 3, 2]]);
  });

  test('a bare name no document resolved joins the one person whose full name ends with it, in site order', () => {
    const people = collectPeople([
      doc('new', { text: 'Bare', speaker: 'Blair', paragraph: 0 }),
      doc('old', { text: 'Full', speaker: 'Tony Blair', paragraph: 0 }),
    ]);
    expect(people.map((person) => [person.name, person.quotes.map((quote) => quote.quotation.text)])).toEqual([
      ['Tony Blair', ['Bare', 'Full']],
    ]);
  });

  test('a bare name two people could carry keeps its own page', () => {
    const people = collectPeople([
      doc('a', { text: 'Bare', speaker: 'Blair', paragraph: 0 }),
      doc('b', { text: 'Tony', speaker: 'Tony Blair', paragraph: 0 }, { text: 'Ian', speaker: 'Ian Blair', paragraph: 1 }),
    ]);
    expect(people.map((person) => person.name)).toEqual(['Blair', 'Ian Blair', 'Tony Blair']);
  });

  test('roles, commonest first, with the dates of the first and last document that gives them', () => {
    const [person] = collectPeople([
      dated('c', '2005-06-10', { text: 'C', speaker: 'Charles Clarke', role: 'Home Secretary', paragraph: 0 }),
      dated('b', '2005-03-01', { text: 'B', speaker: 'Charles Clarke', role: 'Home Secretary', paragraph: 0 }),
      dated('a', '2003-01-05', { text: 'A', speaker: 'Charles Clarke', role: 'Education Secretary', paragraph: 0 }),
    ]);
    expect(person!.roles).toEqual([
      { role: 'Home Secretary', first: '2005-03-01', last: '2005-06-10' },
      { role: 'Education Secretary', first: '2003-01-05', last: '2003-01-05' },
    ]);
  });

  test('a quotation that continues the one before joins it', () => {
    const [person] = collectPeople([
      doc(
        'a',
        { text: 'First paragraph.', speaker: 'Helen Marsh', paragraph: 0 },
        { text: 'Second paragraph,', speaker: 'Helen Marsh', paragraph: 1, continued: true },
      ),
    ]);
    expect(person!.quotes.map((quote) => [quote.quotation.text, quote.more])).toEqual([['First paragraph.', ['Second paragraph,']]]);
  });

  test("`continuation` gathers a quote's `more` again from its document, as collectPeople does", () => {
    const quotations: Quotation[] = [
      { text: 'One.', speaker: 'Helen Marsh', paragraph: 0 },
      { text: 'Two,', speaker: 'Helen Marsh', paragraph: 1, continued: true },
      { text: 'three.', speaker: 'Helen Marsh', paragraph: 2, continued: true },
      { text: 'Other.', speaker: 'Tom Reed', paragraph: 3 },
      { text: 'Last.', speaker: 'Tom Reed', paragraph: 4, continued: true },
    ];
    const people = collectPeople([doc('a', ...quotations)]);
    for (const quote of people.flatMap((person) => person.quotes)) {
      expect(continuation(quotations, quote.quotation)).toEqual(quote.more);
    }
    expect(continuation(quotations, quotations[0]!)).toEqual(['Two,', 'three.']);
    expect(continuation(quotations, quotations[3]!)).toEqual(['Last.']);
  });

  test('two people whose names slug alike get distinct pages', () => {
    const people = collectPeople([
      doc('a', { text: 'A', speaker: 'Lee Ji-eun', paragraph: 0 }, { text: 'B', speaker: 'Lee Ji Eün', paragraph: 1 }),
    ]);
    expect(people).toHaveLength(1);
    const namesakes = collectPeople([
      doc('a', { text: 'A', speaker: 'Anne-Marie', paragraph: 0 }, { text: 'B', speaker: 'Anne Marie!', paragraph: 1 }),
    ]);
    expect(new Set(namesakes.map((person) => person.slug)).size).toBe(namesakes.length);
  });
});

describe('listedQuotes', () => {
  const said = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i): Quotation => ({ text: `${prefix} ${i}`, speaker: 'Jane Doe', paragraph: i }));
  const [jane] = collectPeople([doc('short', ...said(2, 'Short')), doc('long', ...said(7, 'Long')), doc('other', ...said(3, 'Other'))]);

  test('lists at most so many quotations of one document, and the last one listed counts the rest', () => {
    const listed = listedQuotes(jane!.quotes, 3);
    expect(listed.map((quote) => [quote.quotation.text, quote.left])).toEqual([
      ['Short 0', undefined],
      ['Short 1', undefined],
      ['Long 0', undefined],
      ['Long 1', undefined],
      ['Long 2', 4],
      ['Other 0', undefined],
      ['Other 1', undefined],
      ['Other 2', undefined],
    ]);
    // The person's own counts are untouched.
    expect(jane!.quotes).toHaveLength(12);
  });

  test('a cap above every document lists all, counting none', () => {
    expect(listedQuotes(jane!.quotes, 100).every((quote) => quote.left === undefined)).toBe(true);
    expect(listedQuotes(jane!.quotes, 100)).toHaveLength(12);
  });
});

describe('collectUnnamedSources', () => {
  test('groups and roles, counted without their article, the most quoted first; no person among them', () => {
    const sources = collectUnnamedSources([
      doc('a', { text: 'A', source: 'analysts', paragraph: 0 }, { text: 'B', source: 'the ministry', paragraph: 1 }),
      doc('b', { text: 'C', source: 'Analysts', paragraph: 0 }, { text: 'D', speaker: 'Tony Blair', paragraph: 1 }),
    ]);
    expect(sources).toEqual([
      { name: 'analysts', quotations: 2, documents: 2 },
      { name: 'ministry', quotations: 1, documents: 1 },
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
