import { expect, test } from 'vitest';
import { earlyWork } from './pagefind.ts';

test('a first build indexes shards while its pages render on three cores or more, else reads the pages, unless DOSSIER_EARLY_INDEX says', () => {
  expect(earlyWork({}, 2)).toBe('pages');
  expect(earlyWork({}, 3)).toBe('shards');
  expect(earlyWork({}, 16)).toBe('shards');
  expect(earlyWork({ DOSSIER_EARLY_INDEX: '1' }, 2)).toBe('shards');
  expect(earlyWork({ DOSSIER_EARLY_INDEX: '0' }, 16)).toBe('none');
  // Anything else is not a choice: as the machine has it.
  expect(earlyWork({ DOSSIER_EARLY_INDEX: 'yes' }, 2)).toBe('pages');
});
