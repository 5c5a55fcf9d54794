import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractQuotations } from '../../src/ingest/parse/quotations.ts';
import { precision, recall, scoreAttribution, type LabelledPassage } from './attribution-score.ts';

describe('scoreAttribution', () => {
  const passages: LabelledPassage[] = [
    {
      id: 'a',
      paragraphs: [],
      quotes: [
        ['Yes,', 'Lee Min-ho'],
        ['No,', null],
        ['Maybe,', 'Kim Min-ji'],
      ],
    },
  ];

  test('counts a pair only when the same text goes to the same person', () => {
    const score = scoreAttribution(passages, () => [
      { text: 'Yes,', speaker: 'Lee Min-ho', paragraph: 0 },
      { text: 'No,', speaker: 'Park', paragraph: 0 },
      { text: 'Maybe,', speaker: 'Lee Min-ho', paragraph: 0 },
    ]);
    expect(score).toMatchObject({ labelled: 2, found: 3, right: 1, personsForNobody: 1 });
    expect(precision(score)).toBeCloseTo(1 / 3);
    expect(recall(score)).toBe(0.5);
    expect(score.misses).toHaveLength(1);
  });

  test('a finder that finds nothing has no precision to lose and no recall', () => {
    const score = scoreAttribution(passages, () => []);
    expect([precision(score), recall(score)]).toEqual([1, 0]);
  });
});

describe('extractQuotations on the hand-labelled passages (test/fixtures/attribution)', () => {
  const passages = JSON.parse(
    readFileSync(new URL('../../test/fixtures/attribution/passages.json', import.meta.url), 'utf8'),
  ) as LabelledPassage[];
  const score = scoreAttribution(passages, extractQuotations);

  test('the set is what issue 12 asks for: at least 30 passages, labelled in several languages', () => {
    expect(passages.length).toBeGreaterThanOrEqual(30);
    expect(score.labelled).toBeGreaterThanOrEqual(30);
  });

  test('precision of (quotation, speaker) pairs is at least 95 % and recall at least 90 %', () => {
    expect(precision(score), score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recall(score), score.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  test('no quotation of a group, a role or an ambiguous name goes to a person', () => {
    expect(score.personsForNobody).toBe(0);
  });
});
