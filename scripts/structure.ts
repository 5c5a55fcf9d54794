#!/usr/bin/env node
// Measures how well the ingest reads a folder's structure: titles, dates,
// sections, tags and source links, against what each document and its path
// state (scripts/fidelity/structure-oracle.ts), and that no frontmatter
// reaches a page. Usage: node scripts/structure.ts DOCUMENTS_DIR [--show N]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { CORE_SCHEMA, load } from 'js-yaml';
import { splitEntry } from '../src/content/entry-file.ts';
import type { EntryFrontmatter } from '../src/content/entry-schema.ts';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { expectedOf, sameName } from './fidelity/structure-oracle.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { show: { type: 'string', default: '3' } } });
const root = positionals[0];
if (!root) throw new Error('Usage: node scripts/structure.ts DOCUMENTS_DIR [--show N]');

const out = await mkdtemp(join(tmpdir(), 'dossier-structure-'));
try {
  await runIngest({ documentsDir: root, entriesDir: out, defaultLanguage: 'en' });
  const entries = new Map<string, EntryFrontmatter>();
  for (const name of (await readdir(out)).filter((file) => file.endsWith('.mdx'))) {
    const data = load(splitEntry(await readFile(join(out, name), 'utf8'))!.frontmatter, { schema: CORE_SCHEMA }) as EntryFrontmatter;
    entries.set(data.source, data);
  }
  const fields = ['title', 'date', 'section', 'tags', 'source link', 'no frontmatter in the text'] as const;
  const tally = new Map(fields.map((field) => [field, { applicable: 0, right: 0, wrong: [] as string[] }]));
  const check = (field: (typeof fields)[number], source: string, right: boolean, detail: string): void => {
    const row = tally.get(field)!;
    row.applicable++;
    if (right) row.right++;
    else row.wrong.push(`${source}: ${detail}`);
  };
  for (const [source, entry] of entries) {
    const text = await readFile(join(root, source), 'utf8');
    const folder = join(root, source, '..');
    const category = existsSync(join(folder, '_category_.json')) ? await readFile(join(folder, '_category_.json'), 'utf8') : undefined;
    const expected = expectedOf(text, source, category);
    const body = await readFile(join(out, `${entry.slug}.mdx`), 'utf8');
    if (expected.title) check('title', source, entry.title === expected.title, `expected "${expected.title}", got "${entry.title}"`);
    else check('title', source, !/^https?:\/\//.test(entry.title) && !/^(title|date)\s*[:=]/i.test(entry.title), `got "${entry.title}"`);
    if (expected.date)
      check('date', source, entry.published?.slice(0, 10) === expected.date, `expected ${expected.date}, got ${entry.published}`);
    if (expected.section)
      check(
        'section',
        source,
        sameName(entry.section.at(-1) ?? '', expected.section),
        `expected …${expected.section}, got ${entry.section.join(' / ')}`,
      );
    if (expected.tags) {
      const got = new Set((entry.tags ?? []).map((tag) => tag.toLowerCase()));
      check(
        'tags',
        source,
        expected.tags.every((tag) => got.has(tag.toLowerCase())),
        `expected ${expected.tags.join(', ')}, got ${[...got].join(', ')}`,
      );
    }
    if (expected.sourceUrl)
      check('source link', source, entry.sourceUrl === expected.sourceUrl, `expected ${expected.sourceUrl}, got ${entry.sourceUrl}`);
    if (expected.frontmatterLine) {
      const text = body.slice(body.indexOf('\n---\n', 4) + 5);
      check('no frontmatter in the text', source, !text.includes(expected.frontmatterLine), `"${expected.frontmatterLine}" is in the text`);
    }
  }
  console.log(`${root}: ${entries.size} documents`);
  for (const [field, row] of tally) {
    if (row.applicable === 0) continue;
    const share = ((100 * row.right) / row.applicable).toFixed(1);
    console.log(`  ${field}: ${row.right} of ${row.applicable} right (${share} %)`);
    for (const wrong of row.wrong.slice(0, Number(values.show))) console.log(`    ${wrong}`);
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
