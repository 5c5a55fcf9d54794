import { expect, test } from 'vitest';
import { indexesEarly } from './pagefind.ts';

test('a first build indexes while its pages render where there are three cores or more, unless DOSSIER_EARLY_INDEX says', () => {
  expect(indexesEarly({}, 2)).toBe(false);
  expect(indexesEarly({}, 3)).toBe(true);
  expect(indexesEarly({}, 16)).toBe(true);
  expect(indexesEarly({ DOSSIER_EARLY_INDEX: '1' }, 2)).toBe(true);
  expect(indexesEarly({ DOSSIER_EARLY_INDEX: '0' }, 16)).toBe(false);
  // Anything else is not a choice: as the machine has it.
  expect(indexesEarly({ DOSSIER_EARLY_INDEX: 'yes' }, 2)).toBe(false);
});
