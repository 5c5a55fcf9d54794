import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestDocument } from './ingest-document.ts';
import { formatMessage } from '../message.ts';
import { assignSlugs } from '../slugs.ts';
import { toMdx } from '../to-mdx.ts';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/documents');
const cases = readdirSync(FIXTURES).map((name) => {
  const input = readdirSync(join(FIXTURES, name)).find((file) => file.startsWith('input.'))!;
  return { name, input };
});

// Golden files, reviewed by hand: output.mdx is the entry the ingest writes,
// messages.txt what it reports. `npx vitest -u` rewrites them; review the diff.
describe('ingest golden files', () => {
  test.each(cases)('$name', async ({ name, input }) => {
    const source = `${name}/${input}`;
    const { draft, messages } = ingestDocument(readFileSync(join(FIXTURES, name, input)), source, {
      defaultLanguage: 'en',
      // The harness's own folders (one per case) are not the documents' sections.
      folderSections: false,
    });
    const slug = assignSlugs([{ source, title: draft!.frontmatter.title }]).get(source)!;
    await expect(toMdx({ ...draft!.frontmatter, slug }, draft!.body)).toMatchFileSnapshot(join(FIXTURES, name, 'output.mdx'));
    await expect(messages.map(formatMessage).join('\n') + '\n').toMatchFileSnapshot(join(FIXTURES, name, 'messages.txt'));
  });
});
