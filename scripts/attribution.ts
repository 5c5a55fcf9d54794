#!/usr/bin/env node
// Scores the speaker finder (src/ingest/parse/quotations.ts): precision and
// recall of (quotation, speaker) pairs on the hand-labelled passages, and, for
// a folder of real documents, how many attributed quotations still carry a
// bare name their own document gives in full, and how many name a group.
// With --sample N, it also prints N attributed quotations drawn at random
// (--seed S repeats a draw), each with the text before it, to judge by hand.
// Usage: node scripts/attribution.ts [DOCUMENTS_DIR] [--sample N] [--seed S]
import { readFile, readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { join, relative } from 'node:path';
import { ingestDocument } from '../src/ingest/parse/ingest-document.ts';
import { isDocument } from '../src/ingest/parse/document-kinds.ts';
import { indexNames } from '../src/ingest/parse/name-index.ts';
import { GROUP } from '../src/ingest/parse/person-names.ts';
import { extractQuotations } from '../src/ingest/parse/quotations.ts';
import { plainText } from '../src/ingest/parse/plain-text.ts';
import { precision, recall, scoreAttribution, type LabelledPassage } from './fidelity/attribution-score.ts';

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

const passages = JSON.parse(
  await readFile(new URL('../test/fixtures/attribution/passages.json', import.meta.url), 'utf8'),
) as LabelledPassage[];
const score = scoreAttribution(passages, extractQuotations);
console.log(`Hand-labelled passages: ${passages.length}, (quotation, speaker) pairs labelled: ${score.labelled}, found: ${score.found}`);
console.log(
  `  precision ${percent(precision(score))} (${score.right}/${score.found}), recall ${percent(recall(score))} (${score.right}/${score.labelled})`,
);
console.log(`  quotations of no person given to a person: ${score.personsForNobody}`);
for (const miss of score.misses) console.log(`  ✗ ${miss}`);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sample: { type: 'string', default: '0' }, seed: { type: 'string', default: '1' } },
});
const folder = positionals[0];
if (folder) {
  const files = (await readdir(folder, { recursive: true })).map(String).filter(isDocument).sort();
  let documents = 0;
  let quotations = 0;
  let attributed = 0;
  let bare = 0;
  let groupsAsPeople = 0;
  let sources = 0;
  const bareExamples: string[] = [];
  const drawn: string[] = [];
  for (const file of files) {
    const source = relative(folder, join(folder, file)).split('\\').join('/');
    const { draft } = ingestDocument(await readFile(join(folder, file)), source, { defaultLanguage: 'en', folderSections: false });
    if (!draft) continue;
    documents++;
    const paragraphs = draft.body.children.map((node) => (node.type === 'paragraph' ? plainText(node) : ''));
    const names = indexNames(paragraphs);
    for (const quotation of draft.frontmatter.quotations) {
      quotations++;
      if (quotation.source !== undefined) sources++;
      if (quotation.speaker === undefined) continue;
      attributed++;
      const paragraph = paragraphs[quotation.paragraph] ?? '';
      const at = paragraph.indexOf(quotation.text);
      drawn.push(
        `${source} → ${quotation.speaker}\n    …${paragraph.slice(Math.max(0, at - 200), at)}⟦${quotation.text}⟧${paragraph.slice(at + quotation.text.length, at + quotation.text.length + 80)}…`,
      );
      if (GROUP.test(quotation.speaker)) groupsAsPeople++;
      if (!/\s/u.test(quotation.speaker) && typeof names.resolve(quotation.speaker) === 'string') {
        bare++;
        if (bareExamples.length < 10) bareExamples.push(`${source}: ${quotation.speaker} → ${names.resolve(quotation.speaker)}`);
      }
    }
  }
  console.log(
    `\n${folder}: ${documents} documents, ${quotations} quotations, ${attributed} attributed to a person, ${sources} to a group or role`,
  );
  console.log(`  bare names their document gives in full: ${bare} (${percent(attributed === 0 ? 0 : bare / attributed)} of attributed)`);
  console.log(`  a group word as a person: ${groupsAsPeople}`);
  for (const example of bareExamples) console.log(`  e.g. ${example}`);
  // A seeded draw (a linear congruential generator), so a judged sample can be drawn again.
  let seed = Number(values.seed);
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const count = Math.min(Number(values.sample), drawn.length);
  if (count > 0) console.log(`\nA sample of ${count} attributed quotations (seed ${values.seed}), to judge by hand:`);
  for (let i = 0; i < count; i++) console.log(`#${i + 1} ${drawn[Math.floor(next() * drawn.length)]}`);
}
