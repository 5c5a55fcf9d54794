import { relatedEntries } from '../../src/site/related.ts';

/**
 * Related documents' cost at a size: a synthetic archive in the shape of a
 * real one (ten sections, tags from a vocabulary of a tenth as many words as
 * documents, three a document, and a few people quoted), timed over one
 * `relatedEntries` call, the median of five. Milliseconds.
 */
export function relatedCost(size: number): number {
  const vocabulary = Math.max(10, Math.floor(size / 10));
  const documents = Array.from({ length: size }, (_, index) => ({
    id: `d${index}`,
    data: {
      section: [`Section ${index % 10}`],
      tags: [0, 1, 2].map((k) => `tag-${(index * 7 + k * 13) % vocabulary}`),
    },
  }));
  const people = Array.from({ length: Math.floor(size / 20) }, (_, index) => ({
    slug: `person-${index}`,
    quotes: [0, 1, 2, 3].map((k) => ({ document: documents[(index * 20 + k * 997) % size]! })),
  }));
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    relatedEntries(documents, people);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}
