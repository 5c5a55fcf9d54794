import { describe, expect, test } from 'vitest';
import { prepareDocument } from './prepare-document.ts';

describe('prepareDocument on a long document', () => {
  // One paragraph a line, every tenth a quotation: the whole path from bytes to the entry's
  // frontmatter and MDX body, where quadratic steps would hide (quotations, sections, escaping).
  const document = (count: number): Uint8Array =>
    new TextEncoder().encode(
      `NEWS / LOCAL\nA long one\nPublished: Jan 03, 2026 09:00 AM\n\n${Array.from({ length: count }, (_, i) =>
        i % 10 === 0 ? `"The council met for the ${i}th time," said Jane Doe, the mayor.` : `Paragraph ${i} with a few words in it.`,
      ).join('\n')}`,
    );
  const prepare = (bytes: Uint8Array) => prepareDocument(bytes, 'long.txt', { defaultLanguage: 'en' });

  test('keeps every paragraph and quotation', () => {
    const { prepared } = prepare(document(1_000));
    expect(prepared!.text.match(/^ {2}- text: /gm)).toHaveLength(100);
    expect(prepared!.text).toContain('Paragraph 999 with a few words in it.');
  });

  test('takes time in proportion to its length (a ratio, not a time limit)', () => {
    const time = (bytes: Uint8Array): number => {
      // The faster of two runs: the machine's noise only ever adds time.
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        prepare(bytes);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const short = document(12_500);
    const long = document(50_000);
    time(short); // warm up the JIT
    // 4× the paragraphs: linear is about 4; a step quadratic in them would make it 16.
    expect(time(long) / time(short)).toBeLessThan(8);
    // A generous limit: this measures a ratio, and a loaded machine is slow.
  }, 60_000);
});
