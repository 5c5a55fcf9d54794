#!/usr/bin/env node
// Scores the speaker finder (src/ingest/parse/quotations.ts): precision and
// recall of (quotation, speaker) pairs on the hand-labelled passages, and, for
// a folder of real documents, how many attributed quotations still carry a
// bare name their own document gives in full, and how many name a group.
// Usage: node scripts/attribution.ts [DOCUMENTS_DIR]
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ingestDocument, isDocument } from '../src/ingest/parse/ingest-document.ts';
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

const folder = process.argv[2];
if (folder) {
  const files = (await readdir(folder, { recursive: true })).map(String).filter(isDocument).sort();
  let documents = 0;
  let quotations = 0;
  let attributed = 0;
  let bare = 0;
  let groupsAsPeople = 0;
  let sources = 0;
  const bareExamples: string[] = [];
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
}
