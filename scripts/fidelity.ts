#!/usr/bin/env node
// Measures how faithfully the ingest keeps real documents: every non-empty
// line of every source must come out as the title, a header field or a
// rendered paragraph line, character for character.
// Usage: node scripts/fidelity.ts DOCUMENTS_DIR [--show N]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { renderEntryBody } from '../src/content/render-entry.ts';
import { controlPicture } from '../src/ingest/parse/decode.ts';
import { listFiles } from '../src/ingest/documents-folder.ts';
import { ingestDocument } from '../src/ingest/parse/ingest-document.ts';
import { isDocument } from '../src/ingest/parse/document-kinds.ts';
import { assignSlugs } from '../src/ingest/slugs.ts';
import { toMdx } from '../src/ingest/to-mdx.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { show: { type: 'string', default: '5' } } });
const root = positionals[0];
if (!root) throw new Error('Usage: node scripts/fidelity.ts DOCUMENTS_DIR [--show N]');

const files = (await listFiles(root)).filter((file) => isDocument(file.source));
const started = performance.now();
let lines = 0;
let kept = 0;
let faithful = 0;
let skipped = 0;
let controls = 0;
const languages = new Map<string, number>();
const rules = new Map<string, number>();
const titles: { source: string; title: string }[] = [];
const losses: string[] = [];

for (const file of files) {
  const bytes = await readFile(file.path);
  const { draft, messages } = ingestDocument(bytes, file.source, { defaultLanguage: 'en' });
  for (const message of messages) rules.set(message.ruleId, (rules.get(message.ruleId) ?? 0) + 1);
  if (!draft) {
    skipped++;
    continue;
  }
  const { frontmatter } = draft;
  titles.push({ source: file.source, title: frontmatter.title });
  languages.set(frontmatter.language, (languages.get(frontmatter.language) ?? 0) + 1);
  const mdx = toMdx({ ...frontmatter, slug: 'x' }, draft.body);
  const { html } = await renderEntryBody(mdx.slice(mdx.indexOf('\n---\n\n') + 6), frontmatter.quotations);
  const shown = new Set(
    fromHtml(html, { fragment: true })
      .children.flatMap((node) => toString(node).split('\n'))
      .map((line) => line.trim()),
  );
  shown.add(frontmatter.title);
  const header = [frontmatter.section.join(' / '), frontmatter.caption?.text, frontmatter.byline, frontmatter.credit].filter(
    Boolean,
  ) as string[];

  const source = new TextDecoder()
    .decode(bytes)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  let documentFaithful = true;
  for (const line of source) {
    lines++;
    const inHeader = /^(Published|Updated|By)\b/i.test(line) || header.some((field) => fold(line).includes(fold(field)));
    if (shown.has(line) || inHeader) kept++;
    else if (shown.has(showControls(line))) controls++;
    else {
      documentFaithful = false;
      if (losses.length < Number(values.show)) losses.push(`${file.source}: ${JSON.stringify(line.slice(0, 120))}`);
    }
  }
  if (documentFaithful) faithful++;
}

/** Case and white space (non-breaking spaces included) do not matter in a header line. */
function fold(text: string): string {
  return text.replace(/\s+/gu, ' ').toLowerCase();
}

/** The line as `showControlCharacters` prints it. */
function showControls(line: string): string {
  return Array.from(line, (character) => (/\p{Cc}/u.test(character) && character !== '\t' ? controlPicture(character) : character)).join(
    '',
  );
}

const slugs = assignSlugs(titles);
const seconds = (performance.now() - started) / 1000;
const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(2)} %`;
console.log(`documents: ${files.length} (${skipped} skipped by a fatal diagnostic)`);
console.log(
  `documents with every line kept (verbatim, or with control characters made visible): ${faithful} of ${files.length - skipped} (${percent(faithful, files.length - skipped)})`,
);
console.log(`lines kept verbatim: ${kept} of ${lines} (${percent(kept, lines)})`);
console.log(`lines kept with control characters made visible: ${controls} (${percent(controls, lines)})`);
console.log(`lines lost or changed otherwise: ${lines - kept - controls}`);
console.log(`unique slugs: ${new Set(slugs.values()).size} of ${slugs.size}`);
console.log(`languages: ${[...languages].map(([language, count]) => `${language} ${count}`).join(', ')}`);
console.log(`diagnostics: ${[...rules].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none'}`);
console.log(`time: ${seconds.toFixed(1)} s (${((1000 * seconds) / Math.max(files.length, 1)).toFixed(1)} ms a document)`);
for (const loss of losses) console.log(`  not found verbatim: ${loss}`);
