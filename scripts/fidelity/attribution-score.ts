import type { Quotation } from '../../src/content/entry-schema.ts';

/** A hand-labelled passage: its paragraphs and, in text order, each quotation with its speaker (null: no person). */
export interface LabelledPassage {
  id: string;
  paragraphs: string[];
  quotes: [text: string, speaker: string | null][];
}

export interface AttributionScore {
  /** (quotation, speaker) pairs the labels give. */
  labelled: number;
  /** Pairs the finder gave. */
  found: number;
  /** Pairs in both. */
  right: number;
  /** Quotations the labels give to no person that the finder gave to one. */
  personsForNobody: number;
  /** What went wrong, by passage. */
  misses: string[];
}

/**
 * Precision and recall of (quotation, speaker) pairs: a pair counts when the
 * finder gives the same quoted text to the same person as the label.
 */
export function scoreAttribution(
  passages: readonly LabelledPassage[],
  find: (paragraphs: string[]) => readonly Quotation[],
): AttributionScore {
  const score: AttributionScore = { labelled: 0, found: 0, right: 0, personsForNobody: 0, misses: [] };
  for (const passage of passages) {
    const found = find(passage.paragraphs);
    const foundPairs = found.filter((quotation) => quotation.speaker !== undefined).map((q) => `${q.text}\u0000${q.speaker}`);
    const labelledPairs = passage.quotes.filter(([, speaker]) => speaker !== null).map(([text, speaker]) => `${text}\u0000${speaker}`);
    const remaining = [...foundPairs];
    let right = 0;
    for (const pair of labelledPairs) {
      const at = remaining.indexOf(pair);
      if (at !== -1) {
        remaining.splice(at, 1);
        right++;
      }
    }
    score.labelled += labelledPairs.length;
    score.found += foundPairs.length;
    score.right += right;
    const nobody = new Set(passage.quotes.filter(([, speaker]) => speaker === null).map(([text]) => text));
    score.personsForNobody += found.filter((q) => q.speaker !== undefined && nobody.has(q.text)).length;
    if (right !== labelledPairs.length || right !== foundPairs.length) {
      const shown = found.map((q) => `${q.text} → ${q.speaker ?? q.source ?? '(nobody)'}`).join(' | ');
      score.misses.push(`${passage.id}: found ${shown || '(no quotations)'}`);
    }
  }
  return score;
}

export function precision(score: AttributionScore): number {
  return score.found === 0 ? 1 : score.right / score.found;
}

export function recall(score: AttributionScore): number {
  return score.labelled === 0 ? 1 : score.right / score.labelled;
}
