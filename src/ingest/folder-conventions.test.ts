import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatMessage } from './message.ts';
import { runIngest } from './run-ingest.ts';

// One folder per convention (a Jekyll blog, a Hugo tree, a Docusaurus docs
// tree, scraped news, wire copy), each ingested as a documents folder of its
// own. Golden files, reviewed by hand: `npx vitest -u` rewrites them.
const FIXTURES = join(import.meta.dirname, '../../test/fixtures/folders');
const EXPECTED = join(import.meta.dirname, '../../test/fixtures/folders-expected');
const cases = readdirSync(FIXTURES);
const temporary = await mkdtemp(join(tmpdir(), 'dossier-folders-'));
afterAll(() => rm(temporary, { recursive: true, force: true }));

describe('folder conventions', () => {
  test.each(cases)('%s', async (name) => {
    const entries = join(temporary, name);
    const summary = await runIngest({
      documentsDir: join(FIXTURES, name),
      entriesDir: entries,
      defaultLanguage: 'en',
      parseThreads: 1,
      history: false,
    });
    const files = (await readdir(entries)).filter((file) => !file.startsWith('.')).sort();
    for (const file of files) {
      await expect(await readFile(join(entries, file), 'utf8')).toMatchFileSnapshot(join(EXPECTED, name, file));
    }
    await expect(files.join('\n') + '\n').toMatchFileSnapshot(join(EXPECTED, name, 'files.txt'));
    await expect(summary.messages.map(formatMessage).join('\n') + '\n').toMatchFileSnapshot(join(EXPECTED, name, 'messages.txt'));
  });
});
